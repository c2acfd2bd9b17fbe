// Near-closed rows at validation (docs/model.md §4): a warning that names rows of 0.999 or more, an error where
// the expected walk (from the chain, every product out of stock) passes MAX_EXPECTED_WALK.

import { InputError } from "../../../src/engine/model/instance";
import { MAX_EXPECTED_WALK } from "../../../src/engine/model/limits";
import { validateInstance } from "../../../src/engine/model/validate";

/** Three products, each passing p to each of the other two. */
function triangle(p: number) {
  const ids = ["A", "B", "C"];
  return {
    products: ids.map((id) => ({ id, price: 10, cost: 4, demand: 20 })),
    substitution: ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => ({ from, to, probability: p }))),
  };
}

function errorOf(input: unknown): InputError {
  try {
    validateInstance(input);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("near-closed rows", () => {
  test("rows below 0.999: no warning", () => {
    expect(validateInstance(triangle(0.49)).warnings).toEqual([]);
  });

  test("rows of 0.999: a warning naming them, saying customers almost never leave, with the walk length", () => {
    const m = validateInstance(triangle(0.4995));
    expect(m.warnings).toHaveLength(1);
    const w = m.warnings[0];
    expect(w.products).toEqual(["A", "B", "C"]);
    expect(w.message).toContain("'A' (0.999)");
    expect(w.message).toContain("almost never leave");
    // t = 1/(1 − 0.999) = 1,000 products visited on average
    expect(w.message).toContain("1,000 products");
    expect(w.message).toContain("slower");
  });

  test("rows of 1 − 1e-9: refused, the walk cannot end in practice", () => {
    const e = errorOf(triangle((1 - 1e-9) / 2));
    expect(e.problems).toHaveLength(1);
    const p = e.problems[0];
    expect(p.section).toBe("substitution");
    expect(p.products).toEqual(["A", "B", "C"]);
    expect(p.message).toContain("1.0e+9 products on average");
    expect(p.message).toContain("cannot end in practice");
    expect(p.message).toContain(`at most ${MAX_EXPECTED_WALK.toLocaleString("en-US")}`);
  });

  test("rounded 'everyone substitutes', 2 × 0.4999999999: refused with about 5e9 visits", () => {
    const e = errorOf(triangle(0.4999999999));
    expect(e.problems[0].message).toContain("5.0e+9 products on average");
    expect(e.problems[0].message).toContain("'A' (0.9999999998)");
  });

  test("a near-closed loop that leads into an exit is fine: walks are short", () => {
    // A ↔ B at 0.9995 each, but B's row sends 0.5 of it to C, who leaves: walks stay short.
    const m = validateInstance({
      products: ["A", "B", "C"].map((id) => ({ id, price: 10, cost: 4, demand: 20 })),
      substitution: [
        { from: "A", to: "B", probability: 0.9995 },
        { from: "B", to: "A", probability: 0.4995 },
        { from: "B", to: "C", probability: 0.5 },
      ],
    });
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0].products).toEqual(["A", "B"]);
    // t_B = 1.5 + 0.4995·t_A, t_A = 1 + 0.9995·t_B: t_A = 4.99
    const tB = (1.5 + 0.4995) / (1 - 0.4995 * 0.9995);
    expect(Math.round(1 + 0.9995 * tB)).toBe(5);
    expect(m.warnings[0].message).toMatch(/up to 5 products/);
  });
});

describe("customers a season", () => {
  test("demand 1e300 on one product: refused, naming it and the limit", () => {
    const e = errorOf({
      products: [
        { id: "TEE-BLK-M", price: 25, cost: 10, demand: 1e300 },
        { id: "TEE-WHT-M", price: 25, cost: 10, demand: 100 },
      ],
    });
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].productId).toBe("TEE-BLK-M");
    expect(e.problems[0].message).toContain("demand: 1e+300 means a season would take 1e+300 customers");
    expect(e.problems[0].message).toContain("up to ~1,000,000,000 customers a season");
  });

  test("many products whose demands add up past the limit: the sum and the largest named", () => {
    const products = Array.from({ length: 3 }, (_, i) => ({ id: `P${i}`, price: 2, cost: 1, demand: 4e8 + i }));
    const e = errorOf({ products });
    expect(e.problems[0].message).toContain("add up to 1,200,000,003 customers a season");
    expect(e.problems[0].message).toContain("the largest, P2");
  });

  test("a season of exactly the limit is accepted", () => {
    const m = validateInstance({ products: [{ id: "A", price: 2, cost: 1, demand: 1e9 }] });
    expect(m.totalDemand).toBe(1e9);
  });
});
