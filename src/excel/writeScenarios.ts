/// <reference types="office-js" />
// Writes src/sheet's "Assort scenarios" layout (scenariosSheet) with Office.js: the points table, each point's
// plan per product, the line saying how the sweep was made, and a native line chart of expected profit, its
// 95% band and the upper bound against the rule's value. The sheet belongs to Assort (the CLI replaces it
// whole too): a re-run clears what is on it and its chart, and touches no other sheet.

import { blockRef, sheetPrefix } from "../sheet/address";
import type { Area } from "../sheet/planSheet";
import { SCENARIOS_CHART, SCENARIOS_SHEET, type ScenariosBlock, type ScenariosSheet } from "../sheet/scenariosSheet";
import { writeBlock } from "./blockValues";
import { widthPoints } from "./writePlan";

export { SCENARIOS_SHEET, SCENARIOS_CHART };

export interface WriteScenariosOutcome {
  sheet: string;
  /** The points table's address, e.g. 'Assort scenarios'!A1:L8. */
  table: string;
  replaced: boolean;
}

const ref = (a: Area) => blockRef(a.row, a.column, a.rows, a.columns);
const areaOf = (b: ScenariosBlock): Area => ({
  row: b.row,
  column: b.column,
  rows: b.values.length,
  columns: b.values[0]?.length ?? 0,
});

export async function writeScenarios(
  context: Excel.RequestContext,
  layout: ScenariosSheet,
): Promise<WriteScenariosOutcome> {
  const wb = context.workbook;
  let ws = wb.worksheets.getItemOrNullObject(SCENARIOS_SHEET);
  ws.load("isNullObject");
  await context.sync();
  const replaced = !ws.isNullObject;
  if (ws.isNullObject) ws = wb.worksheets.add(SCENARIOS_SHEET);
  else {
    // Our sheet: its old curve and its old cells go, so a shorter sweep leaves nothing of a longer one.
    const chart = ws.charts.getItemOrNullObject(SCENARIOS_CHART);
    const used = ws.getUsedRangeOrNullObject();
    chart.load("isNullObject");
    used.load("isNullObject");
    await context.sync();
    if (!chart.isNullObject) chart.delete();
    if (!used.isNullObject) used.clear();
  }
  for (const b of [layout.points, layout.plans, layout.how]) {
    await writeBlock(context, ws, b.row, b.column, b.values, b.formats);
    if (b.header) ws.getRange(ref({ ...areaOf(b), rows: 1 })).format.font.bold = true;
  }
  layout.widths.forEach((w, c) => (ws.getRange(blockRef(0, c, 1, 1)).format.columnWidth = widthPoints(w)));
  ws.freezePanes.freezeAt(ws.getRange(blockRef(0, 0, 1, 1)));

  const c = layout.chart;
  // A line chart of the four money columns, one series each, with the rule's values as its categories.
  const chart = ws.charts.add("Line", ws.getRange(ref(c.series)), "Columns");
  chart.name = SCENARIOS_CHART;
  chart.title.text = c.title;
  chart.axes.categoryAxis.setCategoryNames(ws.getRange(ref(c.categories)));
  chart.axes.categoryAxis.title.text = c.xTitle;
  chart.axes.valueAxis.title.text = c.yTitle;
  const points = areaOf(layout.points);
  const left = points.column + points.columns + 1;
  chart.setPosition(blockRef(0, left, 1, 1), blockRef(17, left + 7, 1, 1));
  ws.activate();
  await context.sync();
  return { sheet: SCENARIOS_SHEET, table: sheetPrefix(SCENARIOS_SHEET) + ref(points), replaced };
}
