/// <reference types="office-js" />
// Writes a plan to the "Assort plan" sheet: the plan as an Excel table at A1 (number formats, products not
// carried in grey), the summary and the run's stamp to its right, and a chart of the long tail. A re-run
// replaces what the previous run wrote (its table and the blocks recorded in planLayout) and nothing else:
// if the new plan would land on other non-empty cells, nothing is written and those cells are returned, so
// the pane can ask before calling again with overwrite.

import { blockRef, inBlock, parseBlock, sheetPrefix, type Block } from "../sheet/address";
import { readBlock, writeBlock } from "./blockValues";
import { loadPlanLayout, savePlanLayout } from "./planLayout";
import { DEMAND_COLUMN, TABLE_FORMATS, UNITS_COLUMN, type PlanSheetData } from "./planSheetData";

export const PLAN_SHEET = "Assort plan";
export const PLAN_TABLE = "AssortPlan";
export const PLAN_CHART = "AssortLongTail";
export const DROPPED_COLOR = "#8A8886";
/** The summary and stamp start one blank column right of the table. */
const GAP = 1;
/** Cells listed when asking; the count says how many more. */
const SHOWN_CONFLICTS = 8;
const REASON_WIDTH_PT = 320;

export type WritePlanOutcome =
  | { written: true; sheet: string; table: string; tableName: string }
  | { written: false; conflicts: string[]; conflictCount: number };

export interface PlanBlocks {
  table: Block;
  summary: Block;
  stamp: Block;
}

export function planBlocks(data: PlanSheetData): PlanBlocks {
  const right = data.table[0].length + GAP;
  const summary: Block = { row: 0, column: right, rows: data.summary.length, columns: 3 };
  return {
    table: { row: 0, column: 0, rows: data.table.length, columns: data.table[0].length },
    summary,
    stamp: { row: summary.rows + 1, column: right, rows: data.stamp.length, columns: 2 },
  };
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

export async function writePlan(
  context: Excel.RequestContext,
  data: PlanSheetData,
  options: { overwrite?: boolean } = {},
): Promise<WritePlanOutcome> {
  const wb = context.workbook;
  const blocks = planBlocks(data);
  const previous = await loadPlanLayout(context);
  let ws = wb.worksheets.getItemOrNullObject(PLAN_SHEET);
  ws.load("isNullObject");
  await context.sync();
  const owned: Block[] = [];
  const oldAddresses: string[] = [];
  if (ws.isNullObject) {
    ws = wb.worksheets.add(PLAN_SHEET);
  } else {
    const oldTable = ws.tables.getItemOrNullObject(previous.table ?? PLAN_TABLE);
    oldTable.load("isNullObject");
    await context.sync();
    if (!oldTable.isNullObject) {
      const r = oldTable.getRange();
      r.load("address");
      await context.sync();
      oldAddresses.push(r.address);
    }
    oldAddresses.push(...previous.blocks);
    for (const a of oldAddresses) {
      const b = parseBlock(a);
      if (b) owned.push(b);
    }
    if (!options.overwrite) {
      const conflicts = await findConflicts(context, ws, [blocks.table, blocks.summary, blocks.stamp], owned);
      if (conflicts.length > 0)
        return { written: false, conflicts: conflicts.slice(0, SHOWN_CONFLICTS), conflictCount: conflicts.length };
    }
    // The previous run's output goes: its table (with its rows), its summary and stamp, its chart.
    if (!oldTable.isNullObject) oldTable.delete();
    for (const b of owned) ws.getRange(blockRef(b.row, b.column, b.rows, b.columns)).clear();
    const chart = ws.charts.getItemOrNullObject(PLAN_CHART);
    chart.load("isNullObject");
    await context.sync();
    if (!chart.isNullObject) chart.delete();
  }

  const t = blocks.table;
  const body = data.table.length - 1;
  const formats = data.table.map((_, r) => (r === 0 ? data.table[0].map(() => "General") : TABLE_FORMATS));
  await writeBlock(context, ws, t.row, t.column, data.table, formats);
  const tableRef = blockRef(t.row, t.column, t.rows, t.columns);
  const tableName = await freeTableName(context);
  // With no sheet in the address Excel would use the active sheet, whichever that is.
  const table = ws.tables.add(sheetPrefix(PLAN_SHEET) + tableRef, true);
  table.name = tableName;
  table.style = "TableStyleLight1";
  // Products not carried in grey: the table is sorted by rank, so they come in a few runs of rows.
  for (const [start, length] of runs(data.droppedRows)) {
    ws.getRange(blockRef(t.row + 1 + start, t.column, length, t.columns)).format.font.color = DROPPED_COLOR;
  }
  ws.getRange(blockRef(t.row, t.column, t.rows, t.columns - 1)).format.autofitColumns();
  ws.getRange(blockRef(t.row, t.column + t.columns - 1, t.rows, 1)).format.columnWidth = REASON_WIDTH_PT;

  const s = blocks.summary;
  const summaryFormats = data.summaryFormats.map((f) => ["General", f, "General"]);
  await writeBlock(context, ws, s.row, s.column, data.summary, summaryFormats);
  ws.getRange(blockRef(s.row, s.column, s.rows, 1)).format.font.bold = true;
  const st = blocks.stamp;
  await writeBlock(context, ws, st.row, st.column, data.stamp);
  ws.getRange(blockRef(st.row, st.column, 1, 2)).format.font.bold = true;
  ws.getRange(blockRef(s.row, s.column, st.row + st.rows, 3)).format.autofitColumns();

  if (body > 0) {
    // First-choice demand and units sit side by side, so one range makes both series; rows are ranks.
    const source = ws.getRange(blockRef(t.row, DEMAND_COLUMN, t.rows, UNITS_COLUMN - DEMAND_COLUMN + 1));
    const chart = ws.charts.add("Line", source, "Columns");
    chart.name = PLAN_CHART;
    chart.title.text = "Long tail: first-choice demand and planned units by product rank";
    chart.axes.categoryAxis.title.text = "Product rank (1 = most wanted)";
    chart.axes.valueAxis.title.text = "Customers / units";
    const left = s.column + 4;
    chart.setPosition(blockRef(0, left, 1, 1), blockRef(19, left + 7, 1, 1));
  }
  const prefix = sheetPrefix(PLAN_SHEET);
  savePlanLayout(context, {
    table: tableName,
    blocks: [blocks.summary, blocks.stamp].map((b) => prefix + blockRef(b.row, b.column, b.rows, b.columns)),
  });
  ws.activate();
  await context.sync();
  return { written: true, sheet: PLAN_SHEET, table: prefix + tableRef, tableName };
}

/**
 * AssortPlan, unless that name is taken: table names are the workbook's, and a user who renamed the plan sheet
 * to keep an old plan keeps its table too. Then AssortPlan_2, _3, ...
 */
async function freeTableName(context: Excel.RequestContext): Promise<string> {
  for (let k = 1; ; k++) {
    const name = k === 1 ? PLAN_TABLE : `${PLAN_TABLE}_${k}`;
    const t = context.workbook.tables.getItemOrNullObject(name);
    t.load("isNullObject");
    await context.sync();
    if (t.isNullObject) return name;
  }
}

/** Non-empty cells of the target blocks that the previous run did not write. */
async function findConflicts(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  targets: Block[],
  owned: Block[],
): Promise<string[]> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("isNullObject");
  await context.sync();
  if (used.isNullObject) return [];
  const out: string[] = [];
  for (const b of targets) {
    const values = await readBlock(context, ws, b);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = { row: b.row + r, column: b.column + c };
        if (!isEmpty(v) && !owned.some((o) => inBlock(o, at.row, at.column)))
          out.push(sheetPrefix(PLAN_SHEET) + blockRef(at.row, at.column, 1, 1));
      }),
    );
  }
  return out;
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
