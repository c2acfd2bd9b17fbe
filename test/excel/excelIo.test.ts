/// <reference types="office-js" />
// src/excel against office-addin-mock (docs/office.md §4.1): which ranges are found, how big ranges are read, what
// the plan sheet gets (values, number formats, table, grey rows, summary, stamp, chart, settings), that
// other people's cells stop the write, the sample data, the setup, the selection. The mock refuses reads
// that were not loaded and synced, so passing also means the load/sync order is right.

import { readFileSync } from "fs";
import { join } from "path";
import { optimize } from "../../src/engine/optimize/optimize";
import { validateInstance } from "../../src/engine/model/validate";
import { writeBlock } from "../../src/excel/blockValues";
import { findInputs } from "../../src/excel/findInputs";
import { insertSample } from "../../src/excel/insertSample";
import { LAYOUT_KEY, parsePlanLayout } from "../../src/excel/planLayout";
import { planSheetData, TABLE_FORMATS, type PlanSheetData } from "../../src/excel/planSheetData";
import { readValues } from "../../src/excel/readValues";
import { selectCell } from "../../src/excel/selectCell";
import { selectedAddress } from "../../src/excel/selection";
import { loadSetup, saveSetup, SETUP_KEY } from "../../src/excel/setup";
import { DROPPED_COLOR, PLAN_CHART, PLAN_TABLE, runs, writePlan } from "../../src/excel/writePlan";
import { mockExcel, type MockNode } from "./mockWorkbook";

const small = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "small.json"), "utf8"));

let data: PlanSheetData;

beforeAll(async () => {
  // A real plan with a budget tight enough that some products are dropped.
  const model = validateInstance({ ...small, constraints: { budget: 3000 } });
  const result = await optimize(model, { method: "newsvendor", seed: 7, timeLimitMs: 2000 });
  data = planSheetData(model, result, {
    time: new Date("2026-11-25T10:00:00Z"),
    inputs: { products: "Products!A1:F11", substitution: "Substitution!A1:C20" },
    parameters: "budget 3000",
    version: "9.9.9",
  });
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
  const n = () => data.table.length;

  test("a new sheet gets the table with its formats, grey dropped rows, summary, stamp, chart and layout", async () => {
    const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
    const outcome = await writePlan(context, data);
    expect(outcome).toEqual({
      written: true,
      sheet: "Assort plan",
      table: `'Assort plan'!A1:I${n()}`,
      tableName: PLAN_TABLE,
    });
    expect(log.sheetsAdded).toEqual(["Assort plan"]);
    const at = (a: string) => log.ranges.get(`'Assort plan'!${a}`) as MockNode;
    const table = at(`A1:I${n()}`);
    expect(table.values).toEqual(data.table);
    expect((table.numberFormat as string[][])[1]).toEqual(TABLE_FORMATS);
    expect(log.tablesAdded).toHaveLength(1);
    expect(log.tablesAdded[0].ref).toBe(`'Assort plan'!A1:I${n()}`);
    expect(log.tablesAdded[0].table.name).toBe(PLAN_TABLE);

    expect(data.droppedRows.length).toBeGreaterThan(0);
    for (const [start, length] of runs(data.droppedRows)) {
      const rows = at(`A${start + 2}:I${start + length + 1}`);
      expect((rows.format as { font: { color: string } }).font.color).toBe(DROPPED_COLOR);
    }

    const s = data.summary.length;
    expect(at(`K1:M${s}`).values).toEqual(data.summary);
    expect((at(`K1:M${s}`).numberFormat as string[][]).map((r) => r[1])).toEqual(data.summaryFormats);
    expect(at(`K${s + 2}:L${s + 1 + data.stamp.length}`).values).toEqual(data.stamp);

    expect(log.charts).toHaveLength(1);
    const chart = log.charts[0];
    expect([chart.type, chart.source, chart.seriesBy, chart.chart.name]).toEqual([
      "Line",
      `'Assort plan'!E1:F${n()}`,
      "Columns",
      PLAN_CHART,
    ]);
    expect((chart.chart.title as { text: string }).text).toMatch(/long tail/i);
    expect(JSON.parse(log.settings[LAYOUT_KEY])).toEqual({
      table: PLAN_TABLE,
      blocks: [`'Assort plan'!K1:M${s}`, `'Assort plan'!K${s + 2}:L${s + 1 + data.stamp.length}`],
    });
  });

  test("a non-empty cell it did not write stops the write and is reported; overwrite then writes", async () => {
    const sheet: unknown[][] = [];
    sheet[2] = [];
    sheet[2][10] = "my note"; // K3, inside the summary's place
    const { context, log } = mockExcel({ sheets: { "Assort plan": sheet } });
    expect(await writePlan(context, data)).toEqual({
      written: false,
      conflicts: ["'Assort plan'!K3"],
      conflictCount: 1,
    });
    expect(log.tablesAdded).toHaveLength(0);
    expect(log.charts).toHaveLength(0);
    expect(log.settings[LAYOUT_KEY]).toBeUndefined();
    expect((await writePlan(context, data, { overwrite: true })).written).toBe(true);
    expect(log.tablesAdded).toHaveLength(1);
  });

  test("cells the previous run wrote (its table and recorded blocks) are replaced without asking", async () => {
    const sheet: unknown[][] = [
      ["Rank", "Product"],
      [1, "OLD"],
    ];
    sheet[2] = [];
    sheet[2][10] = "Expected profit";
    const { context, log } = mockExcel({
      sheets: { "Assort plan": sheet },
      tables: { [PLAN_TABLE]: { sheet: "Assort plan", ref: "A1:B2" } },
      settings: { [LAYOUT_KEY]: JSON.stringify({ table: PLAN_TABLE, blocks: ["'Assort plan'!K1:M20"] }) },
    });
    expect((await writePlan(context, data)).written).toBe(true);
    expect(log.tablesDeleted).toEqual([PLAN_TABLE]);
  });

  test("an old plan kept on a renamed sheet keeps its table's name; the new table takes the next one", async () => {
    const { context, log } = mockExcel({
      sheets: { "Plan March": [["Rank"], [1]] },
      tables: { [PLAN_TABLE]: { sheet: "Plan March", ref: "A1:A2" } },
    });
    const outcome = await writePlan(context, data);
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
