/// <reference types="office-js" />
// The pane's "Write the curve" against office-addin-mock: the Assort scenarios sheet gets the layout the CLI
// writes (src/sheet/scenariosSheet: the points table at A1 with its number formats, each point's plan per
// product, the how line), a native line chart of profit, its band and the bound against the rule's values,
// and a re-run clears its own sheet and chart first. Also: the sheet's figures are the sweep's.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateInstance, sweep, type Model, type SweepResult } from "../../src/engine";
import { blockRef } from "../../src/sheet/address";
import { scenariosSheet, type ScenariosBlock } from "../../src/sheet/scenariosSheet";
import { sweepCells } from "../../src/sheet/sweepTable";
import { SCENARIOS_CHART, SCENARIOS_SHEET, writeScenarios } from "../../src/excel/writeScenarios";
import { widthPoints } from "../../src/excel/writePlan";
import { mockExcel, type MockNode } from "./mockWorkbook";

const prefix = "'Assort scenarios'!";
let model: Model;
let result: SweepResult;

beforeAll(async () => {
  model = validateInstance(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "small.json"), "utf8")));
  // The fluid method: no search, so the sweep takes a moment; the layout does not depend on the method.
  result = await sweep(model, "budget", [2000, 4000, 6000], { seed: 3, method: "fluid", timeLimitMs: 30000 });
}, 60000);

const areaRef = (b: ScenariosBlock) => blockRef(b.row, b.column, b.values.length, b.values[0].length);

test("the layout: the points table is the sweep's cells, the plans sit below it, the chart reads B:E", () => {
  const layout = scenariosSheet(model, result, "made by a test");
  expect(layout.points.values).toEqual(sweepCells(result));
  expect(layout.points.values[0].slice(0, 5)).toEqual([
    "Budget",
    "Expected profit",
    "Profit low 95%",
    "Profit high 95%",
    "Upper bound",
  ]);
  expect(layout.points.values[2][1]).toBe(result.points[1].expectedProfit.mean);
  expect(layout.points.formats[1][1]).toBe("#,##0.00");
  expect(layout.plans.row).toBe(result.points.length + 2);
  expect(layout.plans.values[0]).toEqual(["Product", "Budget 2000", "Budget 4000", "Budget 6000"]);
  expect(layout.plans.values.slice(1).map((r) => r[3])).toEqual(Array.from(result.points[2].plan));
  expect(layout.how.row).toBe(layout.plans.row + model.n + 2);
  expect(layout.chart.series).toEqual({ row: 0, column: 1, rows: 4, columns: 4 });
  expect(layout.chart.categories).toEqual({ row: 1, column: 0, rows: 3, columns: 1 });
});

test("a new sheet gets the blocks, formats, widths, freeze and the line chart", async () => {
  const layout = scenariosSheet(model, result, "made by a test");
  const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
  const outcome = await writeScenarios(context, layout);
  expect(outcome).toEqual({ sheet: SCENARIOS_SHEET, table: prefix + areaRef(layout.points), replaced: false });
  expect(log.sheetsAdded).toEqual([SCENARIOS_SHEET]);
  for (const b of [layout.points, layout.plans, layout.how]) {
    const range = log.ranges.get(prefix + areaRef(b)) as MockNode;
    range.load("values, numberFormat");
    await context.sync();
    expect(range.values).toEqual(b.values);
    expect(range.numberFormat).toEqual(b.formats);
  }
  const width = log.ranges.get(prefix + "A1") as MockNode & { format: { columnWidth: number } };
  expect(width.format.columnWidth).toBe(widthPoints(layout.widths[0]));
  expect(log.frozen[SCENARIOS_SHEET]).toBe(prefix + "A1");
  expect(log.charts).toHaveLength(1);
  const chart = log.charts[0];
  expect([chart.type, chart.source, chart.seriesBy, chart.chart.name]).toEqual([
    "Line",
    prefix + "B1:E4",
    "Columns",
    SCENARIOS_CHART,
  ]);
  expect(log.chartCategories[0]).toBe(prefix + "A2:A4");
  expect((chart.chart.title as { text: string }).text).toMatch(/Expected profit against budget/);
  const axes = chart.chart.axes as {
    categoryAxis: { title: { text: string } };
    valueAxis: { title: { text: string } };
  };
  expect([axes.categoryAxis.title.text, axes.valueAxis.title.text]).toEqual(["Budget", "Profit"]);
});

test("an existing Assort scenarios sheet is reused: its cells are cleared, then written", async () => {
  const layout = scenariosSheet(model, result, "again");
  const { context, log } = mockExcel({ sheets: { [SCENARIOS_SHEET]: [["old"], ["older"]] } });
  const outcome = await writeScenarios(context, layout);
  expect(outcome.replaced).toBe(true);
  expect(log.sheetsAdded).toEqual([]);
  expect(log.charts).toHaveLength(1);
});
