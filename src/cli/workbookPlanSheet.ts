// The "Assort plan" sheet as the add-in's task pane writes it (src/excel/planSheetData.ts and writePlan.ts):
// the plan as an Excel table at A1 sorted by first-choice demand (products not carried in grey), the summary
// to its right, and below the summary the stamp of how the plan was made, so a colleague can reproduce it.
// What the pane cannot know from a file (the input workbook and its checksum, the command) is added to the
// stamp. The sheet belongs to Assort: a re-run replaces it whole and touches no other sheet.

import type { Workbook, Worksheet } from "exceljs";
import { usage } from "../engine";
import type { Model, OptimizeResult } from "../engine";
import { planSheetData, TABLE_FORMATS, TABLE_HEADER, type PlanSheetData } from "../excel/planSheetData";
import { DROPPED_COLOR, PLAN_SHEET, PLAN_TABLE, planBlocks } from "../excel/writePlan";
import { unescapeText } from "../sheet/escape";
import { formatted } from "../sheet/planTable";
import { tablesOf } from "./workbookTables";

export { PLAN_SHEET };

const MONEY = "#,##0.00";
const COUNT = "#,##0";
/** Column widths in characters; the reason column is wide, as the pane makes it. */
const TABLE_WIDTHS = [6, 16, 28, 7, 12, 9, 10, 10, 100];

export interface PlanStamp {
  version: string;
  madeAt: Date;
  inputFile: string;
  inputSha256: string;
  /** Each input's full address ("Products!A1:P301"), as the pane records them. */
  inputs: { products?: string; substitution?: string; options?: string };
  /** The settings applied and where each came from, on one line. */
  settings: string;
  command: string;
}

/** Summary lines the pane's summary does not have that a buyer asks for: products dropped, budget and space used. */
function extraLines(
  model: Model,
  result: OptimizeResult,
): { after: string; line: [string, number, string]; format: string }[] {
  const u = usage(model, result.units);
  const out: { after: string; line: [string, number, string]; format: string }[] = [
    { after: "Products carried", line: ["Products dropped", model.n - u.carried, `of ${model.n}`], format: COUNT },
  ];
  const { budget, capacity } = model.constraints;
  if (budget !== null)
    out.push({
      after: "Purchase cost",
      line: [
        "Budget used",
        u.spend,
        `of ${formatted(budget)} (${budget > 0 ? Math.round((100 * u.spend) / budget) : 0}%)`,
      ],
      format: MONEY,
    });
  if (capacity !== null)
    out.push({
      after: budget !== null ? "Budget used" : "Purchase cost",
      line: ["Space used", u.space, `of ${formatted(capacity)}`],
      format: "#,##0.0",
    });
  return out;
}

/** The pane's sheet data with the file's own stamp lines and the extra summary lines. */
export function workbookPlanData(model: Model, result: OptimizeResult, stamp: PlanStamp): PlanSheetData {
  const data = planSheetData(model, result, {
    time: stamp.madeAt,
    inputs: stamp.inputs,
    parameters: stamp.settings,
    version: stamp.version,
  });
  for (const { after, line, format } of extraLines(model, result)) {
    const k = data.summary.findIndex((r) => r[0] === after);
    const at = k < 0 ? data.summary.length : k + 1;
    data.summary.splice(at, 0, line);
    data.summaryFormats.splice(at, 0, format);
  }
  const stampRows = data.stamp.map((r) => (r[0] === "Pane settings" ? ["Settings", r[1]] : r));
  stampRows.push(
    ["Made by", "assort plan (command line)"],
    ["Input workbook", stamp.inputFile],
    ["Input SHA-256", stamp.inputSha256],
    ["Command", stamp.command],
  );
  data.stamp = stampRows;
  return data;
}

/** Cells are written as values, never parsed as formulas: the apostrophe the pane adds for Excel is not needed. */
function cellValue(v: unknown): string | number | boolean | null {
  if (typeof v === "string") return v === "" ? null : unescapeText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

/** Excel wants a table's name unique among the workbook's tables and defined names, ignoring case. */
function uniqueTableName(wb: Workbook): string {
  const taken = new Set<string>((wb.definedNames.model as { name: string }[]).map((d) => d.name.toLowerCase()));
  for (const ws of wb.worksheets) for (const t of tablesOf(ws)) taken.add(t.name.toLowerCase());
  let name = PLAN_TABLE;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${PLAN_TABLE}${k}`;
  return name;
}

/** Removes an earlier plan sheet and returns its position, so the new one takes its place. */
function removeOld(wb: Workbook): number | undefined {
  // Excel compares sheet names without case: an "assort plan" sheet is the same sheet.
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === PLAN_SHEET.toLowerCase());
  if (!old) return undefined;
  const orderNo = (old as unknown as { orderNo: number }).orderNo;
  wb.removeWorksheet(old.id);
  return orderNo;
}

/** Writes rows of values from a 0-based (row, column), with a format per row and column where given. */
function writeRows(
  ws: Worksheet,
  row: number,
  column: number,
  rows: unknown[][],
  format?: (r: number, c: number) => string | undefined,
): void {
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      const value = cellValue(v);
      if (value === null) return;
      const cell = ws.getCell(row + r + 1, column + c + 1);
      cell.value = value;
      const f = format?.(r, c);
      if (f && f !== "General" && typeof value === "number") cell.numFmt = f;
    });
  });
}

/** Writes (or rewrites) the plan sheet; returns whether an earlier one was replaced. */
export function writePlanSheet(
  wb: Workbook,
  model: Model,
  result: OptimizeResult,
  stamp: PlanStamp,
): { replaced: boolean } {
  const position = removeOld(wb);
  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;

  const data = workbookPlanData(model, result, stamp);
  const blocks = planBlocks(data);
  const body = data.table.slice(1).map((r) => r.map(cellValue));
  ws.addTable({
    name: uniqueTableName(wb),
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: TABLE_HEADER.map((name) => ({ name, filterButton: true })),
    rows: body,
  });
  body.forEach((_, r) => {
    TABLE_FORMATS.forEach((f, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      if (f !== "General" && f !== "@" && typeof cell.value === "number") cell.numFmt = f;
    });
  });
  for (const k of data.droppedRows) {
    for (let c = 1; c <= TABLE_HEADER.length; c++)
      ws.getCell(k + 2, c).font = { color: { argb: `FF${DROPPED_COLOR.slice(1)}` } };
  }
  TABLE_WIDTHS.forEach((w, k) => (ws.getColumn(k + 1).width = w));

  const s = blocks.summary;
  writeRows(ws, s.row, s.column, data.summary, (r, c) => (c === 1 ? data.summaryFormats[r] : undefined));
  const st = blocks.stamp;
  writeRows(ws, st.row, st.column, data.stamp);
  for (let r = s.row; r < s.row + s.rows; r++) ws.getCell(r + 1, s.column + 1).font = { bold: true };
  ws.getCell(st.row + 1, st.column + 1).font = { bold: true };
  ws.getColumn(s.column + 1).width = 24;
  ws.getColumn(s.column + 2).width = 20;
  ws.getColumn(s.column + 3).width = 40;
  return { replaced: position !== undefined };
}
