// The reasons shown beside each action, on hand-worked cases: why a quantity stops where it does (its limits,
// its value, which product the budget or space earns more on) and where a dropped product's customers go
// (absorption probabilities worked by hand).

import { actionHead, dropReason, quantityReason } from "../../../src/engine/compare/actionReasons";
import { validateInstance } from "../../../src/engine/model/validate";
import type { UnitValues } from "../../../src/engine/simulate/sampledSeasons";

function values(more: number[], fewer: number[]): UnitValues {
  return { profit: 0, more: Float64Array.from(more), fewer: Float64Array.from(fewer), sales: new Float64Array(3) };
}

describe("quantityReason", () => {
  const products = [
    { id: "A", price: 10, cost: 4, demand: 10, size: 1, currentUnits: 5 },
    { id: "B", price: 10, cost: 2, demand: 10, size: 3, maxQty: 8, currentUnits: 2 },
    { id: "C", price: 10, cost: 5, demand: 10, size: 1, lock: true, currentUnits: 3 },
  ];
  const model = (constraints: object) => validateInstance({ products, constraints });

  test("locked, at its maximum, and without values", () => {
    const m = model({});
    const v = values([1, 1, 1], [-1, -1, -1]);
    expect(quantityReason(m, [5, 8, 3], v, 2)).toBe("3 units: locked at the current units");
    expect(quantityReason(m, [5, 8, 3], v, 1)).toBe("8 units: its maximum");
    expect(quantityReason(m, [1, 4, 3], undefined, 0)).toBe("1 unit");
  });

  test("one more loses, or still gains with room to spare", () => {
    const m = model({ budget: 1000 });
    expect(quantityReason(m, [5, 4, 3], values([-1.234, 1, 1], [-1, -1, -1]), 0)).toBe(
      "5 units: one more would earn less than it costs (-1.23 on average)",
    );
    expect(quantityReason(m, [5, 4, 3], values([123.4, 1, 1], [-1, -1, -1]), 0)).toBe(
      "5 units: one more would still add about 123 on the seasons searched; a longer search may buy it",
    );
  });

  test("the budget binds: the cheapest last unit per unit of cost names the product that earns more", () => {
    // Spend 5·4 + 4·2 + 3·5 = 43 ≥ 98% of 43.5. Per cost: A's next unit earns 2/4 = 0.5; B's last unit 3/2 = 1.5;
    // C is locked so it is never given up.
    const m = model({ budget: 43.5 });
    expect(quantityReason(m, [5, 4, 3], values([2, 1, 1], [-1, -3, -0.1]), 0)).toBe(
      "5 units: beyond these the budget earns more on B",
    );
    // B's last unit earns 0.6/2 = 0.3 per unit of cost, less than A's next 0.5: the swap the search missed.
    expect(quantityReason(m, [5, 4, 3], values([2, 1, 1], [-1, -0.6, -0.1]), 0)).toBe(
      "5 units: the budget is used up; one more here (about 2) would earn more than the last unit of B (about 0.6), a swap the search did not make",
    );
    // Nothing else to give up (B not carried, C locked).
    expect(quantityReason(m, [7, 0, 3], values([2, 1, 1], [-1, NaN, -0.1]), 0)).toBe("7 units: the budget is used up");
  });

  test("the space binds, weighed by size", () => {
    // Space 5 + 4·3 + 3 = 20 ≥ 98% of 20. A's next unit per size 2/1 = 2; B's last unit 4.5/3 = 1.5 < 2.
    const m = model({ capacity: 20 });
    expect(quantityReason(m, [5, 4, 3], values([2, 1, 1], [-1, -4.5, -0.1]), 0)).toMatch(
      /^5 units: the space is used up; one more here \(about 2\) would earn more than the last unit of B/,
    );
    // 6.3/3 = 2.1 > 2.
    expect(quantityReason(m, [5, 4, 3], values([2, 1, 1], [-1, -6.3, -0.1]), 0)).toBe(
      "5 units: beyond these the space earns more on B",
    );
  });
});

describe("dropReason", () => {
  test("direct substitutes: the largest share, what it gains, and the rest that stays", () => {
    const model = validateInstance({
      products: [
        { id: "A", price: 10, cost: 4, demand: 10, currentUnits: 5 },
        { id: "B", price: 10, cost: 4, demand: 10, currentUnits: 3 },
        { id: "C", price: 10, cost: 4, demand: 10 },
      ],
      substitution: [
        { from: "A", to: "B", probability: 0.6 },
        { from: "A", to: "C", probability: 0.2 },
      ],
    });
    expect(dropReason(model, [0, 5, 4], 0, "fallback")).toBe(
      "60% of its customers buy B instead, which gains 2 units (80% stay in the range)",
    );
    expect(dropReason(model, [0, 3, 4], 0, "fallback")).toBe(
      "60% of its customers buy B instead (80% stay in the range)",
    );
    // C alone is reached: 20% retained, under the 30% it takes to be worth saying.
    expect(dropReason(model, [0, 0, 4], 0, "fallback")).toBe("fallback");
  });

  test("through a dropped product: A → B (0.8) → C (0.5) plus A → C (0.1) gives C 0.1 + 0.4 = 50%", () => {
    const model = validateInstance({
      products: [
        { id: "A", price: 10, cost: 4, demand: 10, currentUnits: 5 },
        { id: "B", price: 10, cost: 4, demand: 10, currentUnits: 3 },
        { id: "C", price: 10, cost: 4, demand: 10 },
      ],
      substitution: [
        { from: "A", to: "B", probability: 0.8 },
        { from: "A", to: "C", probability: 0.1 },
        { from: "B", to: "C", probability: 0.5 },
      ],
    });
    expect(dropReason(model, [0, 0, 1], 0, "fallback")).toBe(
      "50% of its customers buy C instead, which is added with 1 unit",
    );
  });
});

test("actionHead", () => {
  expect(actionHead("More", 2, 5)).toBe("More (+3)");
  expect(actionHead("Fewer", 5, 3)).toBe("Fewer (−2)");
  expect(actionHead("Keep", 0, 0)).toBe("Still not carried");
  expect(actionHead("Keep", 4, 4)).toBe("Keep");
  expect(actionHead("Drop", 4, 0)).toBe("Drop");
});
