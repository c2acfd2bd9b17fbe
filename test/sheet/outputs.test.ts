// The tables the functions spill: rectangular, headed as documented, numbers where numbers belong, text never
// a formula, and each readable back (plan → cells → units; SUBSTITUTION's matrix → a Substitution range).

import { choiceProbabilities } from "../../src/engine/choice/choiceProbabilities";
import { mnlToMarkovChain } from "../../src/engine/choice/mnlToMarkovChain";
import { optimize } from "../../src/engine/optimize/optimize";
import { simulate } from "../../src/engine/simulate/simulate";
import { sheetBound } from "../../src/sheet/bound";
import { CHOICE_HEADER } from "../../src/sheet/choiceTable";
import { evaluationTable, EVALUATION_HEADER } from "../../src/sheet/evaluationTable";
import { PLAN_HEADER, planTable } from "../../src/sheet/planTable";
import {
  boundFromSheet,
  choiceFromSheet,
  prepareEvaluate,
  prepareOptimize,
  substitutionFromSheet,
} from "../../src/sheet/requests";
import { readSheetInstance } from "../../src/sheet/sheetInstance";
import { readUnits } from "../../src/sheet/units";
import { MATRIX, PRODUCTS, messagesOf } from "./helpers";

function expectRectangular(rows: unknown[][]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).toHaveLength(rows[0].length);
  for (const r of rows)
    for (const v of r)
      expect(v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))).toBe(false);
}

/** The label/value pairs of a summary block (first column → second column). */
function summary(rows: unknown[][]): Map<string, unknown> {
  return new Map(rows.filter((r) => typeof r[0] === "string").map((r) => [r[0] as string, r[1]]));
}

const FORMULA_PRODUCTS = [
  ["Product", "Price", "Cost", "Demand"],
  ["=A", 10, 4, 30],
  ["+B", 12, 5, 20],
  ["@C", 8, 3, 10],
];

describe("OPTIMIZE plan table", () => {
  test("header, one row per product, blank row, summary; round-trips to the same units", async () => {
    const req = prepareOptimize({
      products: PRODUCTS,
      substitution: MATRIX,
      options: [
        ["method", "fluid"],
        ["seed", 3],
      ],
    });
    const result = await optimize(req.sheet.model, req.options);
    const table = planTable(req.sheet.model, result);
    expectRectangular(table);
    expect(table[0]).toEqual(PLAN_HEADER);
    const body = table.slice(1, 1 + req.sheet.model.n);
    expect(body.map((r) => r[0])).toEqual(["A", "B", "C"]);
    body.forEach((r, i) => {
      expect(r[1]).toBe(result.units[i] > 0);
      expect(r[2]).toBe(result.units[i]);
      expect(r[3]).toBeCloseTo(result.evaluation.products.expectedSales[i], 10);
      expect(typeof r[5]).toBe("string");
      expect((r[5] as string).length).toBeGreaterThan(0);
    });
    expect(table[1 + req.sheet.model.n].every((v) => v === "")).toBe(true);
    const s = summary(table.slice(2 + req.sheet.model.n));
    expect(s.get("Expected profit")).toBeCloseTo(result.evaluation.expectedProfit, 8);
    expect(s.get("± 95% interval")).toBeCloseTo((result.evaluation.ci95[1] - result.evaluation.ci95[0]) / 2, 8);
    expect(s.get("Upper bound")).toBeCloseTo(result.bound.value, 8);
    expect(s.get("% of bound")).toBeCloseTo(100 * result.shareOfBound, 8);
    expect(s.get("Method")).toBe("fluid");
    expect(s.get("Seed")).toBe(3);
    // The spilled table is a valid Units argument of EVALUATE.
    const back = readUnits(table, req.sheet.products, req.sheet.model.ids);
    expect(back.problems).toEqual([]);
    expect(Array.from(back.units)).toEqual(Array.from(result.units));
  });

  test("ids that look like formulas are escaped, and still read back", async () => {
    const req = prepareOptimize({ products: FORMULA_PRODUCTS, options: [["method", "fluid"]] });
    expect(req.sheet.model.ids).toEqual(["=A", "+B", "@C"]);
    const result = await optimize(req.sheet.model, req.options);
    const table = planTable(req.sheet.model, result);
    expect(table.slice(1, 4).map((r) => r[0])).toEqual(["'=A", "'+B", "'@C"]);
    for (const r of table) for (const v of r) if (typeof v === "string") expect(v).not.toMatch(/^[=+\-@]/);
    expect(Array.from(readUnits(table, req.sheet.products, req.sheet.model.ids).units)).toEqual(
      Array.from(result.units),
    );
  });
});

describe("EVALUATE table", () => {
  test("per-product outcomes and a summary equal to the simulation's", () => {
    const req = prepareEvaluate({
      products: PRODUCTS,
      substitution: MATRIX,
      units: [["Units"], [30], [0], [12]],
      options: [["seed", 5]],
    });
    expect(Array.from(req.units)).toEqual([30, 0, 12]);
    const sim = simulate(req.sheet.model, req.units, { seed: req.seed });
    const bound = sheetBound(req.sheet.model);
    const table = evaluationTable(req.sheet.model, req.units, sim, bound, req.seed, req.warnings);
    expectRectangular(table);
    expect(table[0]).toEqual(EVALUATION_HEADER);
    expect(table[1].slice(0, 3)).toEqual(["A", 30, sim.products.expectedSales[0]]);
    expect(table[2][4]).toBe(""); // no stock, no stock-out risk (NaN is not written)
    const s = summary(table.slice(5));
    expect(s.get("Expected profit")).toBe(sim.expectedProfit);
    expect(s.get("Upper bound")).toBe(bound.value);
    expect(s.get("% of bound")).toBeCloseTo((100 * sim.expectedProfit) / bound.value, 10);
    expect(s.get("Seed")).toBe(5);
  });
  test("rules the plan breaks come back as warnings with the product's row", () => {
    const products = [
      ["Product", "Price", "Cost", "Demand", "Pack", "Units"],
      ["A", 10, 4, 30, 6, 7],
      ["B", 12, 5, 20, "", 3],
      ["C", 8, 3, 10, "", ""],
    ];
    const req = prepareEvaluate({ products, options: [["budget", 40]] });
    expect(Array.from(req.units)).toEqual([7, 3, 0]);
    expect(req.warnings).toEqual([
      "Products row 2 (A), column Pack: 7 units is not a whole number of packs of 6.",
      "Plan: the purchase cost 43 is above the budget 40.",
    ]);
  });
  test("unit layouts: omitted (Units column), a column, a row, Product/Units table, two columns", () => {
    const s = readSheetInstance({ products: [...PRODUCTS.map((r, i) => [...r, i === 0 ? "Qty" : i * 2])] });
    const ids = s.model.ids;
    expect(Array.from(readUnits(null, s.products, ids).units)).toEqual([2, 4, 6]);
    expect(Array.from(readUnits([[5], [6], [7]], s.products, ids).units)).toEqual([5, 6, 7]);
    expect(Array.from(readUnits([[5, 6, 7]], s.products, ids).units)).toEqual([5, 6, 7]);
    expect(Array.from(readUnits([[5], [null], [null]], s.products, ids).units)).toEqual([5, 0, 0]);
    expect(
      Array.from(
        readUnits(
          [
            ["SKU", "Note", "Quantity"],
            ["C", "x", 9],
            ["A", "", 1],
          ],
          s.products,
          ids,
        ).units,
      ),
    ).toEqual([1, 0, 9]);
    expect(
      Array.from(
        readUnits(
          [
            ["B", 3],
            ["C", 4],
          ],
          s.products,
          ids,
        ).units,
      ),
    ).toEqual([0, 3, 4]);
  });
  test("unit problems are located", () => {
    const s = readSheetInstance({ products: PRODUCTS });
    const msgs = (cells: unknown[][] | null) =>
      readUnits(cells, s.products, s.model.ids).problems.map((p) => p.message);
    expect(msgs([[5], [2.5], ["#N/A"]])).toEqual([
      "Units row 2 (B): 2.5 is not a whole number; give a whole number of units, 0 or more.",
      "Units row 3 (C): holds the Excel error #N/A; give a whole number of units, 0 or more.",
    ]);
    expect(msgs([[5], [6]])).toEqual([expect.stringMatching(/^Units: 2 values for 3 products/)]);
    expect(
      msgs([
        ["Product", "Units"],
        ["A", 1],
        ["Dd", 2],
        ["A", 3],
        ["B", -1],
      ]),
    ).toEqual([
      "Units row 3: 'Dd' is not among the products; list only products of the Products range.",
      "Units row 4 (A): already given in row 2; list each product once.",
      "Units row 5 (B), column Units: -1 is negative; give a whole number of units, 0 or more.",
    ]);
    expect(msgs(null)).toEqual([expect.stringMatching(/^Units: no plan given/)]);
    expect(messagesOf(() => prepareEvaluate({ products: PRODUCTS, units: [[1], ["x"], [2]] }))).toEqual([
      "Units row 2 (B): 'x' is not a number; give a whole number of units, 0 or more.",
    ]);
  });
});

describe("BOUND table", () => {
  test("the bound first, then the fluid assortment", () => {
    const { model, bound, table } = boundFromSheet({ products: PRODUCTS, substitution: MATRIX });
    expectRectangular(table);
    expect(table[0].slice(0, 3)).toEqual(["Upper bound", bound.value, "fluid LP bound"]);
    expect(bound.value).toBeGreaterThan(0);
    const header = table.findIndex((r) => r[0] === "Product");
    const rows = table.slice(header + 1);
    let sum = 0;
    for (const r of rows) sum += (r[3] as number) * (r[1] as number);
    expect(sum).toBeCloseTo(bound.value, 8); // unconstrained: Σ margin · fluid sales is the bound
    expect(rows.length).toBe(table[2][1]);
    expect(model.n).toBe(3);
  });
  test("a budget is priced in and the label says what is ignored", () => {
    const products = [
      ["Product", "Price", "Cost", "Demand", "Max"],
      ["A", 10, 4, 30, 20],
      ["B", 12, 5, 20, ""],
      ["C", 8, 3, 10, ""],
    ];
    const { bound, table } = boundFromSheet({ products, substitution: MATRIX, options: [["budget", 50]] });
    const free = boundFromSheet({ products: PRODUCTS, substitution: MATRIX }).bound;
    expect(bound.value).toBeLessThan(free.value);
    expect(table[0][2]).toBe("fluid LP bound with the budget; ignores maxQty (still valid, may be loose)");
  });
});

describe("CHOICE table", () => {
  test("purchase probabilities match the engine; unavailable products show where their customers go", () => {
    const table = choiceFromSheet({ products: PRODUCTS, substitution: MATRIX, available: [[true], ["no"], ["x"]] });
    expectRectangular(table);
    expect(table[0]).toEqual(CHOICE_HEADER);
    const m = readSheetInstance({ products: PRODUCTS, substitution: MATRIX }).model;
    const p = choiceProbabilities(m.demand, m.substitution, [1, 0, 1]);
    expect(table[1][3]).toBeCloseTo(p.purchase[0], 12);
    expect(table[3][3]).toBeCloseTo(p.purchase[2], 12);
    expect(table[2].slice(0, 5)).toEqual(["B", false, 20 / 60, 0, 0]);
    // B's customers go to A with 0.4 and leave otherwise.
    expect(table[2][6]).toBeCloseTo(0.4, 6);
    expect(table[2][7]).toBe("A (40.0%)");
    const s = summary(table.slice(5));
    expect(s.get("Leave without buying")).toBeCloseTo(p.noPurchase, 12);
    expect(s.get("Unavailable demand kept")).toBeCloseTo(0.4, 6);
  });
  test("available as a list of ids, or omitted (all available)", () => {
    const byIds = choiceFromSheet({ products: PRODUCTS, substitution: MATRIX, available: [["A", "C"]] });
    const byFlags = choiceFromSheet({ products: PRODUCTS, substitution: MATRIX, available: [[1, 0, 1]] });
    expect(byIds).toEqual(byFlags);
    const all = choiceFromSheet({ products: PRODUCTS, substitution: MATRIX, available: null });
    expect(all.slice(1, 4).map((r) => r[3])).toEqual([0.5, 1 / 3, 1 / 6]);
  });
  test("problems", () => {
    expect(messagesOf(() => choiceFromSheet({ products: PRODUCTS, available: [["A", "Dx"]] }))).toEqual([
      "Available: 'Dx' is not among the products; list ids from the Products range.",
    ]);
    expect(messagesOf(() => choiceFromSheet({ products: PRODUCTS, available: [[true], [false]] }))[0]).toMatch(
      /^Available: 2 yes\/no values for 3 products/,
    );
  });
});

describe("SUBSTITUTION matrix", () => {
  const weights = [
    ["Product", "Weight"],
    ["A", 3],
    ["B", 2],
    ["C", 1],
    ["No purchase", 4],
  ];
  test("equals the MNL chain and reads back as a Substitution range", () => {
    const table = substitutionFromSheet(PRODUCTS, weights);
    expectRectangular(table);
    const chain = mnlToMarkovChain([3, 2, 1], 4);
    expect(table[0]).toEqual(["From \\ To", "A", "B", "C"]);
    table.slice(1).forEach((r, i) => r.slice(1).forEach((v, j) => expect(v).toBeCloseTo(chain.rho[i][j], 14)));
    const m = readSheetInstance({ products: PRODUCTS, substitution: table }).model;
    expect(m.substitution.rowSum[0]).toBeCloseTo(chain.rho[0][1] + chain.rho[0][2], 14);
  });
  test("a single number is the no-purchase weight, products weighted by demand", () => {
    expect(substitutionFromSheet(PRODUCTS, 60)).toEqual(
      substitutionFromSheet(PRODUCTS, [
        ["A", 30],
        ["B", 20],
        ["C", 10],
        ["none", 60],
      ]),
    );
  });
  test("only the id column is needed", () => {
    expect(
      substitutionFromSheet(
        [["SKU"], ["A"], ["B"]],
        [
          ["A", 1],
          ["B", 1],
          ["No purchase", 2],
        ],
      ),
    ).toEqual([
      ["From \\ To", "A", "B"],
      ["A", 0, 1 / 3],
      ["B", 1 / 3, 0],
    ]);
  });
  test("problems", () => {
    expect(
      messagesOf(() =>
        substitutionFromSheet(PRODUCTS, [
          ["A", 3],
          ["B", -2],
          ["Cx", 1],
        ]),
      ),
    ).toEqual([
      "Weights: no weight for 'C'; give every product of the Products range a weight (0 if customers never pick it).",
      "Weights: no 'No purchase' row; add one with the weight of leaving without buying (above 0).",
      "Weights row 2 (B): the weight -2 is negative; give an attraction weight, 0 or more.",
      "Weights row 3: 'Cx' is not among the products; did you mean 'C'?",
    ]);
    expect(messagesOf(() => substitutionFromSheet(PRODUCTS, 0))[0]).toMatch(/^Weights: 0 is not a no-purchase weight/);
    const many = [["SKU"], ...Array.from({ length: 501 }, (_, i) => [`P${i}`])];
    expect(messagesOf(() => substitutionFromSheet(many, 1))[0]).toMatch(
      /^Products: 501 products would make a 502 × 502 matrix \(252,004 cells\)/,
    );
    expect(messagesOf(() => substitutionFromSheet([["SKU"], ["A"], ["A"]], 1))).toEqual([
      "Products row 3 (A): the id 'A' is already used by row 2; ids must be unique.",
    ]);
  });
});
