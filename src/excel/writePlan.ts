/// <reference types="office-js" />
// Writes src/sheet's plan sheet (buildPlanSheet) to the "Assort plan" sheet with Office.js: its blocks of
// values, formulas and number formats, the plan as an Excel table, styles, data bars and colour scale, column
// widths, frozen panes, print setup, and a chart of the long tail. The layout is decided in src/sheet; this
// file only draws it (the CLI draws the same layout with exceljs). A re-run replaces what the previous run
// wrote (its table and the blocks recorded in planLayout) and nothing else: if the new plan would land on
// other non-empty cells, nothing is written and those cells are returned, so the pane can ask before calling
// again with overwrite.

import { escapeText } from "../sheet/escape";
import {
  blockArea,
  isFormula,
  planTableName,
  PLAN_SHEET,
  type Area,
  type PlanSheet,
  type SheetValue,
} from "../sheet/planSheet";
import { blockRef, inBlock, parseBlock, sheetPrefix, type Block } from "../sheet/address";
import { readBlock, writeBlock } from "./blockValues";
import { loadPlanLayout, savePlanLayout } from "./planLayout";

export { PLAN_SHEET };
export const PLAN_CHART = "AssortLongTail";
/** Cells listed when asking; the count says how many more. */
const SHOWN_CONFLICTS = 8;

export type WritePlanOutcome =
  | { written: true; sheet: string; table: string; tableName: string }
  | { written: false; conflicts: string[]; conflictCount: number };

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

const ref = (a: Area) => blockRef(a.row, a.column, a.rows, a.columns);

/** Excel's width in points of a column `chars` characters of the default font wide (7 px each, 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 4) / 4;
}

/** What Excel is given: text that could read as a formula escaped, formulas with their "=". */
function officeValue(v: SheetValue): unknown {
  if (isFormula(v)) return `=${v.formula}`;
  if (typeof v === "string") return escapeText(v);
  return v ?? "";
}

export async function writePlan(
  context: Excel.RequestContext,
  sheet: PlanSheet,
  options: { overwrite?: boolean } = {},
): Promise<WritePlanOutcome> {
  const wb = context.workbook;
  const areas = sheet.blocks.map(blockArea);
  const previous = await loadPlanLayout(context);
  let ws = wb.worksheets.getItemOrNullObject(PLAN_SHEET);
  ws.load("isNullObject");
  await context.sync();
  if (ws.isNullObject) {
    ws = wb.worksheets.add(PLAN_SHEET);
  } else {
    const oldTable = ws.tables.getItemOrNullObject(previous.table ?? planTableName(1));
    oldTable.load("isNullObject");
    await context.sync();
    const oldAddresses: string[] = [];
    if (!oldTable.isNullObject) {
      const r = oldTable.getRange();
      r.load("address");
      await context.sync();
      oldAddresses.push(r.address);
    }
    oldAddresses.push(...previous.blocks);
    const owned = oldAddresses.map(parseBlock).filter((b): b is Block => b !== undefined);
    if (!options.overwrite) {
      const conflicts = await findConflicts(context, ws, areas, owned);
      if (conflicts.length > 0)
        return { written: false, conflicts: conflicts.slice(0, SHOWN_CONFLICTS), conflictCount: conflicts.length };
    }
    // The previous run's output goes: its table (with its rows), its blocks and their formats, its chart.
    if (!oldTable.isNullObject) oldTable.delete();
    for (const b of owned) {
      const r = ws.getRange(ref(b));
      r.conditionalFormats.clearAll();
      r.clear();
    }
    const chart = ws.charts.getItemOrNullObject(PLAN_CHART);
    chart.load("isNullObject");
    await context.sync();
    if (!chart.isNullObject) chart.delete();
  }

  for (const b of sheet.blocks)
    await writeBlock(
      context,
      ws,
      b.row,
      b.column,
      b.values.map((r) => r.map(officeValue)),
      b.formats,
    );
  const t = sheet.table.area;
  const tableName = await freeTableName(context);
  // With no sheet in the address Excel would use the active sheet, whichever that is.
  const table = ws.tables.add(sheetPrefix(PLAN_SHEET) + ref(t), true);
  table.name = tableName;
  table.style = "TableStyleLight1";

  for (const s of sheet.styles) {
    const font = ws.getRange(ref(s.area)).format.font;
    if (s.bold) font.bold = true;
    if (s.italic) font.italic = true;
    if (s.alignRight) ws.getRange(ref(s.area)).format.horizontalAlignment = "Right";
    if (s.color) font.color = s.color;
  }
  for (const cf of sheet.conditionalFormats) {
    const range = ws.getRange(ref(cf.area));
    if (cf.kind === "dataBar") {
      const f = range.conditionalFormats.add("DataBar");
      f.dataBar.positiveFormat.fillColor = cf.color;
    } else {
      const f = range.conditionalFormats.add("ColorScale");
      f.colorScale.criteria = {
        minimum: { type: "Number", formula: String(cf.low.value), color: cf.low.color },
        maximum: { type: "Number", formula: String(cf.high.value), color: cf.high.color },
      };
    }
  }
  sheet.widths.forEach((w, c) => (ws.getRange(blockRef(0, c, 1, 1)).format.columnWidth = widthPoints(w)));
  ws.freezePanes.freezeAt(ws.getRange(blockRef(0, 0, sheet.freeze.rows, sheet.freeze.columns)));
  ws.pageLayout.orientation = "Landscape";
  ws.pageLayout.zoom = { horizontalFitToPages: sheet.print.fitToWidth, verticalFitToPages: sheet.print.fitToHeight };
  const [top, bottom] = sheet.print.titleRows;
  ws.pageLayout.setPrintTitleRows(`$${top + 1}:$${bottom + 1}`);

  const n = t.rows - 1;
  const stamp = areas[sheet.blocks.findIndex((b) => b.name === "stamp")];
  if (n > 0) {
    // First-choice demand and expected sales sit side by side, so one range makes both series; rows are ranks.
    const demand = sheet.table.columnOf("First-choice demand");
    const source = ws.getRange(blockRef(t.row, demand, t.rows, 2));
    const chart = ws.charts.add("Line", source, "Columns");
    chart.name = PLAN_CHART;
    chart.title.text = "Long tail: first-choice demand and expected sales by product rank";
    chart.axes.categoryAxis.title.text = "Product rank (1 = most wanted)";
    chart.axes.valueAxis.title.text = "Customers / units";
    const left = stamp.column + stamp.columns + 1;
    chart.setPosition(blockRef(0, left, 1, 1), blockRef(19, left + 7, 1, 1));
  }
  const prefix = sheetPrefix(PLAN_SHEET);
  savePlanLayout(context, {
    table: tableName,
    blocks: areas.filter((_, k) => sheet.blocks[k].name !== "table").map((a) => prefix + ref(a)),
  });
  ws.activate();
  await context.sync();
  return { written: true, sheet: PLAN_SHEET, table: prefix + ref(t), tableName };
}

/** The first of AssortPlan, AssortPlan_2, ... that no table of the workbook holds (src/sheet's rule). */
async function freeTableName(context: Excel.RequestContext): Promise<string> {
  for (let k = 1; ; k++) {
    const name = planTableName(k);
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
  targets: Area[],
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
