// fitToRules turns any wish into a plan that keeps every rule: a property test over random instances with
// every kind of rule, random wishes (negative, fractional, huge, NaN) and limits that bind.

import { fitToRules } from "../../../src/engine/model/fitToRules";
import { checkRulesFeasible, highestUnits, lowestUnits, usage } from "../../../src/engine/model/planLimits";
import { InputError, type Model } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";
import { TestRandom } from "../groundTruth/testRandom";

function randomModel(rnd: TestRandom, n: number): Model {
  const products = Array.from({ length: n }, (_, i) => {
    const price = rnd.uniform(5, 50);
    const p: Record<string, unknown> = {
      id: `P${i}`,
      price,
      cost: price * rnd.uniform(0.2, 0.8),
      demand: rnd.next() < 0.3 ? rnd.uniform(0, 2) : rnd.uniform(2, 60),
      size: rnd.int(0, 3),
    };
    const kind = rnd.next();
    if (kind < 0.08) p.exclude = true;
    else if (kind < 0.16) p.mustOffer = true;
    if (rnd.next() < 0.2) p.packSize = rnd.int(2, 6);
    if (rnd.next() < 0.2) p.minQty = rnd.int(1, 8);
    if (rnd.next() < 0.2) p.maxQty = rnd.int(8, 40);
    return p;
  });
  const constraints: Record<string, number> = {};
  if (rnd.next() < 0.6) constraints.budget = rnd.uniform(50, 3000);
  if (rnd.next() < 0.4) constraints.capacity = rnd.uniform(20, 400);
  if (rnd.next() < 0.4) constraints.maxProducts = rnd.int(1, n);
  return validateInstance({ products, constraints });
}

function feasible(model: Model): boolean {
  try {
    checkRulesFeasible(model);
    return true;
  } catch (e) {
    if (e instanceof InputError) return false;
    throw e;
  }
}

test("every plan fitToRules returns keeps every rule (200 random instances)", () => {
  const rnd = new TestRandom(20261201);
  let checked = 0;
  let trimmed = 0;
  for (let t = 0; t < 200; t++) {
    const model = randomModel(rnd, rnd.int(1, 25));
    if (!feasible(model)) continue;
    const n = model.n;
    const wish = Array.from({ length: n }, () => {
      const r = rnd.next();
      if (r < 0.05) return NaN;
      if (r < 0.1) return -3;
      if (r < 0.15) return 300;
      return rnd.uniform(0, 60);
    });
    const mean = Float64Array.from(model.demand);
    const units = fitToRules(model, wish, mean);
    for (let i = 0; i < n; i++) {
      const x = units[i];
      expect(Number.isInteger(x)).toBe(true);
      if (model.exclude[i]) expect(x).toBe(0);
      if (model.mustOffer[i]) expect(x).toBeGreaterThanOrEqual(lowestUnits(model, i));
      if (x > 0) {
        expect(x % model.packSize[i]).toBe(0);
        expect(x).toBeGreaterThanOrEqual(lowestUnits(model, i));
        expect(x).toBeLessThanOrEqual(highestUnits(model, i));
      }
    }
    const u = usage(model, units);
    const { budget, capacity, maxProducts } = model.constraints;
    if (budget !== null) expect(u.spend).toBeLessThanOrEqual(budget * (1 + 1e-9) + 1e-9);
    if (capacity !== null) expect(u.space).toBeLessThanOrEqual(capacity * (1 + 1e-9) + 1e-9);
    if (maxProducts !== null) expect(u.carried).toBeLessThanOrEqual(maxProducts);
    const before = usage(
      model,
      wish.map((w) => (w > 0 ? w : 0)),
    );
    if (budget !== null && before.spend > budget) trimmed++;
    checked++;
  }
  expect(checked).toBeGreaterThan(120);
  expect(trimmed).toBeGreaterThan(25);
});

test("a wish that already keeps the rules is kept as it is", () => {
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 4, demand: 20, packSize: 3 },
      { id: "B", price: 12, cost: 5, demand: 8, minQty: 2, maxQty: 10 },
      { id: "C", price: 9, cost: 3, demand: 4, mustOffer: true },
    ],
    constraints: { budget: 1000, maxProducts: 3 },
  });
  expect([...fitToRules(model, [9, 5, 2], Float64Array.from(model.demand))]).toEqual([9, 5, 2]);
});

test("over the budget, the units worth least per unit of money go first", () => {
  // Same price and cost; A's customers are many (its last units sell), B's few (its last units rarely do).
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 5, demand: 50 },
      { id: "B", price: 10, cost: 5, demand: 2 },
    ],
    constraints: { budget: 5 * 50 },
  });
  const units = fitToRules(model, [45, 10], Float64Array.from(model.demand));
  expect(units[0]).toBe(45);
  expect(units[1]).toBe(5);
});

test("too many products: the least valuable whole products are dropped, must-offer ones stay", () => {
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 5, demand: 50 },
      { id: "B", price: 10, cost: 5, demand: 1, mustOffer: true },
      { id: "C", price: 10, cost: 5, demand: 20 },
      { id: "D", price: 10, cost: 5, demand: 3 },
    ],
    constraints: { maxProducts: 2 },
  });
  const units = fitToRules(model, [50, 1, 20, 3], Float64Array.from(model.demand));
  expect([...units].map((x) => x > 0)).toEqual([true, true, false, false]);
});
