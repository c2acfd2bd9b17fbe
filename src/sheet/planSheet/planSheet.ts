// The whole "Assort plan" sheet as data, read top to bottom as a report: a headline, the plan's figures (with
// the current range and the change when one is given), the rules and what relaxing a binding one is worth,
// notes, then the plan table ranked by first-choice demand (rank 1 = most wanted, so the long tail reads top
// to bottom), and beside it how the plan was made. src/excel/writePlan.ts and the CLI's exceljs writer both
// render this and nothing else.

import type { Model, Relaxation } from "../../engine";
import { formatted } from "../planTable";
import { FILTER_BUTTON, shownText, widthFor } from "./columnWidths";
import { kpiGrid } from "./kpiBlock";
import { letterOf, planColumns, type PlanColumn } from "./planColumns";
import { NO_EXTRAS, type ProductExtras } from "./productExtras";
import { halfWidth, hasCurrentRange, type ReportDecision, type ReportResult } from "./reportShapes";
import { rulesGrid } from "./rulesBlock";
import {
  blockArea,
  DROPPED_COLOR,
  isFormula,
  PLAN_SHEET,
  type CellStyle,
  type ConditionalFormat,
  type PlanSheet,
  type SheetBlock,
  type SheetValue,
} from "./sheetSpec";
import { stampRows, type PlanStamp } from "./stampBlock";

export interface PlanSheetInput {
  model: Model;
  result: ReportResult;
  stamp: PlanStamp;
  /** The user's other Products columns (readProductExtras), carried beside each product. */
  extras?: ProductExtras;
  /** The value of relaxing each binding rule, when it was measured. */
  relaxations?: Relaxation[];
}

export const TITLE = "Assort plan: which products to carry and how many units to buy";
/** Columns the row labels of the figures and rules run over: the table's Rank, Product and Name. */
const LABEL_SPAN = 3;
export const BAR_COLOR = "#5B9BD5";
export const RISK_LOW = "#FFFFFF";
export const RISK_HIGH = "#F8696B";

const plural = (k: number, one: string) => `${k} ${one}${k === 1 ? "" : "s"}`;
const signed = (x: number) => (x >= 0 ? "+" : "−") + formatted(Math.abs(x));

/** One line that says what the plan is, at the top. */
export function headline(model: Model, result: ReportResult): string {
  const cmp = result.comparison;
  if (cmp) {
    const a = cmp.actions;
    const g = cmp.gain.profit;
    return (
      `Against the current range: keep ${a.Keep}, add ${a.Add}, drop ${a.Drop}, more units ${a.More}, fewer units ${a.Fewer}; ` +
      `expected profit ${signed(g.mean)} ± ${formatted(halfWidth(g))} (95% interval).`
    );
  }
  let carried = 0;
  let units = 0;
  for (const x of result.units) {
    units += x;
    if (x > 0) carried++;
  }
  const ev = result.evaluation;
  return (
    `Carry ${carried} of ${plural(model.n, "product")}, ${plural(units, "unit")}; ` +
    `expected profit ${formatted(ev.expectedProfit)} ± ${formatted((ev.ci95[1] - ev.ci95[0]) / 2)} (95% interval).`
  );
}

function notes(result: ReportResult): string[] {
  const out: string[] = [];
  const cmp = result.comparison;
  if (cmp) {
    out.push(
      `Change = recommended − current range, both simulated on the same ${cmp.seasons.toLocaleString("en-US")} seasons; ± is the 95% interval of that paired difference.`,
    );
    if (cmp.currentBreaks.length > 0)
      out.push(`The current range breaks a rule (${cmp.currentBreaks.join("; ")}); it is compared all the same.`);
  }
  // The engine's own warning says so when the time limit ended the search; one line is enough.
  if (result.stoppedEarly && !result.warnings.some((w) => /early/i.test(w)))
    out.push("Stopped early (time limit or cancel): this is the best plan found so far.");
  for (const w of result.warnings) out.push(`Note: ${w}`);
  return out;
}

const NOTE_ROWS = 3;

function atMostRows(lines: string[], k: number): string[] {
  return lines.length > k ? [...lines.slice(0, k - 1), lines.slice(k - 1).join(" ")] : lines;
}

/** Products most wanted first; ties keep the model's order. */
function ranked(result: ReportResult): number[] {
  return result.decisions
    .map((d, i) => ({ i, demand: d.firstChoiceDemand }))
    .sort((a, b) => b.demand - a.demand || a.i - b.i)
    .map((x) => x.i);
}

/** [start, length] of each run of consecutive numbers in an ascending list. */
export function runs(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
}

const grid = (name: SheetBlock["name"], row: number, values: SheetValue[][], formats?: string[][]): SheetBlock => ({
  name,
  row,
  column: 0,
  values,
  formats: formats ?? values.map((r) => r.map(() => "General")),
});

export function buildPlanSheet(input: PlanSheetInput): PlanSheet {
  const { model, result } = input;
  const extras = input.extras ?? NO_EXTRAS;
  const columns: PlanColumn[] = planColumns(model, extras, hasCurrentRange(result));
  const header = columns.map((c) => c.header);
  const letter = letterOf(columns, 0);
  const order = ranked(result);
  const n = order.length;

  // Where the table lands depends on the blocks above it; their formulas point into the table's body.
  // The notes take a fixed number of rows, so a re-run whose warnings differ puts the table where the last
  // run's was (and replaces only its own cells): extra notes share the last row.
  const notesText = atMostRows(notes(result), NOTE_ROWS);
  const rules = result.rules ?? [];
  const kpiRows = result.comparison ? 5 : 2;
  let row = 3 + kpiRows + 1;
  const rulesRow = rules.length > 0 ? row : -1;
  if (rules.length > 0) row += rules.length + 2;
  const notesRow = notesText.length > 0 ? row : -1;
  row += NOTE_ROWS + 1; // reserved even when empty, so the table stays put from run to run
  const headerRow = row;
  const first = headerRow + 2; // sheet row number (1-based) of the first product
  const last = headerRow + 1 + n;
  const body = (h: string) => `${letter(h)}${first}:${letter(h)}${Math.max(first, last)}`;
  const sum = (h: string) => (n > 0 ? `SUM(${body(h)})` : "0");
  const kpiFormulas = {
    units: sum("Units"),
    buyCost: sum("Buy value"),
    carried: n > 0 ? `COUNTIF(${body("Units")},">0")` : "0",
  };

  const blocks: SheetBlock[] = [grid("title", 0, [[TITLE], [headline(model, result)]])];
  const kpis = kpiGrid(result, kpiFormulas, LABEL_SPAN);
  blocks.push(grid("kpis", 3, kpis.values, kpis.formats));
  const rulesValues = rulesGrid(
    rules,
    input.relaxations ?? [],
    { budget: sum("Buy value"), maxProducts: kpiFormulas.carried },
    LABEL_SPAN,
  );
  if (rulesValues) blocks.push(grid("rules", rulesRow, rulesValues.values, rulesValues.formats));
  if (notesText.length > 0)
    blocks.push(
      grid(
        "notes",
        notesRow,
        notesText.map((t) => [t]),
      ),
    );

  const table: SheetValue[][] = [header];
  const droppedRows: number[] = [];
  order.forEach((i, k) => {
    const d: ReportDecision = result.decisions[i];
    const ctx = { d, i, rank: k + 1, sheetRow: first + k, letter };
    table.push(columns.map((c) => c.cell(ctx)));
    if (!d.carry) droppedRows.push(k);
  });
  const tableBlock = grid(
    "table",
    headerRow,
    table,
    table.map((_, r) => columns.map((c) => (r === 0 ? "General" : c.format))),
  );
  blocks.push(tableBlock);

  const widest = Math.max(...blocks.map((b) => b.values[0]?.length ?? 0));
  const stamp = stampRows(result, input.stamp);
  blocks.push({
    name: "stamp",
    row: 0,
    column: widest + 1,
    values: stamp,
    formats: stamp.map((r) => r.map(() => "General")),
  });

  const tableArea = blockArea(tableBlock);
  const bodyArea = (h: string) => ({ row: headerRow + 1, column: header.indexOf(h), rows: n, columns: 1 });
  const styles: CellStyle[] = [
    { area: { row: 0, column: 0, rows: 1, columns: 1 }, bold: true },
    ...blocks
      .filter((b) => b.name === "kpis" || b.name === "rules")
      .flatMap((b) => [
        { area: { row: b.row, column: 0, rows: 1, columns: b.values[0].length }, bold: true },
        { area: { row: b.row, column: 0, rows: b.values.length, columns: 1 }, bold: true },
      ]),
    { area: { row: 0, column: widest + 1, rows: 1, columns: 2 }, bold: true },
    ...runs(droppedRows).map(([start, length]) => ({
      area: { row: headerRow + 1 + start, column: 0, rows: length, columns: header.length },
      color: DROPPED_COLOR,
    })),
  ];
  // The figures' and rules' headers stand over right-aligned numbers: aligned with them, a header reads as
  // the name of the figure below it rather than of the next one (the table's headers keep their filter button).
  for (const b of blocks.filter((x) => x.name === "kpis" || x.name === "rules"))
    for (let c = LABEL_SPAN; c < b.values[0].length; c++)
      if (b.values.slice(1).some((r) => typeof r[c] === "number" || isFormula(r[c])))
        styles.push({ area: { row: b.row, column: c, rows: 1, columns: 1 }, alignRight: true });
      // The rules' Status (binding, slack) between two figures: right-aligned, it does not run into the limit.
      else if (b.values[0][c] === "Status")
        styles.push({ area: { row: b.row, column: c, rows: b.values.length, columns: 1 }, alignRight: true });
  if (notesRow >= 0)
    styles.push({ area: { row: notesRow, column: 0, rows: notesText.length, columns: 1 }, italic: true });
  const conditionalFormats: ConditionalFormat[] =
    n === 0
      ? []
      : [
          { kind: "dataBar", area: bodyArea("Units"), color: BAR_COLOR },
          { kind: "dataBar", area: bodyArea("Expected sales"), color: BAR_COLOR },
          {
            kind: "colorScale",
            area: bodyArea("Stock-out risk"),
            low: { value: 0, color: RISK_LOW },
            high: { value: 1, color: RISK_HIGH },
          },
        ];

  return {
    sheet: PLAN_SHEET,
    blocks,
    table: { area: tableArea, header, droppedRows, columnOf: (h) => header.indexOf(h) },
    styles,
    conditionalFormats,
    widths: columnWidths(blocks, headerRow),
    freeze: { rows: headerRow + 1, columns: LABEL_SPAN },
    print: { orientation: "landscape", fitToWidth: 1, fitToHeight: 0, titleRows: [headerRow, headerRow] },
  };
}

/**
 * Every column as wide as its widest cell shows. Titles, notes and the row labels of the figures run over
 * empty cells to their right and do not widen their column; the labels' span is widened at its last column
 * if it is too narrow for them.
 */
function columnWidths(blocks: SheetBlock[], headerRow: number): number[] {
  const widths: number[] = [];
  const need = (c: number, w: number) => (widths[c] = Math.max(widths[c] ?? 0, w));
  let labels = 0;
  for (const b of blocks) {
    b.values.forEach((values, r) =>
      values.forEach((v, c) => {
        const col = b.column + c;
        if (b.name === "title" || b.name === "notes") return;
        const text = shownText(v, b.formats[r][c]);
        if ((b.name === "kpis" || b.name === "rules") && c === 0) {
          labels = Math.max(labels, text.length + 1);
          return;
        }
        need(col, widthFor(text, b.name === "table" && b.row + r === headerRow ? FILTER_BUTTON : 0));
      }),
    );
  }
  const last = Math.max(...blocks.map((b) => b.column + (b.values[0]?.length ?? 0)));
  for (let c = 0; c < last; c++) widths[c] = widths[c] ?? widthFor("");
  const span = widths.slice(0, LABEL_SPAN).reduce((a, w) => a + w, 0);
  if (span < labels) widths[LABEL_SPAN - 1] += labels - span;
  return widths;
}
