// The pane's decisions that need no browser: parameters read from the fields and laid over the sheet's
// inputs, the live check with problem cells, the plan sheet's content, kept plans and their comparison,
// the time-left estimate.

import { optimize } from "../../src/engine/optimize/optimize";
import { validateInstance } from "../../src/engine/model/validate";
import { problemCell } from "../../src/excel/problemCell";
import { planRecord } from "../../src/excel/planRecord";
import { blockRef } from "../../src/sheet/address";
import { writePlan } from "../../src/excel/writePlan";
import { buildPlanSheet, type SheetBlock } from "../../src/sheet/planSheet";
import { mockExcel, type MockNode } from "../excel/mockWorkbook";
import { CURRENT, PREVIOUS, withNamed, withNewPlan, type PlanRecord } from "../../src/excel/scenarios";
import { BLANK_PARAMETERS, parseSetup } from "../../src/excel/setup";
import { readSheetInstance } from "../../src/sheet/sheetInstance";
import { comparePlans } from "../../src/taskpane/comparePlans";
import { checkInputs } from "../../src/taskpane/inputCheck";
import { describeParameters, parameterHints, readParameters } from "../../src/taskpane/parameters";
import { readOptions } from "../../src/sheet/options";
import { remainingText } from "../../src/taskpane/remaining";
import { runRequest } from "../../src/taskpane/runRequest";
import { relaxationLines, resultSummary } from "../../src/taskpane/resultSummary";
import type { Relaxation } from "../../src/engine";

const STAMP_PANE = {
  time: new Date("2026-01-02T03:04:05Z"),
  inputs: {},
  settingsLabel: "Pane settings",
  settings: "",
  version: "1.2.3",
};

const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand", "Must offer"],
  ["A", 10, 4, 100, "yes"],
  ["B", 12, 5, 50, ""],
  ["=C", 8, 3, 20, ""],
];
const SUBSTITUTION = [
  ["From", "To", "Probability"],
  ["A", "B", 0.3],
  ["B", "A", 0.4],
];

describe("parameters", () => {
  test("blank fields override nothing; filled ones are read leniently", () => {
    expect(readParameters(BLANK_PARAMETERS)).toEqual({ overrides: { optimize: {} }, problems: [] });
    const p = { customers: "Negbin", budget: "50,000", maxProducts: "120", method: "GK", seed: "42", timeLimit: "5" };
    expect(readParameters(p)).toEqual({
      overrides: {
        distribution: "negbin",
        budget: 50000,
        maxProducts: 120,
        optimize: { method: "gk", seed: 42, timeLimitMs: 5000 },
      },
      problems: [],
    });
    expect(readParameters({ ...BLANK_PARAMETERS, seed: "spring 26" }).overrides.optimize.seed).toBe("spring 26");
    expect(describeParameters({ ...BLANK_PARAMETERS, budget: " 5000 ", timeLimit: "2" })).toBe(
      "budget 5000; time limit 2",
    );
  });

  test("a blank field shows what it stands for: the Options value, else the default", () => {
    expect(parameterHints(undefined)).toEqual({
      customers: "From Options (default poisson)",
      budget: "no budget",
      maxProducts: "no limit",
      method: "From Options (default auto)",
      seed: "1",
      timeLimit: "20",
    });
    const options = readOptions([
      ["budget", 60500],
      ["customers", "negbin"],
      ["cv", 0.3],
      ["method", "gk"],
      ["seed", 0],
      ["time limit", 10],
    ]);
    expect(parameterHints(options)).toEqual({
      customers: "From Options (negbin)",
      budget: "60,500 from Options",
      maxProducts: "no limit",
      method: "From Options (gk)",
      seed: "0 from Options",
      timeLimit: "10 from Options",
    });
  });

  test("each bad field gets a sentence naming it", () => {
    const { problems } = readParameters({
      customers: "lots",
      budget: "-5",
      maxProducts: "2.5",
      method: "fastest",
      seed: "",
      timeLimit: "99999",
    });
    expect(problems).toEqual([
      "Customers: 'lots' is not a model; use poisson, fixed or negbin.",
      "Budget: '-5' is not a budget; give an amount above 0, or leave it blank for none.",
      "Max products: '2.5' is not a number of products; give a whole number, 1 or more, or leave it blank for no limit.",
      "Method: 'fastest' is not a method; use one of auto, fluid, newsvendor, gk, pooled.",
      "Time limit: '99999' is not a time limit; give seconds, above 0 and at most 3600.",
    ]);
  });

  test("the pane's values override the Options range, and the whole is checked again", () => {
    const sheet = readSheetInstance({
      products: PRODUCTS,
      substitution: SUBSTITUTION,
      options: [
        ["budget", 900],
        ["method", "fluid"],
        ["seed", 3],
      ],
      checkRules: true,
    });
    const ok = runRequest(sheet, { budget: 2000, maxProducts: 2, optimize: { seed: 9 } });
    expect(ok.problems).toEqual([]);
    expect(ok.request?.input.constraints).toEqual({ budget: 2000, maxProducts: 2 });
    expect(ok.request?.options).toEqual({ method: "fluid", seed: 9 });
    expect(ok.request?.model.constraints.budget).toBe(2000);
    // The must-offer product alone costs more than this budget can buy: only the combined check sees it.
    const bad = runRequest(sheet, { budget: 0.5, optimize: {} });
    expect(bad.request).toBeUndefined();
    expect(bad.problems.join(" ")).toMatch(/budget/i);
  });

  test("a setup stored by hand or by an older version is read defensively", () => {
    expect(parseSetup("{not json")).toEqual({ inputs: {}, parameters: BLANK_PARAMETERS });
    expect(
      parseSetup({ inputs: { products: "P!A1:D5", options: 7 }, parameters: { budget: 5000, method: null } }),
    ).toEqual({
      inputs: { products: "P!A1:D5" },
      parameters: { ...BLANK_PARAMETERS, budget: "5000" },
    });
  });
});

describe("the live check", () => {
  test("counts products and links, and puts each problem at its cell", () => {
    const products = PRODUCTS.map((r) => [...r]);
    products[2][1] = "abc"; // B's price: sheet row 5, column C, as the range starts at B3
    const check = checkInputs({
      products: { address: "Data!B3:F6", values: products },
      substitution: { address: "Data!H3:J5", values: SUBSTITUTION },
      options: {
        address: "Data!L3:M4",
        values: [
          ["budget", "lots"],
          ["seed", 1],
        ],
      },
    });
    expect([check.products, check.links, check.sheet]).toEqual([3, 2, undefined]);
    expect(check.problems.map((p) => p.cell)).toEqual(["Data!C5", "Data!M3"]);
    expect(check.problems[0].message).toMatch(/^Products row 5 \(B\), column Price: 'abc' is not a number/);
  });

  test("good inputs are ready, and no Products at all says how to give them", () => {
    const check = checkInputs({ products: { address: "P!A1:E4", values: PRODUCTS } });
    expect([check.products, check.links, check.problems]).toEqual([3, 0, []]);
    expect(check.sheet?.model.ids).toEqual(["A", "B", "=C"]);
    expect(checkInputs({}).problems[0].message).toMatch(/^No Products found/);
  });

  test("a problem cell found by header, by option name, by letter, or only by row", () => {
    const values = [
      ["Product", "Price"],
      ["A", "x"],
    ];
    expect(problemCell({ range: "Products", row: 8, column: "Price", message: "" }, "'My data'!C7:D8", values)).toBe(
      "'My data'!D8",
    );
    expect(
      problemCell({ range: "Options", row: 2, column: "budget", message: "" }, "O!A1:B2", [
        ["seed", 1],
        ["budget", "x"],
      ]),
    ).toBe("O!B2");
    expect(problemCell({ range: "Substitution", row: 4, column: "C", message: "" }, "S!A1:C9", [])).toBe("S!C4");
    expect(problemCell({ range: "Products", row: 4, message: "" }, "P!B2:F9", values)).toBe("P!B4");
    expect(problemCell({ range: "Products", message: "" }, undefined, values)).toBeUndefined();
  });
});

describe("plan sheet content and kept plans", () => {
  let result: Awaited<ReturnType<typeof optimize>>;
  const model = validateInstance({
    products: PRODUCTS.slice(1).map(([id, price, cost, demand, must]) => ({
      id,
      price,
      cost,
      demand,
      mustOffer: must === "yes",
    })),
    substitution: SUBSTITUTION.slice(1).map(([from, to, probability]) => ({ from, to, probability })),
    constraints: { maxProducts: 2 },
  });
  beforeAll(async () => {
    result = await optimize(model, { method: "newsvendor", seed: 1, timeLimitMs: 1000 });
  });

  test("the table is ranked by first-choice demand, ids are escaped, the stamp says how it was made", async () => {
    const data = buildPlanSheet({
      model,
      result,
      stamp: {
        time: new Date("2026-01-02T03:04:05Z"),
        inputs: { products: "P!A1:E4" },
        settingsLabel: "Pane settings",
        settings: "",
        version: "1.2.3",
      },
    });
    const table = data.blocks.find((b) => b.name === "table") as SheetBlock;
    const h = data.table.header;
    expect(h.slice(0, 4)).toEqual(["Rank", "Product", "Name", "Action"]);
    expect(table.values.slice(1).map((r) => [r[0], r[1], r[h.indexOf("First-choice demand")]])).toEqual([
      [1, "A", 100],
      [2, "B", 50],
      [3, "=C", 20],
    ]);
    expect(data.table.droppedRows).toEqual(
      table.values.slice(1).flatMap((r, k) => (r[h.indexOf("Action")] === "Not carried" ? [k] : [])),
    );
    expect(data.table.droppedRows.length).toBe(1); // maxProducts 2 of 3
    const kpis = data.blocks.find((b) => b.name === "kpis") as SheetBlock;
    expect(kpis.values[0][3]).toBe("Expected profit");
    expect(kpis.values[1][3]).toBeCloseTo(result.evaluation.expectedProfit, 6);
    const stampBlock = data.blocks.find((b) => b.name === "stamp") as SheetBlock;
    const stamp = Object.fromEntries(stampBlock.values.map((r) => [r[0], r[1]]));
    expect(stamp).toMatchObject({
      "Run at": "2026-01-02 03:04:05 UTC",
      Method: "newsvendor",
      Seed: 1,
      "Products range": "P!A1:E4",
      "Substitution range": "(none)",
      "Pane settings": "(defaults)",
      "Assort version": "1.2.3",
    });
    // Excel would read =C as a formula: the add-in's writer escapes it.
    const { context, log } = mockExcel({ sheets: {} });
    await writePlan(context, data);
    const t = data.table.area;
    const written = log.ranges.get(`'Assort plan'!${blockRef(t.row, t.column, t.rows, t.columns)}`) as MockNode;
    expect((written.values as unknown[][]).map((r) => r[1])).toEqual(["Product", "A", "B", "'=C"]);
  });

  test("the value of relaxing a binding rule: in the summary and in the sheet's Rules block, the same figures", () => {
    const binding = result.rules.filter((u) => u.binding).map((u) => u.rule);
    expect(binding).toEqual(["maxProducts"]); // 2 of 3 products
    const relaxations: Relaxation[] = [
      {
        rule: "maxProducts",
        from: 2,
        to: 3,
        gain: { mean: 1234.4, se: 10, low: 1214.8, high: 1254 },
        units: new Int32Array(result.units),
        stoppedEarly: true,
      },
    ];
    const lines = resultSummary(model, result, { relaxations });
    expect(lines.find((l) => l.label === "Max products → 3")).toEqual({
      label: "Max products → 3",
      value: "+1,234 ± 20",
      note: "profit gained by relaxing it from 2 (95% interval); its re-optimisation ran out of time, so it may be worth more",
    });
    expect(
      relaxationLines({
        relaxations: [{ ...relaxations[0], rule: "budget", from: 100, to: 110, stoppedEarly: false }],
      })[0],
    ).toMatchObject({ label: "Budget → 110", note: "profit gained by relaxing it from 100 (95% interval)" });
    const rules = buildPlanSheet({ model, result, relaxations, stamp: STAMP_PANE }).blocks.find(
      (b) => b.name === "rules",
    ) as SheetBlock;
    const header = rules.values[0];
    const row = rules.values.find((r) => r[0] === "Max products") as unknown[];
    expect(row[header.indexOf("Relaxed to")]).toBe(3);
    expect(row[header.indexOf("Profit gained")]).toBe(1234.4);
    expect(row[header.indexOf("± 95%")]).toBeCloseTo(19.6, 9);
    // Not measured (cancelled, or the worker failed): said in the summary, and the sheet leaves the columns out.
    expect(resultSummary(model, result, { relaxations: [], missing: "cancelled." })).toContainEqual({
      label: "Relaxing the rules",
      value: "not measured",
      note: "cancelled.",
    });
    const without = buildPlanSheet({ model, result, stamp: STAMP_PANE }).blocks.find((b) => b.name === "rules");
    expect(without?.values[0]).not.toContain("Relaxed to");
  });

  test("a new run pushes the current plan to Previous run; a kept plan gets its name", () => {
    const r1 = planRecord(CURRENT, result, new Date("2026-01-01T00:00:00Z"));
    expect(r1.carried).toBe(2);
    expect(Object.values(r1.plan).reduce((a, b) => a + b, 0)).toBe(r1.units);
    let list = withNewPlan([], r1);
    expect(list.map((p) => p.name)).toEqual([CURRENT]);
    list = withNamed(list, "Base");
    list = withNewPlan(list, { ...r1, profit: 1 });
    expect(list.map((p) => [p.name, p.profit])).toEqual([
      [CURRENT, 1],
      [PREVIOUS, r1.profit],
      ["Base", r1.profit],
    ]);
  });

  test("the comparison lists added, dropped and changed products, largest first", () => {
    const base: PlanRecord = {
      name: "A",
      time: "",
      profit: 1000,
      interval: 10,
      bound: 1200,
      carried: 3,
      units: 60,
      purchaseCost: 300,
      plan: { x: 10, y: 20, z: 30 },
    };
    const c = comparePlans(base, {
      ...base,
      name: "B",
      profit: 1100,
      carried: 3,
      units: 71,
      plan: { x: 10, y: 25, w: 36 },
    });
    expect(c.rows[0]).toEqual({ label: "Expected profit", a: "1,000 ± 10", b: "1,100 ± 10", difference: "+100" });
    expect(c.added).toEqual([{ id: "w", before: 0, after: 36 }]);
    expect(c.dropped).toEqual([{ id: "z", before: 30, after: 0 }]);
    expect(c.changed).toEqual([{ id: "y", before: 20, after: 25 }]);
  });
});

test("time left: what remains of the search's limit, then the final evaluation's own pace", () => {
  expect(remainingText(0.03, 500, 20000)).toBe("search: at most 20 s left");
  expect(remainingText(0.5, 19000, 20000)).toBe("search: at most 1 s left");
  expect(remainingText(0.6, 200000, 300000)).toBe("search: at most 2 min left");
  expect(remainingText(0.855, 21000, 20000, 20000)).toBe("final evaluation: estimating time left…");
  // Half the evaluation done in 2 s: about 2 s more.
  expect(remainingText(0.925, 22000, 20000, 20000)).toBe("about 2 s left");
  expect(remainingText(1, 23000, 20000, 20000)).toBe("finishing…");
});
