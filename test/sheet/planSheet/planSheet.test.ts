// The plan sheet as data: the figures at the top-left, the table's columns and formats, Buy value as a formula
// of its own row, whole headers, the user's columns carried over, greyed products not carried, the rules and
// relaxations only when the result has them, frozen header and print setup.

import { readFileSync } from "fs";
import { join } from "path";
import {
  blockArea,
  buildPlanSheet,
  DROPPED_COLOR,
  FILTER_BUTTON,
  isFormula,
  KPI_ROW_LABELS,
  PERCENT,
  PERCENT_1,
  readProductExtras,
  shownText,
  STAMP_TITLE,
  type PlanSheet,
  type ReportDecision,
  type SheetBlock,
} from "../../../src/sheet/planSheet";
import { columnLetter } from "../../../src/sheet/address";
import { reportCase, STAMP } from "./reportFixture";

const block = (s: PlanSheet, name: SheetBlock["name"]) => s.blocks.find((b) => b.name === name) as SheetBlock;

/** Products cells of small.json with two columns Assort does not read. */
function productsCells(): unknown[][] {
  const small = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "examples", "small.json"), "utf8"));
  const rows: unknown[][] = [["Product", "Name", "Style", "Price", "Cost", "Demand", "Colour"]];
  for (const p of small.products)
    rows.push([p.id, p.name, p.id.slice(0, 3), p.price, p.cost, p.demand, p.id.split("-")[1]]);
  return rows;
}

describe("buildPlanSheet", () => {
  test("without a current range: title at A1, the figures from row 4, the table under them, Carry in words", async () => {
    const { model, result } = await reportCase();
    const s = buildPlanSheet({ model, result, stamp: STAMP });
    expect(block(s, "title")).toMatchObject({ row: 0, column: 0 });
    const kpis = block(s, "kpis");
    expect([kpis.row, kpis.column]).toEqual([3, 0]);
    expect(kpis.values.map((r) => r[0])).toEqual(["Plan figures", KPI_ROW_LABELS.recommended]);
    // Visible without scrolling: every figure within the first 20 columns and 10 rows.
    expect(blockArea(kpis).column + blockArea(kpis).columns).toBeLessThanOrEqual(20);
    expect(kpis.row + kpis.values.length).toBeLessThanOrEqual(10);
    const header = s.table.header;
    expect(header).toEqual([
      "Rank",
      "Product",
      "Name",
      "Action",
      "Units",
      "Price",
      "Cost",
      "Buy value",
      "First-choice demand",
      "Expected sales",
      "Expected revenue",
      "Profit contribution",
      "Leftover",
      "Fill rate",
      "Lost customers",
      "Stock-out risk",
      "Reason",
    ]);
    const table = block(s, "table");
    const actions = table.values.slice(1).map((r) => r[header.indexOf("Action")]);
    expect(new Set(actions)).toEqual(new Set(["Carry", "Not carried"]));
    expect(s.freeze).toEqual({ rows: table.row + 1, columns: 3 });
    expect(s.print).toEqual({
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: [table.row, table.row],
    });
    expect(s.blocks.map((b) => b.name)).toEqual(["title", "kpis", "table", "stamp"]);
  });

  test("Buy value is the formula Units × Cost of its own row, computing to the units times the cost", async () => {
    const { model, result } = await reportCase();
    const s = buildPlanSheet({ model, result, stamp: STAMP });
    const table = block(s, "table");
    const h = s.table.header;
    const col = (name: string) => columnLetter(h.indexOf(name) + 1);
    table.values.slice(1).forEach((row, k) => {
      const sheetRow = table.row + 2 + k;
      const cell = row[h.indexOf("Buy value")];
      if (!isFormula(cell)) throw new Error("Buy value is not a formula");
      expect(cell.formula).toBe(`${col("Units")}${sheetRow}*${col("Cost")}${sheetRow}`);
      expect(cell.value).toBeCloseTo((row[h.indexOf("Units")] as number) * (row[h.indexOf("Cost")] as number), 9);
    });
    // The figures' units and buy cost add up the table, so editing Units recomputes them.
    const kpis = block(s, "kpis");
    const units = kpis.values[1][kpis.values[0].indexOf("Units")];
    const n = table.values.length - 1;
    expect(units).toEqual({
      formula: `SUM(${col("Units")}${table.row + 2}:${col("Units")}${table.row + 1 + n})`,
      value: result.units.reduce((a, x) => a + x, 0),
    });
    const cost = kpis.values[1][kpis.values[0].indexOf("Buy cost")];
    expect(cost).toMatchObject({
      formula: `SUM(${col("Buy value")}${table.row + 2}:${col("Buy value")}${table.row + 1 + n})`,
    });
  });

  test("every header and figure fits its column; fractions carry a % format", async () => {
    const { model, result, relaxations } = await reportCase({ current: true, rules: true, relaxations: true });
    const s = buildPlanSheet({ model, result, relaxations, stamp: STAMP, extras: readProductExtras(productsCells()) });
    const table = block(s, "table");
    s.table.header.forEach((h, c) => expect(s.widths[c]).toBeGreaterThanOrEqual(h.length + FILTER_BUTTON));
    for (const b of s.blocks) {
      if (b.name === "title" || b.name === "notes") continue;
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const text = shownText(v, b.formats[r][c]);
          if (c === 0 && (b.name === "kpis" || b.name === "rules"))
            expect(s.widths[0] + s.widths[1] + s.widths[2]).toBeGreaterThan(text.length);
          else if (!(b.name === "table" && s.table.header[c] === "Reason") && !(b.name === "stamp" && c === 1))
            expect(s.widths[b.column + c]).toBeGreaterThan(text.length);
        }),
      );
    }
    const h = s.table.header;
    for (const name of ["Fill rate", "Stock-out risk"]) expect(table.formats[1][h.indexOf(name)]).toBe(PERCENT);
    const kpis = block(s, "kpis");
    for (const name of ["Gross margin %", "Fill rate", "Sell-through", "% of bound"]) {
      const c = kpis.values[0].indexOf(name);
      expect(c).toBeGreaterThan(0);
      expect(kpis.formats[1][c]).toBe(PERCENT_1);
    }
    // Every fraction of the table is under a % format.
    table.values.slice(1).forEach((row, r) =>
      row.forEach((v, c) => {
        if (["Fill rate", "Stock-out risk"].includes(h[c]) && typeof v === "number")
          expect(table.formats[r + 1][c]).toMatch(/%$/);
      }),
    );
  });

  test("with a current range: Action and Current units, the current and the change with its interval", async () => {
    const { model, result } = await reportCase({ current: true });
    const s = buildPlanSheet({ model, result, stamp: STAMP });
    const h = s.table.header;
    expect(h.slice(3, 6)).toEqual(["Action", "Current units", "Units"]);
    const kpis = block(s, "kpis");
    expect(kpis.values.map((r) => r[0])).toEqual([
      "Plan figures",
      KPI_ROW_LABELS.recommended,
      KPI_ROW_LABELS.current,
      KPI_ROW_LABELS.change,
      KPI_ROW_LABELS.interval,
    ]);
    const at = (row: number, label: string) => kpis.values[row][kpis.values[0].indexOf(label)];
    expect(at(3, "Expected profit")).toBe(250);
    expect(at(3, "± 95%")).toBe(80);
    expect(at(4, "Revenue")).toBe(60);
    expect(at(2, "Products carried")).toBe(result.comparison?.current.productsCarried);
    const cmp = result.comparison as NonNullable<typeof result.comparison>;
    expect(block(s, "title").values[1][0]).toBe(
      `Against the current range: keep ${cmp.actions.Keep}, add ${cmp.actions.Add}, drop ${cmp.actions.Drop}, more units ${cmp.actions.More}, fewer units ${cmp.actions.Fewer}; expected profit +250.00 ± 80.00 (95% interval).`,
    );
    const notes = block(s, "notes").values.map((r) => r[0]);
    expect(notes[0]).toMatch(/same 2,000 seasons/);
    expect(notes[1]).toMatch(/over the budget by 120\.00/);
    const table = block(s, "table");
    const byId = new Map(result.decisions.map((d: ReportDecision) => [d.id, d]));
    for (const row of table.values.slice(1)) {
      const d = byId.get(row[1] as string) as ReportDecision;
      expect(row[h.indexOf("Action")]).toBe(d.action);
      expect(row[h.indexOf("Current units")]).toBe(d.currentUnits);
    }
  });

  test("rules with used, limit and status; the value of relaxing only where it was measured", async () => {
    const { model, result, relaxations } = await reportCase({ rules: true, relaxations: true });
    const without = block(buildPlanSheet({ model, result, stamp: STAMP }), "rules");
    expect(without.values[0]).toEqual(["Rules", null, null, "Used", "Limit", "Status"]);
    const s = buildPlanSheet({ model, result, relaxations, stamp: STAMP });
    const rules = block(s, "rules");
    expect(rules.values[0]).toEqual([
      "Rules",
      null,
      null,
      "Used",
      "Limit",
      "Status",
      "Relaxed to",
      "Profit gained",
      "± 95%",
    ]);
    expect(rules.values[1].slice(4)).toEqual([3000, "binding", 3300, 180, 40]);
    expect(rules.values[1][3]).toMatchObject({ formula: expect.stringMatching(/^SUM\(/) });
    expect(rules.values[2]).toEqual(["Max products", null, null, expect.anything(), 9, "slack", null, null, null]);
    // No rules in the result: no block (never made up).
    expect(buildPlanSheet({ ...(await reportCase()), stamp: STAMP }).blocks.map((b) => b.name)).not.toContain("rules");
  });

  test("headers over figures are right-aligned, as the figures are; the rules' Status too; labels are not", async () => {
    const { model, result, relaxations } = await reportCase({ current: true, rules: true, relaxations: true });
    const s = buildPlanSheet({ model, result, relaxations, stamp: STAMP });
    const right = (row: number, column: number) =>
      s.styles.some(
        (st) =>
          st.alignRight &&
          row >= st.area.row &&
          row < st.area.row + st.area.rows &&
          column >= st.area.column &&
          column < st.area.column + st.area.columns,
      );
    for (const name of ["kpis", "rules"] as const) {
      const b = block(s, name);
      b.values[0].forEach((h, c) => expect([h, right(b.row, c)]).toEqual([h, c >= 3]));
      expect(right(b.row + 1, 0)).toBe(false);
    }
    const rules = block(s, "rules");
    const status = rules.values[0].indexOf("Status");
    expect(right(rules.row + 1, status)).toBe(true);
    expect(right(rules.row + 1, rules.values[0].indexOf("Used"))).toBe(false); // a number: right-aligned anyway
    const table = block(s, "table");
    expect(table.values[0].some((_, c) => right(table.row, c))).toBe(false); // beside their filter buttons
  });

  test("the user's other Products columns sit after Name, value by value; not-carried rows are grey", async () => {
    const { model, result } = await reportCase();
    const s = buildPlanSheet({ model, result, stamp: STAMP, extras: readProductExtras(productsCells()) });
    const h = s.table.header;
    expect(h.slice(0, 6)).toEqual(["Rank", "Product", "Name", "Style", "Colour", "Action"]);
    const table = block(s, "table");
    for (const row of table.values.slice(1)) {
      const id = row[1] as string;
      expect(row[3]).toBe(id.slice(0, 3));
      expect(row[4]).toBe(id.split("-")[1]);
    }
    const dropped = table.values
      .slice(1)
      .map((r, k) => (r[h.indexOf("Action")] === "Not carried" ? k : -1))
      .filter((k) => k >= 0);
    expect(dropped.length).toBeGreaterThan(0);
    expect(s.table.droppedRows).toEqual(dropped);
    const grey = s.styles.filter((st) => st.color === DROPPED_COLOR);
    const greyRows = grey.flatMap((st) =>
      Array.from({ length: st.area.rows }, (_, k) => st.area.row + k - table.row - 1),
    );
    expect(greyRows).toEqual(dropped);
    for (const st of grey) expect([st.area.column, st.area.columns]).toEqual([0, h.length]);
  });

  test("data bars on Units and Expected sales, a colour scale from 0 to 100% on Stock-out risk", async () => {
    const { model, result } = await reportCase();
    const s = buildPlanSheet({ model, result, stamp: STAMP });
    const table = block(s, "table");
    const body = (name: string) => ({
      row: table.row + 1,
      column: s.table.header.indexOf(name),
      rows: model.n,
      columns: 1,
    });
    expect(s.conditionalFormats).toEqual([
      { kind: "dataBar", area: body("Units"), color: expect.any(String) },
      { kind: "dataBar", area: body("Expected sales"), color: expect.any(String) },
      {
        kind: "colorScale",
        area: body("Stock-out risk"),
        low: { value: 0, color: expect.any(String) },
        high: { value: 1, color: expect.any(String) },
      },
    ]);
  });

  test("the stamp sits right of everything else, with the surface's own lines", async () => {
    const { model, result } = await reportCase({ current: true, rules: true });
    const s = buildPlanSheet({
      model,
      result,
      stamp: { ...STAMP, settingsLabel: "Settings", extra: [["Command", "assort plan x.xlsx"]] },
    });
    const stamp = block(s, "stamp");
    const right = Math.max(...s.blocks.filter((b) => b !== stamp).map((b) => b.column + b.values[0].length));
    expect(stamp.column).toBe(right + 1);
    expect(stamp.row).toBe(0);
    const lines = Object.fromEntries(stamp.values.map((r) => [r[0], r[1]]));
    expect(lines).toMatchObject({
      [STAMP_TITLE]: null,
      Settings: "budget 3000",
      Command: "assort plan x.xlsx",
      Seed: 7,
    });
  });
});

describe("readProductExtras", () => {
  test("columns matching no field, by id; the plan's own headers and repeats are left out", () => {
    const extras = readProductExtras(
      [
        [null, null],
        ["SKU", "Colour", "Price", "Reason", "colour", "Launched", "Note"],
        ["'=A", "red", 3, "x", "y", new Date("2026-03-01T00:00:00Z"), null],
        [null, null, null],
        ["B", 0, 4, "x", "y", 46000, true],
      ],
      ["Reason"],
    );
    expect(extras.headers).toEqual(["Colour", "Launched", "Note"]);
    expect(extras.byId.get("=A")).toEqual(["red", "2026-03-01", null]);
    expect(extras.byId.get("B")).toEqual([0, 46000, true]);
    expect(
      readProductExtras([
        ["Product", "Price"],
        ["A", 1],
      ]).headers,
    ).toEqual([]);
    expect(readProductExtras([]).headers).toEqual([]);
  });
});
