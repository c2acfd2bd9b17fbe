// The JSON form of a choice model: each kind read into a model whose probabilities match its closed form on
// a hand-worked set, and each kind of bad input stopped with a message naming the field.

import { readChoiceModel } from "../../../src/engine/choice/readChoiceModel";
import { InputError, type Problem } from "../../../src/engine/model/instance";

const products = [
  { id: "A", price: 30, cost: 12, demand: 99 },
  { id: "B", price: 20, cost: 8 },
  { id: "C", price: 10, cost: 4 },
];
const read = (choiceModel: unknown, customers: unknown = 1200) => readChoiceModel({ products, customers, choiceModel });
const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 12));

function problemsOf(input: unknown): Problem[] {
  try {
    readChoiceModel(input);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}
const messagesOf = (choiceModel: unknown, customers: unknown = 1200) =>
  problemsOf({ products, customers, choiceModel }).map((p) => p.message);

describe("reads each kind of model", () => {
  test("mnl: P_j = v_j / (v_0 + Σ_S v), products kept without their demand", () => {
    const f = read({ type: " MNL ", weights: { A: 3, B: 2, C: 1 }, noPurchase: 2 });
    expect(f.ids).toEqual(["A", "B", "C"]);
    expect(f.customers).toBe(1200);
    expect(f.products[0]).toEqual({ id: "A", price: 30, cost: 12 });
    const p = f.model.probabilities([1, 0, 1]);
    expect(Array.from(p.purchase)).toEqual(close([3 / 6, 0, 1 / 6]));
    expect(p.noPurchase).toBeCloseTo(2 / 6, 12);
  });

  test("rankings: each type buys the first available product of its list", () => {
    const f = read({
      type: "rankings",
      types: [
        { weight: 3, ranking: ["A", "B"] },
        { weight: 1, ranking: ["C"] },
        { ranking: ["B", "C"] }, // weight 1 by default
      ],
    });
    expect(f.model.label).toBe("rankings of 3 customer types");
    const p = f.model.probabilities([0, 1, 0]);
    expect(Array.from(p.purchase)).toEqual(close([0, 4 / 5, 0]));
    expect(p.noPurchase).toBeCloseTo(1 / 5, 12);
  });

  test("nested: nest {A, B} with τ = 0.5, C alone", () => {
    // Inclusive value (3² + 1²)^0.5 = √10; total 1 + √10 + 2. P_A = √10/total · 9/10.
    const f = read({
      type: "nested",
      weights: { A: 3, B: 1, C: 2 },
      noPurchase: 1,
      nests: [{ members: ["A", "B"], dissimilarity: 0.5 }],
    });
    const total = 3 + Math.sqrt(10);
    const p = f.model.probabilities([1, 1, 1]);
    expect(Array.from(p.purchase)).toEqual(
      close([(Math.sqrt(10) / total) * 0.9, (Math.sqrt(10) / total) * 0.1, 2 / total]),
    );
  });

  test("mixed: the share-weighted average of each class's MNL", () => {
    const f = read({
      type: "mixed",
      classes: [
        { share: 0.6, weights: { A: 1 }, noPurchase: 1 },
        { share: 0.4, weights: { B: 3, C: 1 }, noPurchase: 4 },
      ],
    });
    const p = f.model.probabilities([1, 1, 1]);
    expect(Array.from(p.purchase)).toEqual(close([0.6 * 0.5, (0.4 * 3) / 8, (0.4 * 1) / 8]));
    expect(p.noPurchase).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.5, 12);
  });

  test("multiStep: a search shopper over the queries given", () => {
    const f = read({
      type: "multiStep",
      weights: { A: 1, B: 1, C: 1 },
      queries: [{ share: 1, ranking: ["A", "B"] }, { ranking: ["C"] }],
      attention: [0.9, 0.5],
    });
    expect(f.model.n).toBe(3);
    expect(f.model.label).toBe("multi-step search, 2 queries");
    const p = f.model.probabilities([1, 1, 1]);
    const bought = Array.from(p.purchase).reduce((a, b) => a + b, 0);
    expect(bought + p.noPurchase).toBeCloseTo(1, 12);
  });
});

describe("names the field of bad input", () => {
  test("the file, its products and its customers", () => {
    expect(problemsOf([1])[0].message).toContain("a choice model file holds an object");
    expect(problemsOf({ products: [], choiceModel: {} })[0]).toMatchObject({ field: "products" });
    const dup = problemsOf({ products: [{ id: "A" }, { id: " A " }, {}], customers: -5, choiceModel: { type: "mnl" } });
    const messages = dup.map((p) => p.message);
    expect(messages).toContain("products entry 2: the id 'A' is used twice; ids must be unique.");
    expect(messages).toContain("products entry 3: no id; give each product a text id.");
    expect(dup.find((p) => p.field === "customers")?.message).toContain("customers: -5 is not a number of customers");
  });

  test("the model's type, ids, numbers and lists", () => {
    expect(messagesOf({ type: "probit" })[0]).toContain("choiceModel type 'probit' is not one of rankings, mnl");
    expect(messagesOf("mnl")[0]).toContain("choiceModel: give an object with a type");
    expect(messagesOf({ type: "mnl", weights: { A: 1, D: 2 }, noPurchase: -1 })).toEqual([
      expect.stringContaining("choiceModel weights key: 'D' is not a product id"),
      expect.stringContaining("choiceModel noPurchase: -1 is not a number of at least 0"),
    ]);
    // Keys are trimmed like ids: two keys for one product are named, not silently merged.
    expect(messagesOf({ type: "mnl", weights: { A: 1, " A ": 2 }, noPurchase: 1 })).toEqual([
      "choiceModel weights: 'A' and ' A ' both give the weight of product 'A'; keep one.",
    ]);
    expect(messagesOf({ type: "rankings", types: [{ ranking: ["A", "A"] }, { weight: 1 }] })).toEqual([
      expect.stringContaining("choiceModel types[1].ranking: a product is listed twice"),
      expect.stringContaining("choiceModel types[2]: give a ranking"),
    ]);
    expect(messagesOf({ type: "nested", weights: { A: 1 }, noPurchase: 1 })[0]).toContain("choiceModel nests:");
    expect(messagesOf({ type: "mixed", classes: [] })[0]).toContain("choiceModel classes: give a list of classes");
    expect(
      messagesOf({ type: "multistep", weights: {}, queries: [{ ranking: ["A"] }], attention: [1.5] })[0],
    ).toContain("choiceModel attention[1]: 1.5 is a probability of examining the position; give 0 to 1.");
    expect(
      messagesOf({ type: "multistep", weights: {}, queries: [{ share: 0, ranking: ["A"] }], attention: [1] }),
    ).toEqual([expect.stringContaining("choiceModel queries: the shares add up to 0.")]);
  });

  test("a model the builder rejects: its reason, under choiceModel", () => {
    const [p] = problemsOf({
      products,
      customers: 1,
      choiceModel: { type: "nested", weights: { A: 1 }, noPurchase: 1, nests: [{ members: ["A"], dissimilarity: 2 }] },
    });
    expect(p).toMatchObject({ field: "choiceModel" });
    expect(p.message).toContain("choiceModel: nest 1: dissimilarity 2 must be above 0 and at most 1");
  });
});
