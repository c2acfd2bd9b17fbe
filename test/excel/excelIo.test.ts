/// <reference types="office-js" />
// src/excel against office-addin-mock (docs/office.md §4.1): which ranges are found, how big ranges are read, what
// the plan sheet gets (values, number formats, table, grey rows, summary, stamp, chart, settings), that
// other people's cells stop the write, the sample data, the setup, the selection. The mock refuses reads
// that were not loaded and synced, so passing also means the load/sync order is right.

import { blockRef } from "../../src/sheet/address";
import { writeBlock } from "../../src/excel/blockValues";
import { findInputs } from "../../src/excel/findInputs";
import { insertSample } from "../../src/excel/insertSample";
import { LAYOUT_KEY, parsePlanLayout } from "../../src/excel/planLayout";
import { readValues } from "../../src/excel/readValues";
import { selectCell } from "../../src/excel/selectCell";
import { selectedAddress } from "../../src/excel/selection";
import { loadSetup, saveSetup, SETUP_KEY } from "../../src/excel/setup";
import { PLAN_CHART, widthPoints, writePlan } from "../../src/excel/writePlan";
import { escapeText } from "../../src/sheet/escape";
import {
  blockArea,
  buildPlanSheet,
  DROPPED_COLOR,
  isFormula,
  PLAN_TABLE,
  readProductExtras,
  runs,
  type Area,
  type PlanSheet,
  type SheetBlock,
} from "../../src/sheet/planSheet";
import { reportCase, STAMP } from "../sheet/planSheet/reportFixture";
import { mockExcel, type MockNode } from "./mockWorkbook";

let sheet: PlanSheet;

beforeAll(async () => {
  // A real plan with a budget tight enough that some products are dropped, against a current range, with the
  // rules, a relaxation and the user's own columns.
  const { model, result, relaxations } = await reportCase({ current: true, rules: true, relaxations: true });
  const extras = readProductExtras([["Product", "Style"], ...result.decisions.map((d) => [d.id, d.id.slice(0, 3)])]);
  sheet = buildPlanSheet({ model, result, relaxations, extras, stamp: STAMP });
});

describe("findInputs", () => {
  const book = () => ({
    sheets: { Data: [["x"]] },
    tables: { Products: { sheet: "Data", ref: "A1:D4" } },
    names: { Substitution: { sheet: "Data", ref: "F1:H3" }, Options: { sheet: "Data", ref: "J1", type: "String" } },
  });

  test("finds a table and a named range by name; a name that holds a constant is not a range", async () => {
    const { context } = mockExcel(book());
    expect(await findInputs(context)).toEqual({
      products: { address: "Data!A1:D4", source: "table" },
      substitution: { address: "Data!F1:H3", source: "name" },
    });
  });

  test("a table's Totals row is left out, and said so", async () => {
    const { context } = mockExcel({
      sheets: { Data: [["x"]] },
      tables: { Products: { sheet: "Data", ref: "A1:D5", showTotals: true } },
    });
    expect(await findInputs(context)).toEqual({
      products: { address: "Data!A1:D4", source: "table", totalsRowSkipped: true },
    });
  });

  test("a range saved in the workbook wins; one on a deleted sheet is forgotten", async () => {
    const { context } = mockExcel(book());
    expect(
      await findInputs(context, {
        products: "Data!$B$10:$E$20",
        substitution: "Gone!A1:C9",
        options: "not an address",
      }),
    ).toEqual({
      products: { address: "Data!B10:E20", source: "saved" },
      substitution: { address: "Data!F1:H3", source: "name" },
    });
  });
});

describe("readValues", () => {
  const grid = Array.from({ length: 7 }, (_, r) => [`P${r}`, r, r * 2]);

  test("reads a range a block of rows at a time and keeps every row, hidden or not", async () => {
    const { context, log } = mockExcel({ sheets: { Big: grid.map((r) => [...r]) } });
    const read = await readValues(context, "Big!A1:C7", 6);
    expect(read).toEqual({ address: "Big!A1:C7", values: grid });
    expect([...log.ranges.keys()].filter((a) => a !== "Big!A1:C7")).toEqual([
      "Big!A1:C2",
      "Big!A3:C4",
      "Big!A5:C6",
      "Big!A7:C7",
    ]);
  });

  test("a whole-column or oversized range is cut to its used rows, keeping its top-left corner", async () => {
    const { context } = mockExcel({ sheets: { Big: [[], ...grid.map((r) => ["", ...r])] } });
    const read = await readValues(context, "Big!B1:D500");
    expect(read.address).toBe("Big!B1:D500");
    expect(read.values).toEqual([["", "", ""], ...grid]);
    expect((await readValues(mockExcel({ sheets: { Big: grid } }).context, "Big!A:C")).values).toEqual(grid);
  });

  test("an empty range reads as no rows", async () => {
    const { context } = mockExcel({ sheets: { Empty: [] } });
    expect((await readValues(context, "Empty!A1:F10")).values).toEqual([]);
  });
});

describe("writePlan", () => {
  const prefix = "'Assort plan'!";
  const ref = (a: Area) => blockRef(a.row, a.column, a.rows, a.columns);
  const stampArea = () => blockArea(sheet.blocks.find((b) => b.name === "stamp") as SheetBlock);

  test("a new sheet gets every block, the table, grey rows, data bars, colour scale, widths, freeze and print setup", async () => {
    const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
    const outcome = await writePlan(context, sheet);
    const t = sheet.table.area;
    expect(outcome).toEqual({ written: true, sheet: "Assort plan", table: prefix + ref(t), tableName: PLAN_TABLE });
    expect(log.sheetsAdded).toEqual(["Assort plan"]);
    const at = (a: string) => log.ranges.get(prefix + a) as MockNode;
    for (const b of sheet.blocks) {
      const range = at(ref(blockArea(b)));
      // Text as text (escaped for Excel), formulas as formulas, each cell under its number format.
      expect(range.values).toEqual(
        b.values.map((r) =>
          r.map((v) => (isFormula(v) ? `=${v.formula}` : typeof v === "string" ? escapeText(v) : (v ?? ""))),
        ),
      );
      expect(range.numberFormat).toEqual(b.formats);
    }
    const table = at(ref(t)).values as unknown[][];
    const buy = sheet.table.columnOf("Buy value");
    for (const row of table.slice(1)) expect(row[buy]).toMatch(/^=[A-Z]+\d+\*[A-Z]+\d+$/);
    expect(log.tablesAdded).toHaveLength(1);
    expect(log.tablesAdded[0].ref).toBe(prefix + ref(t));
    expect(log.tablesAdded[0].table.name).toBe(PLAN_TABLE);

    expect(sheet.table.droppedRows.length).toBeGreaterThan(0);
    for (const [start, length] of runs(sheet.table.droppedRows)) {
      const rows = at(blockRef(t.row + 1 + start, 0, length, t.columns));
      expect((rows.format as { font: { color: string } }).font.color).toBe(DROPPED_COLOR);
    }
    expect((at("A1").format as { font: { bold: boolean } }).font.bold).toBe(true);

    expect(log.conditionalFormats.map((f) => [f.address, f.type])).toEqual(
      sheet.conditionalFormats.map((f) => [prefix + ref(f.area), f.kind === "dataBar" ? "DataBar" : "ColorScale"]),
    );
    const scale = log.conditionalFormats[2].format.colorScale as MockNode & {
      criteria: Record<string, { formula: string }>;
    };
    scale.load("criteria");
    await context.sync();
    expect([scale.criteria.minimum.formula, scale.criteria.maximum.formula]).toEqual(["0", "1"]);

    sheet.widths.forEach((w, c) => {
      const column = at(blockRef(0, c, 1, 1)).format as { columnWidth: number };
      expect(column.columnWidth).toBe(widthPoints(w));
    });
    expect(log.frozen["Assort plan"]).toBe(prefix + blockRef(0, 0, t.row + 1, 3));
    expect(log.printTitleRows["Assort plan"]).toBe(`$${t.row + 1}:$${t.row + 1}`);
    const ws = context.workbook.worksheets.getItem("Assort plan");
    ws.pageLayout.load("orientation, zoom");
    await context.sync();
    expect(ws.pageLayout.orientation).toBe("Landscape");
    expect(ws.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });

    expect(log.charts).toHaveLength(1);
    const chart = log.charts[0];
    const demand = sheet.table.columnOf("First-choice demand");
    expect(sheet.table.header[demand + 1]).toBe("Expected sales");
    expect([chart.type, chart.source, chart.seriesBy, chart.chart.name]).toEqual([
      "Line",
      prefix + blockRef(t.row, demand, t.rows, 2),
      "Columns",
      PLAN_CHART,
    ]);
    expect((chart.chart.title as { text: string }).text).toMatch(/long tail/i);
    expect(JSON.parse(log.settings[LAYOUT_KEY])).toEqual({
      table: PLAN_TABLE,
      blocks: sheet.blocks.filter((b) => b.name !== "table").map((b) => prefix + ref(blockArea(b))),
    });
  });

  test("a non-empty cell it did not write stops the write and is reported; overwrite then writes", async () => {
    const s = stampArea();
    const grid: unknown[][] = [];
    grid[s.row + 2] = [];
    grid[s.row + 2][s.column] = "my note"; // inside the stamp's place
    const { context, log } = mockExcel({ sheets: { "Assort plan": grid } });
    expect(await writePlan(context, sheet)).toEqual({
      written: false,
      conflicts: [prefix + blockRef(s.row + 2, s.column, 1, 1)],
      conflictCount: 1,
    });
    expect(log.tablesAdded).toHaveLength(0);
    expect(log.charts).toHaveLength(0);
    expect(log.settings[LAYOUT_KEY]).toBeUndefined();
    expect((await writePlan(context, sheet, { overwrite: true })).written).toBe(true);
    expect(log.tablesAdded).toHaveLength(1);
  });

  test("cells the previous run wrote (its table and recorded blocks) are replaced without asking", async () => {
    const grid: unknown[][] = [
      ["Rank", "Product"],
      [1, "OLD"],
    ];
    grid[4] = [];
    grid[4][4] = "Expected profit"; // an old block, recorded in the layout
    const { context, log } = mockExcel({
      sheets: { "Assort plan": grid },
      tables: { [PLAN_TABLE]: { sheet: "Assort plan", ref: "A1:B2" } },
      settings: { [LAYOUT_KEY]: JSON.stringify({ table: PLAN_TABLE, blocks: ["'Assort plan'!A3:Z20"] }) },
    });
    expect((await writePlan(context, sheet)).written).toBe(true);
    expect(log.tablesDeleted).toEqual([PLAN_TABLE]);
  });

  test("an old plan kept on a renamed sheet keeps its table's name; the new table takes the next one", async () => {
    const { context, log } = mockExcel({
      sheets: { "Plan March": [["Rank"], [1]] },
      tables: { [PLAN_TABLE]: { sheet: "Plan March", ref: "A1:A2" } },
    });
    const outcome = await writePlan(context, sheet);
    expect(outcome).toMatchObject({ written: true, tableName: `${PLAN_TABLE}_2` });
    expect(log.tablesAdded.map((t) => t.table.name)).toEqual([`${PLAN_TABLE}_2`]);
    expect(log.tablesDeleted).toEqual([]);
    expect(JSON.parse(log.settings[LAYOUT_KEY]).table).toBe(`${PLAN_TABLE}_2`);
  });

  test("a stored layout is read defensively, including its earlier form", () => {
    expect(parsePlanLayout('["A!K1:M3"]')).toEqual({ blocks: ["A!K1:M3"] });
    expect(parsePlanLayout('{"table":"AssortPlan_2","blocks":["A!K1:M3",5]}')).toEqual({
      table: "AssortPlan_2",
      blocks: ["A!K1:M3"],
    });
    expect(parsePlanLayout("{oops")).toEqual({ blocks: [] });
  });
});

describe("insertSample", () => {
  test("adds Products, Substitution and Options sheets, each with a table of that name", async () => {
    const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
    expect(await insertSample(context)).toEqual({ inserted: true, sheets: ["Products", "Substitution", "Options"] });
    expect(log.sheetsAdded).toEqual(["Products", "Substitution", "Options"]);
    expect(log.tablesAdded.map((t) => [t.sheet, t.ref, t.table.name])).toEqual([
      ["Products", "Products!A1:F301", "Products"],
      ["Substitution", "Substitution!A1:C1371", "Substitution"],
      ["Options", "Options!A1:C7", "Options"],
    ]);
    const products = log.ranges.get("Products!A1:F301") as MockNode;
    expect((products.values as unknown[][])[0]).toEqual(["Product", "Name", "Price", "Cost", "Salvage", "Demand"]);
    expect((products.numberFormat as string[][])[1]).toEqual(["@", "@", "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.0"]);
  });

  test("touches nothing when one of the sheets or tables already exists", async () => {
    const { context, log } = mockExcel({
      sheets: { Options: [["budget", 5]] },
      tables: { Products: { sheet: "Options", ref: "D1:E2" } },
    });
    expect(await insertSample(context)).toEqual({ inserted: false, existing: ["table Products", "sheet Options"] });
    expect(log.sheetsAdded).toEqual([]);
  });
});

describe("setup, selection", () => {
  test("the setup round-trips through the workbook's settings", async () => {
    const { context, log } = mockExcel({ sheets: {} });
    expect(await loadSetup(context)).toEqual({
      inputs: {},
      parameters: { customers: "", budget: "", maxProducts: "", method: "", seed: "", timeLimit: "" },
    });
    const setup = {
      inputs: { products: "Data!A1:D9" },
      parameters: { customers: "", budget: "50000", maxProducts: "", method: "gk", seed: "3", timeLimit: "" },
    };
    await saveSetup(context, setup);
    expect(JSON.parse(log.settings[SETUP_KEY])).toEqual(setup);
    expect(await loadSetup(context)).toEqual(setup);
  });

  test("Use selection reads the selected address; a problem's cell is selected", async () => {
    const { context, log } = mockExcel({
      sheets: { Data: [], Products: [] },
      selection: { sheet: "Data", ref: "B2:C5" },
    });
    expect(await selectedAddress(context)).toBe("Data!B2:C5");
    await selectCell(context, "Products!C5");
    expect(log.selected).toEqual(["Products!C5"]);
  });
});

test("writes set the number format before the values, so text ids such as 00123 stay text", async () => {
  const order: string[] = [];
  const ws = {
    getRange: (ref: string) => ({
      set numberFormat(_: unknown) {
        order.push(`format ${ref}`);
      },
      set values(_: unknown) {
        order.push(`values ${ref}`);
      },
    }),
  } as unknown as Excel.Worksheet;
  const context = {
    sync: async () => {
      order.push("sync");
    },
  } as unknown as Excel.RequestContext;
  await writeBlock(context, ws, 0, 0, [["Product"], ["00123"], ["00124"]], [["General"], ["@"], ["@"]], 2);
  expect(order).toEqual(["format A1:A2", "values A1:A2", "sync", "format A3", "values A3", "sync"]);
});
