// The per-product and total rules every method keeps (planLimits.ts), and the up-front check that names the
// products when the rules contradict each other.

import {
  allowedUnits,
  checkRulesFeasible,
  highestUnits,
  lowestUnits,
  mayCarry,
  usage,
  withinTotals,
} from "../../../src/engine/model/planLimits";
import { InputError } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";

const model = validateInstance({
  products: [
    { id: "A", price: 10, cost: 4, demand: 10, size: 2 },
    { id: "B", price: 10, cost: 4, demand: 10, size: 1, packSize: 6, minQty: 5, maxQty: 20 },
    { id: "C", price: 10, cost: 4, demand: 10, size: 1, exclude: true },
    { id: "D", price: 10, cost: 4, demand: 10, size: 1, mustOffer: true, minQty: 3 },
    { id: "E", price: 10, cost: 4, demand: 10, size: 1, packSize: 4, minQty: 5, maxQty: 7 },
  ],
  constraints: { budget: 100, capacity: 30, maxProducts: 3 },
});

test("lowest and highest allowed quantities respect minQty, maxQty and packs", () => {
  expect([0, 1, 2, 3, 4].map((i) => lowestUnits(model, i))).toEqual([1, 6, 1, 3, 8]);
  expect(highestUnits(model, 0)).toBe(1e9);
  expect(highestUnits(model, 1)).toBe(18);
  expect(highestUnits(model, 4)).toBe(4);
});

test("mayCarry: not when excluded or when no multiple of the pack fits between min and max", () => {
  expect([0, 1, 2, 3, 4].map((i) => mayCarry(model, i))).toEqual([true, true, false, true, false]);
});

test("allowedUnits rounds to the nearest pack, clamps to the range, and drops small wishes unless must-offer", () => {
  expect(allowedUnits(model, 1, 8)).toBe(6);
  expect(allowedUnits(model, 1, 10)).toBe(12);
  expect(allowedUnits(model, 1, 100)).toBe(18);
  expect(allowedUnits(model, 1, 2)).toBe(0); // below half the lowest quantity
  expect(allowedUnits(model, 1, 4)).toBe(6);
  expect(allowedUnits(model, 2, 10)).toBe(0);
  expect(allowedUnits(model, 3, 0)).toBe(3);
  expect(allowedUnits(model, 3, -1)).toBe(3);
  expect(allowedUnits(model, 0, NaN)).toBe(0);
});

test("usage and withinTotals (budget 100, capacity 30, at most 3 products)", () => {
  const u = usage(model, [5, 6, 0, 3, 0]);
  expect(u).toEqual({ spend: 4 * 14, space: 2 * 5 + 6 + 3, carried: 3, changes: 0 });
  expect(withinTotals(model, u)).toBe(true);
  expect(withinTotals(model, usage(model, [5, 6, 0, 3, 4]))).toBe(false); // 4 products
  expect(withinTotals(model, usage(model, [13, 0, 0, 3, 0]))).toBe(true); // space 29, spend 64
  expect(withinTotals(model, usage(model, [14, 0, 0, 3, 0]))).toBe(false); // space 31
  expect(withinTotals(model, usage(model, [0, 18, 0, 7, 0]))).toBe(true); // spend exactly 100
  expect(withinTotals(model, usage(model, [0, 18, 0, 8, 0]))).toBe(false); // spend 104
});

function problemsOf(input: unknown): string[] {
  try {
    checkRulesFeasible(validateInstance(input));
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => p.message);
  }
}

test("contradictory rules are reported with the products and the limit", () => {
  const products = [
    { id: "Core-1", price: 10, cost: 5, demand: 1, mustOffer: true, minQty: 10 },
    { id: "Core-2", price: 10, cost: 5, demand: 1, mustOffer: true, minQty: 10 },
  ];
  expect(problemsOf({ products, constraints: { budget: 60 } })[0]).toMatch(
    /must-offer products \('Core-1' and 'Core-2'\) cost 100 .* above the budget 60/,
  );
  expect(problemsOf({ products, constraints: { maxProducts: 1 } })[0]).toMatch(
    /2 products must be offered .* more than maxProducts 1/,
  );
  expect(
    problemsOf({
      products: [{ id: "X", price: 10, cost: 5, demand: 1, mustOffer: true, minQty: 5, maxQty: 7, packSize: 4 }],
    })[0],
  ).toMatch(/Product X: must be offered but its maxQty 7 leaves no room for 8 units/); // caught by validation first
  expect(problemsOf({ products, constraints: { budget: 100, maxProducts: 2 } })).toEqual([]);
});
