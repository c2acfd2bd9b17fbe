// The current range's broken rules, in words, on hand-computed cases: each rule broken alone, all at once,
// and a range that meets every rule exactly at its limits (no false alarm).

import { currentBreaks } from "../../../src/engine/compare/currentBreaks";
import { validateInstance } from "../../../src/engine/model/validate";

const products = [
  { id: "A", price: 10, cost: 4, demand: 5, size: 2, packSize: 3, minQty: 3, maxQty: 12 },
  { id: "B", price: 8, cost: 2.5, demand: 5, size: 1, mustOffer: true },
  { id: "C", price: 6, cost: 1, demand: 5, size: 1, exclude: true },
  { id: "D", price: 6, cost: 1, demand: 5, size: 1 },
];

function breaks(constraints: object, current: number[]): string[] {
  return currentBreaks(validateInstance({ products, constraints }), current);
}

test("a range that meets every rule at its limits breaks none", () => {
  // A 6 units (2 packs): spend 24, space 12; B 4: spend 10, space 4. Totals 34 and 16, 2 products.
  expect(breaks({ budget: 34, capacity: 16, maxProducts: 2 }, [6, 4, 0, 0])).toEqual([]);
});

test("each rule broken alone, with the amounts worked by hand", () => {
  expect(breaks({ budget: 30 }, [6, 4, 0, 0])).toEqual(["over the budget by 4.00 (buys 34.00 against 30.00)"]);
  expect(breaks({ capacity: 15.5 }, [6, 4, 0, 0])).toEqual(["over the capacity by 0.50 (takes 16.00 against 15.50)"]);
  expect(breaks({ maxProducts: 2 }, [6, 4, 0, 1])).toEqual(["carries 3 products, above maxProducts 2"]);
  expect(breaks({}, [6, 4, 2, 0])).toEqual(["carries excluded 'C'"]);
  expect(breaks({}, [6, 0, 0, 0])).toEqual(["leaves out must-offer 'B'"]);
  expect(breaks({}, [4, 4, 0, 0])).toEqual(["buys 'A' outside their min, max or pack size"]); // not a pack multiple
  expect(breaks({}, [15, 4, 0, 0])).toEqual(["buys 'A' outside their min, max or pack size"]); // above maxQty
});

test("everything broken at once, in the order budget, capacity, products, excluded, must-offer, limits", () => {
  const out = breaks({ budget: 10, capacity: 10, maxProducts: 1 }, [15, 0, 3, 2]);
  // Spend 15·4 + 3 + 2 = 65; space 30 + 3 + 2 = 35; 3 products carried.
  expect(out).toEqual([
    "over the budget by 55.00 (buys 65.00 against 10.00)",
    "over the capacity by 25.00 (takes 35.00 against 10.00)",
    "carries 3 products, above maxProducts 1",
    "carries excluded 'C'",
    "leaves out must-offer 'B'",
    "buys 'A' outside their min, max or pack size",
  ]);
});

test("within the relative slack of 1e-9 is not over", () => {
  expect(breaks({ budget: 34 * (1 - 1e-12) }, [6, 4, 0, 0])).toEqual([]);
});
