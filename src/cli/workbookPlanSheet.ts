// The "Assort plan" sheet, written as the add-in writes a plan: the plan table of src/sheet/planTable.ts as a
// real Excel table (so it sorts and filters, and `assort evaluate` or ASSORT.EVALUATE read it back), number
// formats, the summary block below it, and a stamp saying how the plan was made so a colleague can
// reproduce it. Re-running replaces this sheet and nothing else.

import type { Workbook, Worksheet } from "exceljs";
import type { Model } from "../engine/instance";
import type { OptimizeResult } from "../engine/optimizeTypes";
import { usage } from "../engine/planLimits";
import { unescapeText } from "../sheet/escape";
import { formatted, PLAN_HEADER, planTable } from "../sheet/planTable";
import { blankRow, summaryRows, type SummaryLine } from "../sheet/summaryBlock";

export const PLAN_SHEET = "Assort plan";
const TABLE_NAME = "AssortPlan";

const MONEY = "#,##0.00";
const COUNT = "#,##0";
const ONE_DECIMAL = "#,##0.0";
/** planTable gives "% of bound" and "Sell-through %" as numbers from 0 to 100. */
const PERCENT_NUMBER = '0.0"%"';

const SUMMARY_FORMATS: Record<string, string> = {
  "Expected profit": MONEY, "± 95% interval": MONEY, "Upper bound": MONEY, "% of bound": PERCENT_NUMBER,
  "Products carried": COUNT, "Products dropped": COUNT, Units: COUNT, "Purchase cost": MONEY, "Budget used": MONEY,
  "Space used": ONE_DECIMAL, "Expected revenue": MONEY, "Expected units sold": ONE_DECIMAL, "Sell-through %": PERCENT_NUMBER,
};

/** Per column of the plan table: width in characters and number format. */
const PLAN_COLUMNS: { width: number; numFmt?: string }[] = [
  { width: 22 }, { width: 16 }, { width: 14, numFmt: COUNT }, { width: 15, numFmt: ONE_DECIMAL }, { width: 15, numFmt: "0%" }, { width: 100 },
];

export interface PlanStamp {
  version: string;
  madeAt: Date;
  inputFile: string;
  inputSha256: string;
  /** Each input's address, e.g. ["Products", "Products!A1:K301 (table Products)"]. */
  inputs: [string, string][];
  /** The settings and where each came from, e.g. ["Seed", "1 (--seed)"]. */
  settings: [string, string][];
  command: string;
}

/** Lines planTable does not have that a buyer asks for: how many products were dropped, how much budget is used. */
function extraLines(model: Model, result: OptimizeResult): { after: string; line: SummaryLine }[] {
  const u = usage(model, result.units);
  const out: { after: string; line: SummaryLine }[] = [
    { after: "Products carried", line: ["Products dropped", model.n - u.carried, `of ${model.n}`] },
  ];
  const { budget, capacity, maxProducts } = model.constraints;
  if (budget !== null) out.push({ after: "Purchase cost", line: ["Budget used", u.spend, `of ${formatted(budget)} (${budget > 0 ? Math.round((100 * u.spend) / budget) : 0}%)`] });
  if (capacity !== null) out.push({ after: "Budget used", line: ["Space used", u.space, `of ${formatted(capacity)}`] });
  if (maxProducts !== null) out.push({ after: "Products dropped", line: ["Product limit", maxProducts, "at most this many carried"] });
  return out;
}

/** The summary rows of planTable with the extra lines put after the line they belong to. */
function summaryWithExtras(model: Model, result: OptimizeResult, rows: unknown[][], width: number): unknown[][] {
  const summary = rows.slice(model.n + 2);
  for (const { after, line } of extraLines(model, result)) {
    const k = summary.findIndex((r) => r[0] === after);
    summary.splice(k < 0 ? summary.length : k + 1, 0, ...summaryRows([line], width));
  }
  return summary;
}

function uniqueTableName(wb: Workbook): string {
  const taken = new Set<string>();
  for (const ws of wb.worksheets) for (const t of ws.getTables() as unknown as { table: { name: string } }[]) taken.add(t.table.name.toLowerCase());
  let name = TABLE_NAME;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${TABLE_NAME}${k}`;
  return name;
}

/** Removes an earlier plan sheet and returns the position it had, so the new one takes its place. */
function removeOld(wb: Workbook): number | undefined {
  const old = wb.getWorksheet(PLAN_SHEET);
  if (!old) return undefined;
  const orderNo = (old as unknown as { orderNo: number }).orderNo;
  wb.removeWorksheet(old.id);
  return orderNo;
}

function writeLabelRows(ws: Worksheet, startRow: number, rows: unknown[][]): number {
  let r = startRow;
  for (const row of rows) {
    const label = row[0];
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = ws.getCell(r, c + 1);
      cell.value = typeof v === "string" ? unescapeText(v) : (v as number | boolean);
      if (c === 0) cell.font = { bold: true };
      if (c === 1 && typeof v === "number" && typeof label === "string" && SUMMARY_FORMATS[label]) cell.numFmt = SUMMARY_FORMATS[label];
    });
    r++;
  }
  return r;
}

/** Writes (or rewrites) the plan sheet; returns its name. */
export function writePlanSheet(wb: Workbook, model: Model, result: OptimizeResult, stamp: PlanStamp): string {
  const position = removeOld(wb);
  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;

  const rows = planTable(model, result);
  const width = PLAN_HEADER.length;
  // Cells are written as values, never parsed as formulas, so the apostrophe planTable adds for Excel's
  // input line is not needed here.
  const body = rows.slice(1, model.n + 1).map((row) => row.map((v) => (typeof v === "string" ? unescapeText(v) : v)));
  ws.addTable({
    name: uniqueTableName(wb),
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: PLAN_HEADER.map((name) => ({ name, filterButton: true })),
    rows: body,
  });
  PLAN_COLUMNS.forEach((c, k) => {
    const column = ws.getColumn(k + 1);
    column.width = c.width;
    if (c.numFmt) for (let r = 2; r <= model.n + 1; r++) ws.getCell(r, k + 1).numFmt = c.numFmt;
  });

  let next = writeLabelRows(ws, model.n + 3, summaryWithExtras(model, result, rows, width));
  next++;
  ws.getCell(next, 1).value = "How this plan was made";
  ws.getCell(next, 1).font = { bold: true, size: 12 };
  const stampRows: unknown[][] = [
    ["Made by", `Assort ${stamp.version}, assort plan`],
    ["Made at", `${stamp.madeAt.toISOString().replace("T", " ").slice(0, 19)} UTC`],
    ["Input workbook", stamp.inputFile],
    ["Input SHA-256", stamp.inputSha256],
    ...stamp.inputs,
    ...stamp.settings,
    ["Search time", `${(result.elapsedMs / 1000).toFixed(1)} s${result.stoppedEarly ? " (stopped by the time limit: the best plan found so far)" : ""}`],
    ["Command", stamp.command],
    ["To reproduce", "run the command on the input workbook: the same inputs, method and seed give the same plan unless the time limit cut the search short"],
  ];
  writeLabelRows(ws, next + 1, stampRows.map((r) => [...r, ...blankRow(width)].slice(0, width)));
  return PLAN_SHEET;
}
