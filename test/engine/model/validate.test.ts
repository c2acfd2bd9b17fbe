// Input validation (docs/model.md §1): every rule, every message naming its culprit and what is allowed, every
// problem collected, and the compiled Model (typed arrays, substitution in compressed sparse rows).

import { InputError, type Model, type Problem, type SparseSubstitution } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";

type Row = Record<string, unknown>;

/** A valid product; `over` replaces or adds fields (a field set to undefined is removed). */
function product(id: unknown, over: Row = {}): Row {
  const p: Row = { id, price: 10, cost: 4, demand: 5, ...over };
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  return p;
}

const ABC = () => [product("A"), product("B"), product("C")];

/** Validates, expecting an InputError; returns its problems. */
function problemsOf(input: unknown): Problem[] {
  let thrown: unknown;
  try {
    validateInstance(input);
  } catch (e) {
    thrown = e;
  }
  if (!(thrown instanceof InputError))
    throw new Error(`expected an InputError, got ${thrown === undefined ? "a Model" : String(thrown)}`);
  return thrown.problems;
}

/** Validates, expecting exactly one problem; returns it. */
function oneProblem(input: unknown): Problem {
  const problems = problemsOf(input);
  expect(problems.map((p) => p.message)).toHaveLength(1);
  return problems[0];
}

/** The message contains every fragment (exact text, so the value is quoted as the user wrote it). */
function expectMentions(p: Problem, fragments: string[]): void {
  for (const f of fragments) expect(p.message).toContain(f);
}

/** The CSR arrays as plain lists, for comparing two compilations. */
function csr(s: SparseSubstitution) {
  return {
    rowStart: Array.from(s.rowStart),
    col: Array.from(s.col),
    prob: Array.from(s.prob),
    rowSum: Array.from(s.rowSum),
    colStart: Array.from(s.colStart),
    colSource: Array.from(s.colSource),
    colProb: Array.from(s.colProb),
  };
}

describe("validateInstance: the instance as a whole", () => {
  it.each([
    ["null", null, "blank"],
    ["a number", 42, "42"],
    ["a string", "abc", "'abc'"],
    ["a list", [], "[]"],
  ])("rejects %s as the instance", (_name, input, shown) => {
    const p = oneProblem(input);
    expect(p).toMatchObject({ section: "instance", value: input });
    expectMentions(p, [`The instance ${shown} is not an object`, `"products"`]);
  });

  it.each([
    ["missing", {}, "Products: missing"],
    ["an empty list", { products: [] }, "Products: the list is empty"],
    ["not a list", { products: "abc" }, "Products: 'abc' is not a list"],
    ["an object", { products: { id: "A" } }, `Products: {"id":"A"} is not a list`],
  ])("rejects products that are %s", (_name, input, text) => {
    const p = oneProblem(input);
    expect(p.section).toBe("products");
    expectMentions(p, [text, "give at least one product with id, price, cost and demand"]);
  });

  it("names an unknown top-level field and suggests the right one", () => {
    const p = oneProblem({ products: ABC(), substitutions: [] });
    expect(p).toMatchObject({ section: "instance", field: "substitutions" });
    expectMentions(p, ["Instance: unknown field 'substitutions'", "did you mean 'substitution'?"]);
  });

  it("rejects a product entry that is not an object, by position", () => {
    const p = oneProblem({ products: [product("A"), 42] });
    expect(p).toMatchObject({ section: "products", index: 1, value: 42 });
    expectMentions(p, ["Product #2: 42 is not an object with id, price, cost and demand"]);
  });
});

describe("validateInstance: product ids", () => {
  it("rejects a duplicate id, naming both positions", () => {
    const p = oneProblem({ products: [product("A"), product("B"), product("A")] });
    expect(p).toMatchObject({ section: "products", index: 2, productId: "A", field: "id", value: "A" });
    expectMentions(p, ["Product #3", "'A'", "already used by product #1", "ids must be unique"]);
  });

  it("treats a numeric id and the same text as the same id", () => {
    const p = oneProblem({ products: [product(7), product("7")] });
    expect(p).toMatchObject({ index: 1, field: "id", productId: "7" });
    expectMentions(p, ["Product #2", "'7'", "already used by product #1"]);
  });

  it.each([
    ["empty", "", "the id is empty"],
    ["blank text", "   ", "the id is empty"],
    ["missing", undefined, "the id is missing"],
    ["null", null, "the id is blank"],
    ["a boolean", true, "the id TRUE is not text"],
    ["an object", { code: 1 }, `the id {"code":1} is not text`],
    ["NaN", NaN, "the id NaN is not text"],
  ])("rejects an id that is %s, naming the position", (_name, id, text) => {
    const p = oneProblem({ products: [product("A"), product(id)] });
    expect(p).toMatchObject({ section: "products", index: 1, field: "id" });
    expect(p.productId).toBeUndefined();
    expectMentions(p, [`Product #2: ${text}`, "give every product a unique, non-empty id"]);
  });

  it("accepts numeric ids as text, trims ids, and links them either way", () => {
    const m = validateInstance({
      products: [product(101), product(" 102 "), product("103")],
      substitution: [
        { from: 101, to: "102", probability: 0.2 },
        { from: "102", to: 103, probability: 0.3 },
      ],
    });
    expect(m.ids).toEqual(["101", "102", "103"]);
    expect([...m.index.entries()]).toEqual([
      ["101", 0],
      ["102", 1],
      ["103", 2],
    ]);
    expect(Array.from(m.substitution.rowSum)).toEqual([0.2, 0.3, 0]);
  });
});

/**
 * One faulty field on product B (position 2). Each case: fields to set, then what the problem must carry:
 * the field, the value, and fragments of the message (the value as shown, and the allowed range).
 */
interface FieldCase {
  name: string;
  over: Row;
  field: string;
  value: unknown;
  mentions: string[];
}

const PRICE_RULE = "the selling price must be a number above 0";
const COST_RULE = "the unit cost must be a number, 0 or more";
const DEMAND_RULE = "the first-choice demand must be a number, 0 or more";
const SALVAGE_RULE = "the salvage value must be 0 or more and below the cost";
const MIN_RULE = "the minimum must be a whole number of units, 0 or more";
const MAX_RULE = "the maximum must be a whole number of units, 0 or more";
const PACK_RULE = "the pack size must be a whole number of units, 1 or more";

const fieldCases: FieldCase[] = [
  // not numbers at all
  {
    name: "price 'abc'",
    over: { price: "abc" },
    field: "price",
    value: "abc",
    mentions: ["price: 'abc' is not a number", PRICE_RULE],
  },
  {
    name: "price as numeric text",
    over: { price: "30" },
    field: "price",
    value: "30",
    mentions: ["price: '30' is not a number", PRICE_RULE],
  },
  {
    name: "cost true",
    over: { cost: true },
    field: "cost",
    value: true,
    mentions: ["cost: TRUE is not a number", COST_RULE],
  },
  {
    name: "demand null",
    over: { demand: null },
    field: "demand",
    value: null,
    mentions: ["demand: blank is not a number", DEMAND_RULE],
  },
  {
    name: "price an object",
    over: { price: { v: 3 } },
    field: "price",
    value: { v: 3 },
    mentions: [`price: {"v":3} is not a number`, PRICE_RULE],
  },
  {
    name: "cost a list",
    over: { cost: [4] },
    field: "cost",
    value: [4],
    mentions: ["cost: [4] is not a number", COST_RULE],
  },
  {
    name: "price missing",
    over: { price: undefined },
    field: "price",
    value: undefined,
    mentions: ["price: missing", PRICE_RULE],
  },
  {
    name: "demand missing",
    over: { demand: undefined },
    field: "demand",
    value: undefined,
    mentions: ["demand: missing", DEMAND_RULE],
  },
  // not finite
  {
    name: "price NaN",
    over: { price: NaN },
    field: "price",
    value: NaN,
    mentions: ["price: NaN is not a number", PRICE_RULE],
  },
  {
    name: "demand Infinity",
    over: { demand: Infinity },
    field: "demand",
    value: Infinity,
    mentions: ["demand: Infinity is not a finite number", DEMAND_RULE],
  },
  {
    name: "cost -Infinity",
    over: { cost: -Infinity },
    field: "cost",
    value: -Infinity,
    mentions: ["cost: -Infinity is not a finite number", COST_RULE],
  },
  // out of range
  {
    name: "price negative",
    over: { price: -5 },
    field: "price",
    value: -5,
    mentions: ["price: -5 is too small", PRICE_RULE],
  },
  { name: "price 0", over: { price: 0 }, field: "price", value: 0, mentions: ["price: 0 is too small", PRICE_RULE] },
  {
    name: "cost negative",
    over: { cost: -1.5 },
    field: "cost",
    value: -1.5,
    mentions: ["cost: -1.5 is negative", COST_RULE],
  },
  {
    name: "demand negative",
    over: { demand: -2 },
    field: "demand",
    value: -2,
    mentions: ["demand: -2 is negative", DEMAND_RULE],
  },
  {
    name: "salvage negative",
    over: { salvage: -1 },
    field: "salvage",
    value: -1,
    mentions: ["salvage: -1 is negative", SALVAGE_RULE],
  },
  {
    name: "salvage 'x'",
    over: { salvage: "x" },
    field: "salvage",
    value: "x",
    mentions: ["salvage: 'x' is not a number", SALVAGE_RULE],
  },
  {
    name: "salvage equal to cost",
    over: { salvage: 4 },
    field: "salvage",
    value: 4,
    mentions: ["salvage: 4 is not below the cost 4", "must be worth less than it cost"],
  },
  {
    name: "salvage above cost",
    over: { salvage: 6 },
    field: "salvage",
    value: 6,
    mentions: ["salvage: 6 is not below the cost 4", "must be worth less than it cost"],
  },
  {
    name: "salvage > 0 with cost 0",
    over: { cost: 0, salvage: 1 },
    field: "salvage",
    value: 1,
    mentions: ["salvage: 1 is not below the cost 0", "must be worth less than it cost"],
  },
  // quantities
  {
    name: "minQty not whole",
    over: { minQty: 1.5 },
    field: "minQty",
    value: 1.5,
    mentions: ["minQty: 1.5 is not a whole number", MIN_RULE],
  },
  {
    name: "minQty negative",
    over: { minQty: -1 },
    field: "minQty",
    value: -1,
    mentions: ["minQty: -1 is negative", MIN_RULE],
  },
  {
    name: "minQty too large for the engine",
    over: { minQty: 3e9 },
    field: "minQty",
    value: 3e9,
    mentions: ["minQty: 3000000000 is too large (at most 2147483647)", MIN_RULE],
  },
  {
    name: "maxQty not whole",
    over: { maxQty: 2.5 },
    field: "maxQty",
    value: 2.5,
    mentions: ["maxQty: 2.5 is not a whole number", MAX_RULE],
  },
  {
    name: "maxQty text",
    over: { maxQty: "10" },
    field: "maxQty",
    value: "10",
    mentions: ["maxQty: '10' is not a number", MAX_RULE],
  },
  {
    name: "packSize not whole",
    over: { packSize: 2.5 },
    field: "packSize",
    value: 2.5,
    mentions: ["packSize: 2.5 is not a whole number", PACK_RULE],
  },
  {
    name: "packSize 0",
    over: { packSize: 0 },
    field: "packSize",
    value: 0,
    mentions: ["packSize: 0 is too small", PACK_RULE],
  },
  {
    name: "packSize negative",
    over: { packSize: -6 },
    field: "packSize",
    value: -6,
    mentions: ["packSize: -6 is too small", PACK_RULE],
  },
  {
    name: "min above max",
    over: { minQty: 5, maxQty: 3 },
    field: "minQty",
    value: 5,
    mentions: ["minQty 5 is above maxQty 3", "the minimum must not exceed the maximum"],
  },
  // flags
  {
    name: "mustOffer with exclude",
    over: { mustOffer: true, exclude: true },
    field: "exclude",
    value: true,
    mentions: ["marked both mustOffer and exclude", "cannot be both required and banned"],
  },
  {
    name: "mustOffer 'yes'",
    over: { mustOffer: "yes" },
    field: "mustOffer",
    value: "yes",
    mentions: ["mustOffer: 'yes' is not true or false", "use true/false (or 1/0)"],
  },
  {
    name: "exclude 2",
    over: { exclude: 2 },
    field: "exclude",
    value: 2,
    mentions: ["exclude: 2 is not true or false", "use true/false (or 1/0)"],
  },
  {
    name: "mustOffer with maxQty 0",
    over: { mustOffer: true, maxQty: 0 },
    field: "maxQty",
    value: 0,
    mentions: ["must be offered but its maxQty 0 leaves no room for 1 units"],
  },
  {
    name: "mustOffer with maxQty below one pack",
    over: { mustOffer: true, maxQty: 5, packSize: 6 },
    field: "maxQty",
    value: 5,
    mentions: ["must be offered but its maxQty 5 leaves no room for 6 units", "packs of 6 at or above 1"],
  },
  {
    name: "mustOffer whose minimum rounds up past maxQty",
    over: { mustOffer: true, minQty: 7, maxQty: 7, packSize: 4 },
    field: "maxQty",
    value: 7,
    mentions: ["maxQty 7 leaves no room for 8 units", "packs of 4 at or above 7"],
  },
  // size
  {
    name: "size negative",
    over: { size: -0.5 },
    field: "size",
    value: -0.5,
    mentions: ["size: -0.5 is negative", "the space per unit must be a number, 0 or more"],
  },
  // unknown fields
  {
    name: "unknown field 'prcie'",
    over: { prcie: 12 },
    field: "prcie",
    value: undefined,
    mentions: ["unknown field 'prcie'", "did you mean 'price'?"],
  },
  {
    name: "unknown field 'Demand'",
    over: { Demand: 3 },
    field: "Demand",
    value: undefined,
    mentions: ["unknown field 'Demand'", "did you mean 'demand'?"],
  },
  {
    name: "unknown field 'packsize'",
    over: { packsize: 3 },
    field: "packsize",
    value: undefined,
    mentions: ["unknown field 'packsize'", "did you mean 'packSize'?"],
  },
  {
    name: "unknown field 'mustOfer'",
    over: { mustOfer: true },
    field: "mustOfer",
    value: undefined,
    mentions: ["unknown field 'mustOfer'", "did you mean 'mustOffer'?"],
  },
  {
    name: "unknown field 'colour'",
    over: { colour: "red" },
    field: "colour",
    value: undefined,
    mentions: [
      "unknown field 'colour'",
      "allowed fields are id, name, price, cost, demand, salvage, minQty, maxQty, packSize, mustOffer, exclude, size",
    ],
  },
];

describe("validateInstance: product fields", () => {
  it.each(fieldCases)(
    "rejects $name, naming product B, the field and the value",
    ({ over, field, value, mentions }) => {
      const p = oneProblem({ products: [product("A"), product("B", over), product("C")] });
      expect(p).toMatchObject({ section: "products", index: 1, productId: "B", field });
      if (value !== undefined) expect(p.value).toEqual(value);
      expect(p.message.startsWith("Product B")).toBe(true);
      expectMentions(p, [field, ...mentions]);
    },
  );

  it("names a product without a usable id by its position", () => {
    const p = problemsOf({ products: [product("A"), product("", { cost: -1 })] });
    expect(p).toHaveLength(2);
    expect(p[1]).toMatchObject({ section: "products", index: 1, field: "cost", value: -1 });
    expect(p[1].productId).toBeUndefined();
    expectMentions(p[1], ["Product #2, cost: -1 is negative", COST_RULE]);
  });

  it("accepts salvage 0 with cost 0, and salvage just below cost", () => {
    const m = validateInstance({ products: [product("A", { cost: 0, salvage: 0 }), product("B", { salvage: 3.99 })] });
    expect(Array.from(m.salvage)).toEqual([0, 3.99]);
  });

  it("accepts mustOffer when one pack fits, and 1/0 for true/false", () => {
    const m = validateInstance({
      products: [
        product("A", { mustOffer: 1, minQty: 5, maxQty: 8, packSize: 4 }),
        product("B", { exclude: 1, mustOffer: 0 }),
      ],
    });
    expect(Array.from(m.mustOffer)).toEqual([1, 0]);
    expect(Array.from(m.exclude)).toEqual([0, 1]);
  });
});

describe("validateInstance: warnings", () => {
  it("does not throw when price does not exceed cost, and reports it in model.warnings", () => {
    const m = validateInstance({
      products: [product("A", { price: 3, cost: 4 }), product("B", { price: 4, cost: 4 }), product("C")],
    });
    expect(m.warnings).toHaveLength(2);
    expect(m.warnings[0]).toMatchObject({ section: "products", index: 0, productId: "A", field: "price", value: 3 });
    expectMentions(m.warnings[0], ["Product A", "price 3", "cost 4", "never pays"]);
    expect(m.warnings[1]).toMatchObject({ index: 1, productId: "B", field: "price", value: 4 });
  });

  it("has no warnings for a sound instance", () => {
    expect(validateInstance({ products: ABC() }).warnings).toEqual([]);
  });
});

describe("validateInstance: substitution links", () => {
  const TEES = () => [product("Tee-01"), product("Tee-02"), product("Polo-01")];
  const link = (from: unknown, to: unknown, probability: unknown) => ({ from, to, probability });

  it.each([
    ["to", link("Tee-01", "Tee-2", 0.3), "'to' product 'Tee-2' is not among the products; did you mean 'Tee-02'?"],
    [
      "from",
      link("Tea-01", "Tee-02", 0.3),
      "'from' product 'Tea-01' is not among the products; did you mean 'Tee-01'?",
    ],
    [
      "from",
      link("Tee-10", "Tee-02", 0.3),
      "'from' product 'Tee-10' is not among the products; did you mean 'Tee-01'?",
    ],
    [
      "to",
      link("Tee-01", "Jacket-07", 0.3),
      "'to' product 'Jacket-07' is not among the products; substitution may only link listed products",
    ],
  ])("rejects a link with an unknown '%s' product", (role, bad, text) => {
    const p = oneProblem({ products: TEES(), substitution: [link("Tee-02", "Polo-01", 0.1), bad] });
    expect(p).toMatchObject({ section: "substitution", index: 1, field: role, value: bad[role as "from" | "to"] });
    expectMentions(p, ["Substitution entry 2:", text]);
  });

  it.each([
    ["missing", undefined, "'from' is missing"],
    ["blank", null, "'from' blank is not a product id"],
    ["a boolean", false, "'from' FALSE is not a product id"],
  ])("rejects a 'from' that is %s", (_name, from, text) => {
    const p = oneProblem({ products: TEES(), substitution: [{ from, to: "Tee-02", probability: 0.3 }] });
    expect(p).toMatchObject({ section: "substitution", index: 0, field: "from" });
    expectMentions(p, ["Substitution entry 1:", text, "give the id of a listed product"]);
  });

  it.each([
    ["negative", -0.2, "probability: -0.2 is negative"],
    ["above 1", 1.5, "probability: 1.5 is above 1"],
    ["text", "30%", "probability: '30%' is not a number"],
    ["NaN", NaN, "probability: NaN is not a number"],
    ["missing", undefined, "probability: missing"],
  ])("rejects a %s probability, naming the entry and the value", (_name, probability, text) => {
    const p = oneProblem({
      products: TEES(),
      substitution: [link("Tee-01", "Tee-02", 0.1), { from: "Tee-02", to: "Tee-01", probability }],
    });
    expect(p).toMatchObject({ section: "substitution", index: 1, field: "probability" });
    expectMentions(p, ["Substitution entry 2, ", text, "between 0 and 1"]);
  });

  it("rejects self-substitution, naming the product and the value", () => {
    const p = oneProblem({ products: TEES(), substitution: [link("Tee-02", "Tee-02", 0.25)] });
    expect(p).toMatchObject({
      section: "substitution",
      index: 0,
      productId: "Tee-02",
      field: "probability",
      value: 0.25,
    });
    expectMentions(p, ["Substitution entry 1", "'Tee-02' substitutes to itself with 0.25", "ρ[i][i] must be 0"]);
  });

  it("accepts a self-link with probability 0", () => {
    const m = validateInstance({ products: TEES(), substitution: [link("Tee-02", "Tee-02", 0)] });
    expect(m.substitution.col).toHaveLength(0);
  });

  it("rejects a link given twice, naming both entries", () => {
    const p = oneProblem({
      products: TEES(),
      substitution: [link("Tee-01", "Tee-02", 0.2), link("Polo-01", "Tee-01", 0.1), link("Tee-01", "Tee-02", 0.3)],
    });
    expect(p).toMatchObject({ section: "substitution", index: 2, productId: "Tee-01", products: ["Tee-01", "Tee-02"] });
    expectMentions(p, [
      "Substitution entry 3",
      "from 'Tee-01' to 'Tee-02' is given twice (also in entry 1)",
      "give each pair once",
    ]);
  });

  it("rejects a row summing above 1, naming the product and the sum", () => {
    const p = oneProblem({
      products: TEES(),
      substitution: [link("Tee-01", "Tee-02", 0.6), link("Polo-01", "Tee-02", 0.2), link("Tee-01", "Polo-01", 0.5)],
    });
    expect(p).toMatchObject({ section: "substitution", productId: "Tee-01", field: "probability" });
    expect(p.value).toBeCloseTo(1.1, 12);
    expect(p.index).toBeUndefined(); // no single list entry is at fault
    expectMentions(p, ["Substitution from 'Tee-01'", "sum to 1.1, above 1", "at most 1"]);
  });

  it("accepts a row summing to 1 + 1e-12 (rounding), clamped to 1", () => {
    const m = validateInstance({
      products: TEES(),
      substitution: [link("Tee-01", "Tee-02", 0.5), link("Tee-01", "Polo-01", 0.5 + 1e-12)],
    });
    expect(m.substitution.rowSum[0]).toBe(1);
  });

  it("rejects a link that is not an object, and an unknown link field with a suggestion", () => {
    const ps = problemsOf({
      products: TEES(),
      substitution: ["Tee-01>Tee-02", { form: "Tee-01", to: "Tee-02", probability: 0.2 }],
    });
    expect(ps).toHaveLength(3);
    expect(ps[0]).toMatchObject({ section: "substitution", index: 0, value: "Tee-01>Tee-02" });
    expectMentions(ps[0], ["Substitution entry 1: 'Tee-01>Tee-02' is not a {from, to, probability} link"]);
    expect(ps[1]).toMatchObject({ section: "substitution", index: 1, field: "form" });
    expectMentions(ps[1], ["Substitution entry 2: unknown field 'form'; did you mean 'from'?"]);
    expect(ps[2]).toMatchObject({ section: "substitution", index: 1, field: "from" });
    expectMentions(ps[2], ["'from' is missing"]);
  });

  it("rejects substitution that is neither a list nor a matrix", () => {
    const p = oneProblem({ products: TEES(), substitution: "Tee-01: Tee-02" });
    expect(p).toMatchObject({ section: "substitution", value: "Tee-01: Tee-02" });
    expectMentions(p, [
      "'Tee-01: Tee-02' is neither a list of {from, to, probability} links nor a matrix {ids, matrix} over 3 products",
    ]);
  });
});

describe("validateInstance: substitution matrix", () => {
  it("rejects a matrix with fewer rows than ids", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "B", "C"],
        matrix: [
          [0, 0.1, 0],
          [0, 0, 0.2],
        ],
      },
    });
    expect(p.section).toBe("substitution");
    expectMentions(p, ["Substitution matrix: 2 rows for 3 ids", "must be square"]);
  });

  it("rejects a row with the wrong number of values, naming the row", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "B", "C"],
        matrix: [
          [0, 0.1, 0],
          [0, 0],
          [0.3, 0, 0],
        ],
      },
    });
    expect(p).toMatchObject({ section: "substitution", index: 1 });
    expectMentions(p, ["Substitution matrix row 2 ('B')", "has 2 values for 3 columns", "must be square"]);
  });

  it("names the row and column of a bad cell, and its position", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "B", "C"],
        matrix: [
          [0, 0.1, 0],
          [0, 0, -0.4],
          [0, 0, 0],
        ],
      },
    });
    expect(p).toMatchObject({ section: "substitution", index: 1, column: 2, field: "probability", value: -0.4 });
    expectMentions(p, ["Substitution matrix row 'B', column 'C', probability: -0.4 is negative", "between 0 and 1"]);
  });

  it("rejects a diagonal entry (self-substitution)", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "B", "C"],
        matrix: [
          [0, 0, 0],
          [0, 0.2, 0],
          [0, 0, 0],
        ],
      },
    });
    expect(p).toMatchObject({ section: "substitution", index: 1, column: 1, productId: "B", value: 0.2 });
    expectMentions(p, ["'B' substitutes to itself with 0.2", "must be 0"]);
  });

  it("rejects an unknown header id with a suggestion", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "b"],
        matrix: [
          [0, 0.1],
          [0, 0],
        ],
      },
    });
    expect(p).toMatchObject({ section: "substitution", index: 0, column: 1, field: "to", value: "b" });
    expectMentions(p, ["row 'A', column 'b'", "'to' product 'b' is not among the products; did you mean 'B'?"]);
  });

  it("rejects a pair given twice through a repeated header id", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: {
        ids: ["A", "B", "A"],
        matrix: [
          [0, 0.1, 0],
          [0, 0, 0],
          [0, 0.2, 0],
        ],
      },
    });
    expect(p).toMatchObject({ section: "substitution", index: 2, column: 1, products: ["A", "B"] });
    expectMentions(p, ["from 'A' to 'B' is given twice (also in the matrix)", "give each pair once"]);
  });
});

describe("validateInstance: closed loops", () => {
  const link = (from: string, to: string, probability: number) => ({ from, to, probability });

  it("rejects two products that send every customer to each other, naming both", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: [link("A", "B", 1), link("B", "A", 1), link("C", "A", 0.5)],
    });
    expect(p).toMatchObject({ section: "substitution", productId: "A", products: ["A", "B"] });
    expectMentions(p, ["'A' and 'B' form a closed loop with no way out", "lower at least one of these rows below 1"]);
  });

  it("names every product of a longer loop, including one that only feeds into it", () => {
    const products = ["A", "B", "C", "D", "E"].map((id) => product(id));
    const p = oneProblem({
      products,
      substitution: [link("A", "B", 1), link("B", "C", 1), link("C", "A", 1), link("D", "C", 1), link("E", "A", 0.2)],
    });
    expect(p.products).toEqual(["A", "B", "C", "D"]);
    expectMentions(p, ["'A', 'B', 'C' and 'D' form a closed loop"]);
  });

  it("reports two separate loops as two problems", () => {
    const products = ["A", "B", "C", "D", "E"].map((id) => product(id));
    const ps = problemsOf({
      products,
      substitution: [link("A", "B", 1), link("B", "A", 1), link("C", "D", 1), link("D", "C", 1), link("E", "A", 0.4)],
    });
    expect(ps).toHaveLength(2);
    expect(ps.map((p) => p.products)).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
    expectMentions(ps[0], ["'A' and 'B' form a closed loop"]);
    expectMentions(ps[1], ["'C' and 'D' form a closed loop"]);
  });

  it("accepts rows summing to 1 when every product can still reach a way out", () => {
    const m = validateInstance({
      products: ABC(),
      // A and B pass everyone on, but the walk reaches C, whose customers leave with probability 0.5.
      substitution: [link("A", "B", 1), link("B", "A", 0.5), link("B", "C", 0.5), link("C", "A", 0.5)],
    });
    expect(Array.from(m.substitution.rowSum)).toEqual([1, 1, 0.5]);
  });

  it("accepts a chain of rows summing to 1 that ends in an exit", () => {
    const m = validateInstance({ products: ABC(), substitution: [link("A", "B", 1), link("B", "C", 1)] });
    expect(Array.from(m.substitution.rowSum)).toEqual([1, 1, 0]);
  });

  it("treats a row summing to 1 + 1e-12 as summing to 1 (no exit)", () => {
    const p = oneProblem({
      products: ABC(),
      substitution: [link("A", "B", 0.5), link("A", "C", 0.5 + 1e-12), link("B", "A", 1), link("C", "A", 1)],
    });
    expect(p.products).toEqual(["A", "B", "C"]);
  });
});

describe("validateInstance: customers", () => {
  const withCustomers = (customers: unknown, products = ABC()) => ({ products, customers });

  it("rejects an unknown distribution, listing the known ones", () => {
    const p = oneProblem(withCustomers({ distribution: "gamma" }));
    expect(p).toMatchObject({ section: "customers", field: "distribution", value: "gamma" });
    expectMentions(p, ["Customers, distribution: 'gamma' is not a known model", "use poisson, fixed or negbin"]);
  });

  it("rejects negbin without a cv", () => {
    const p = oneProblem(withCustomers({ distribution: "negbin" }));
    expect(p).toMatchObject({ section: "customers", field: "cv" });
    expectMentions(p, ["Customers, cv: missing", "negbin needs a coefficient of variation above 0"]);
  });

  it("rejects negbin with cv 0", () => {
    const p = oneProblem(withCustomers({ distribution: "negbin", cv: 0 }));
    expect(p).toMatchObject({ field: "cv", value: 0 });
    expectMentions(p, ["Customers, cv: 0 is too small", "above 0"]);
  });

  it("rejects a negbin cv at or below the Poisson's own variability", () => {
    // ΣD = 100, so a Poisson total already has cv 1/√100 = 0.1.
    const products = [product("A", { demand: 60 }), product("B", { demand: 40 })];
    for (const cv of [0.05, 0.1]) {
      const p = oneProblem(withCustomers({ distribution: "negbin", cv }, products));
      expect(p).toMatchObject({ section: "customers", field: "cv", value: cv });
      expectMentions(p, [
        `Customers, cv: ${cv} is not above the Poisson's own variability 0.100 for 100 expected customers`,
        "use a larger cv or distribution poisson",
      ]);
    }
    expect(validateInstance(withCustomers({ distribution: "negbin", cv: 0.11 }, products)).customers).toEqual({
      distribution: "negbin",
      cv: 0.11,
    });
  });

  it.each(["poisson", "fixed"])("rejects a cv given with %s", (distribution) => {
    const p = oneProblem(withCustomers({ distribution, cv: 0.3 }));
    expect(p).toMatchObject({ section: "customers", field: "cv", value: 0.3 });
    expectMentions(p, [
      `Customers, cv: a coefficient of variation applies only to negbin, not to ${distribution}`,
      "set distribution to negbin",
    ]);
  });

  it("rejects customers that are not an object, and an unknown customer field", () => {
    const p1 = oneProblem(withCustomers("poisson"));
    expect(p1).toMatchObject({ section: "customers", value: "poisson" });
    expectMentions(p1, [`Customers: 'poisson' is not an object like {"distribution": "poisson"}`]);
    const p2 = oneProblem(withCustomers({ distrbution: "fixed" }));
    expect(p2).toMatchObject({ section: "customers", field: "distrbution" });
    expectMentions(p2, ["Customers: unknown field 'distrbution'; did you mean 'distribution'?"]);
  });

  it("defaults to poisson, and reads the distribution case- and space-insensitively", () => {
    expect(validateInstance({ products: ABC() }).customers).toEqual({ distribution: "poisson", cv: 0 });
    expect(validateInstance(withCustomers({})).customers).toEqual({ distribution: "poisson", cv: 0 });
    expect(validateInstance(withCustomers({ distribution: " Fixed " })).customers).toEqual({
      distribution: "fixed",
      cv: 0,
    });
    expect(validateInstance(withCustomers({ distribution: "NegBin", cv: 0.3 })).customers).toEqual({
      distribution: "negbin",
      cv: 0.3,
    });
  });
});

describe("validateInstance: constraints", () => {
  const withConstraints = (constraints: unknown) => ({ products: ABC(), constraints });

  it.each([
    [
      "a negative budget",
      { budget: -100 },
      "budget",
      -100,
      ["Constraints, budget: -100 is negative", "use an amount of 0 or more"],
    ],
    [
      "a budget as text",
      { budget: "5k" },
      "budget",
      "5k",
      ["Constraints, budget: '5k' is not a number", "use an amount of 0 or more"],
    ],
    [
      "a non-integer maxProducts",
      { maxProducts: 2.5 },
      "maxProducts",
      2.5,
      ["Constraints, maxProducts: 2.5 is not a whole number", "use a whole number of products, 0 or more"],
    ],
    [
      "a negative maxProducts",
      { maxProducts: -1 },
      "maxProducts",
      -1,
      ["Constraints, maxProducts: -1 is negative", "whole number of products"],
    ],
    [
      "an infinite capacity",
      { capacity: Infinity },
      "capacity",
      Infinity,
      ["Constraints, capacity: Infinity is not a finite number", "use a space of 0 or more"],
    ],
  ])("rejects %s", (_name, constraints, field, value, mentions) => {
    const p = oneProblem(withConstraints(constraints));
    expect(p).toMatchObject({ section: "constraints", field, value });
    expectMentions(p, mentions);
  });

  it.each([
    ["budjet", "did you mean 'budget'?"],
    ["maxProduct", "did you mean 'maxProducts'?"],
    ["shelfSpace", "allowed fields are maxProducts, budget, capacity"],
  ])("rejects the unknown constraint field '%s'", (key, hint) => {
    const p = oneProblem(withConstraints({ [key]: 10 }));
    expect(p).toMatchObject({ section: "constraints", field: key });
    expectMentions(p, [`Constraints: unknown field '${key}'`, hint]);
  });

  it("rejects constraints that are not an object", () => {
    const p = oneProblem(withConstraints(5000));
    expect(p).toMatchObject({ section: "constraints", value: 5000 });
    expectMentions(p, [`Constraints: 5000 is not an object like {"budget": 50000}`]);
  });

  it("reads the constraints given and leaves the others null", () => {
    expect(validateInstance(withConstraints({ maxProducts: 2, budget: 100 })).constraints).toEqual({
      maxProducts: 2,
      budget: 100,
      capacity: null,
    });
    expect(validateInstance({ products: ABC() }).constraints).toEqual({
      maxProducts: null,
      budget: null,
      capacity: null,
    });
  });

  it("rejects a capacity when only some products have a size, naming those without", () => {
    const products = [product("A", { size: 2 }), product("B"), product("C", { size: 1 }), product("D")];
    const p = oneProblem({ products, constraints: { capacity: 50 } });
    expect(p).toMatchObject({ section: "products", field: "size", products: ["B", "D"] });
    expectMentions(p, ["Products B and D have no size, but a capacity is set", "give every product a size"]);
  });

  it("accepts a capacity when every product or no product has a size, and partial sizes without capacity", () => {
    const all = validateInstance({
      products: [product("A", { size: 2 }), product("B", { size: 0 })],
      constraints: { capacity: 50 },
    });
    expect(Array.from(all.size)).toEqual([2, 0]);
    const none = validateInstance({ products: ABC(), constraints: { capacity: 50 } });
    expect(Array.from(none.size)).toEqual([1, 1, 1]);
    const partial = validateInstance({ products: [product("A", { size: 2 }), product("B")] });
    expect(Array.from(partial.size)).toEqual([2, 1]);
  });
});

describe("validateInstance: demand as a whole", () => {
  it("rejects an instance where every demand is 0", () => {
    const p = oneProblem({ products: [product("A", { demand: 0 }), product("B", { demand: 0 })] });
    expect(p).toMatchObject({ section: "products", field: "demand", value: 0 });
    expectMentions(p, ["every first-choice demand is 0", "at least one product must have expected customers"]);
  });

  it("does not add the all-zero problem on top of an invalid demand", () => {
    const p = oneProblem({ products: [product("A", { demand: 0 }), product("B", { demand: -3 })] });
    expect(p).toMatchObject({ productId: "B", field: "demand", value: -3 });
  });

  it("accepts zero demand on some products", () => {
    expect(validateInstance({ products: [product("A", { demand: 0 }), product("B")] }).totalDemand).toBe(5);
  });
});

describe("validateInstance: every problem is collected", () => {
  const faulty = {
    products: [product("A"), product("B", { cost: -2 }), product("A")],
    substitution: [{ from: "A", to: "B", probability: 1.2 }],
    customers: { distribution: "lognormal" },
    constraints: { budget: -1 },
  };

  it("reports five different faults as five problems, each mappable to its cell", () => {
    const ps = problemsOf(faulty);
    expect(ps.map((p) => [p.section, p.index, p.productId, p.field])).toEqual([
      ["products", 1, "B", "cost"],
      ["products", 2, "A", "id"],
      ["substitution", 0, undefined, "probability"],
      ["customers", undefined, undefined, "distribution"],
      ["constraints", undefined, undefined, "budget"],
    ]);
  });

  it("lists every problem in the thrown error's message", () => {
    let err: unknown;
    try {
      validateInstance(faulty);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.name).toBe("InputError");
    expect(e.message.split("\n")).toEqual(["5 problems in the input:", ...e.problems.map((p) => `  - ${p.message}`)]);
  });

  it("says '1 problem' for a single problem", () => {
    expect(() => validateInstance({ products: [product("A", { price: 0 })] })).toThrow(
      /^1 problem in the input:\n {2}- Product A, price: 0/,
    );
  });
});

describe("validateInstance: the compiled model", () => {
  const shop = () => ({
    products: [
      { id: "Tee-01", name: "White tee", price: 30, cost: 12, demand: 140.5 },
      {
        id: "Tee-02",
        price: 20,
        cost: 8,
        salvage: 2,
        demand: 60,
        minQty: 2,
        maxQty: 50,
        packSize: 6,
        mustOffer: true,
        size: 0.5,
      },
      { id: "Polo-01", price: 45, cost: 20, demand: 0, exclude: true, size: 1.5 },
      { id: "Cap-01", price: 15, cost: 5, demand: 9.5, size: 0.25, maxQty: 0 },
    ],
  });

  it("compiles the product fields into typed arrays with their defaults", () => {
    const m: Model = validateInstance(shop());
    expect(m.n).toBe(4);
    expect(m.ids).toEqual(["Tee-01", "Tee-02", "Polo-01", "Cap-01"]);
    expect(m.names).toEqual(["White tee", "", "", ""]);
    expect(m.index.get("Polo-01")).toBe(2);
    expect(m.price).toBeInstanceOf(Float64Array);
    expect(Array.from(m.price)).toEqual([30, 20, 45, 15]);
    expect(Array.from(m.cost)).toEqual([12, 8, 20, 5]);
    expect(Array.from(m.salvage)).toEqual([0, 2, 0, 0]);
    expect(Array.from(m.demand)).toEqual([140.5, 60, 0, 9.5]);
    expect(m.minQty).toBeInstanceOf(Int32Array);
    expect(Array.from(m.minQty)).toEqual([0, 2, 0, 0]);
    expect(Array.from(m.maxQty)).toEqual([Infinity, 50, Infinity, 0]);
    expect(m.packSize).toBeInstanceOf(Int32Array);
    expect(Array.from(m.packSize)).toEqual([1, 6, 1, 1]);
    expect(Array.from(m.mustOffer)).toEqual([0, 1, 0, 0]);
    expect(Array.from(m.exclude)).toEqual([0, 0, 1, 0]);
    expect(Array.from(m.size)).toEqual([1, 0.5, 1.5, 0.25]);
    expect(m.totalDemand).toBe(210);
    expect(m.customers).toEqual({ distribution: "poisson", cv: 0 });
    expect(m.constraints).toEqual({ maxProducts: null, budget: null, capacity: null });
    expect(m.warnings).toEqual([]);
    expect(csr(m.substitution)).toEqual({
      rowStart: [0, 0, 0, 0, 0],
      col: [],
      prob: [],
      rowSum: [0, 0, 0, 0],
      colStart: [0, 0, 0, 0, 0],
      colSource: [],
      colProb: [],
    });
  });

  it("gives every product size 1 when none has a size", () => {
    expect(Array.from(validateInstance({ products: ABC() }).size)).toEqual([1, 1, 1]);
  });

  // Products A, B, C, D; ρ: A→B 0.3, A→C 0.2, C→A 0.5, D→B 0.1 (B: everyone leaves).
  const products = () => ["A", "B", "C", "D"].map((id) => product(id));
  const links = [
    { from: "A", to: "C", probability: 0.2 },
    { from: "D", to: "B", probability: 0.1 },
    { from: "A", to: "B", probability: 0.3 },
    { from: "C", to: "A", probability: 0.5 },
  ];
  const expected = {
    rowStart: [0, 2, 2, 3, 4],
    col: [1, 2, 0, 1],
    prob: [0.3, 0.2, 0.5, 0.1],
    rowSum: [0.5, 0, 0.5, 0.1],
    colStart: [0, 1, 3, 4, 4],
    colSource: [2, 0, 3, 0],
    colProb: [0.5, 0.3, 0.1, 0.2],
  };

  it("builds the substitution in compressed sparse rows and columns", () => {
    const s = validateInstance({ products: products(), substitution: links }).substitution;
    expect(s.rowStart).toBeInstanceOf(Int32Array);
    expect(s.prob).toBeInstanceOf(Float64Array);
    expect(csr(s)).toEqual(expected);
  });

  it("gives the same CSR whatever the order of the links", () => {
    const reversed = validateInstance({ products: products(), substitution: [...links].reverse() }).substitution;
    const rotated = validateInstance({
      products: products(),
      substitution: [...links.slice(2), ...links.slice(0, 2)],
    }).substitution;
    expect(csr(reversed)).toEqual(expected);
    expect(csr(rotated)).toEqual(expected);
  });

  it("gives the same CSR from a matrix, whatever the order of its ids", () => {
    const inOrder = {
      ids: ["A", "B", "C", "D"],
      matrix: [
        [0, 0.3, 0.2, 0],
        [0, 0, 0, 0],
        [0.5, 0, 0, 0],
        [0, 0.1, 0, 0],
      ],
    };
    // Same ρ with the headers permuted (and blank cells as null, as a sheet gives them).
    const permuted = {
      ids: ["D", "C", "B", "A"],
      matrix: [
        [0, 0, 0.1, null],
        [0, 0, 0, 0.5],
        [0, null, 0, 0],
        [0, 0.2, 0.3, 0],
      ],
    };
    expect(csr(validateInstance({ products: products(), substitution: inOrder }).substitution)).toEqual(expected);
    expect(csr(validateInstance({ products: products(), substitution: permuted }).substitution)).toEqual(expected);
  });

  it("drops zero probabilities in both forms", () => {
    const list = [...links, { from: "B", to: "A", probability: 0 }, { from: "D", to: "C", probability: 0 }];
    expect(csr(validateInstance({ products: products(), substitution: list }).substitution)).toEqual(expected);
    const matrix = {
      ids: ["A", "B", "C", "D"],
      matrix: [
        [0, 0.3, 0.2, 0],
        [0, 0, 0, 0],
        [0.5, 0, 0, 0],
        [0, 0.1, 0, 0],
      ],
    };
    const s = validateInstance({ products: products(), substitution: matrix }).substitution;
    expect(Array.from(s.prob).every((p) => p > 0)).toBe(true);
    expect(s.col).toHaveLength(4);
  });

  it("accepts an empty substitution list or null as no substitution", () => {
    for (const substitution of [[], null]) {
      const s = validateInstance({ products: ABC(), substitution }).substitution;
      expect(Array.from(s.rowStart)).toEqual([0, 0, 0, 0]);
      expect(Array.from(s.rowSum)).toEqual([0, 0, 0]);
    }
  });
});
