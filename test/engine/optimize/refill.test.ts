// The greedy refill against the rules it must keep, worked independently: a step never breaks the budget or the
// capacity, repeated steps spend the room down until no pack that gains still fits, the first pack goes to the
// best value per unit of the limits, and a hand case shows the room share cutting a step short.

import { addByValue, greedyFill } from "../../../src/engine/optimize/refill";
import { sampledSeasons, unitValues, type UnitValues } from "../../../src/engine/simulate/sampledSeasons";
import { validateInstance } from "../../../src/engine/model/validate";
import type { Model } from "../../../src/engine/model/instance";
import { TestRandom } from "../groundTruth/testRandom";

function values(more: number[]): UnitValues {
  const n = more.length;
  return { profit: 0, more: Float64Array.from(more), fewer: new Float64Array(n), sales: new Float64Array(n) };
}

function randomModel(rnd: TestRandom, n: number): Model {
  const products = Array.from({ length: n }, (_, i) => {
    const pack = 1 + Math.floor(rnd.next() * 3);
    return {
      id: `P${i}`,
      price: 20,
      cost: Math.round(rnd.uniform(1, 10) * 100) / 100,
      demand: 5,
      size: Math.round(rnd.uniform(0.5, 4) * 10) / 10,
      packSize: pack,
      minQty: rnd.next() < 0.3 ? 2 * pack : 0,
      maxQty: rnd.next() < 0.3 ? 6 * pack : undefined,
    };
  });
  const budget = rnd.next() < 0.8 ? Math.round(rnd.uniform(20, 200)) : undefined;
  const capacity = budget === undefined || rnd.next() < 0.5 ? Math.round(rnd.uniform(10, 100)) : undefined;
  return validateInstance({ products, constraints: { budget, capacity } });
}

// Independent arithmetic: spend and space of a plan, and whether one product's next step fits.
const spend = (m: Model, x: ArrayLike<number>) => Array.from(x).reduce((a, xi, i) => a + m.cost[i] * xi, 0);
const space = (m: Model, x: ArrayLike<number>) => Array.from(x).reduce((a, xi, i) => a + m.size[i] * xi, 0);
const fits = (m: Model, x: ArrayLike<number>) =>
  (m.constraints.budget === null || spend(m, x) <= m.constraints.budget * (1 + 1e-9) + 1e-9) &&
  (m.constraints.capacity === null || space(m, x) <= m.constraints.capacity * (1 + 1e-9) + 1e-9);
function nextStep(m: Model, x: ArrayLike<number>, i: number, free: boolean): number {
  const pack = m.packSize[i];
  const max = Math.floor(Math.min(m.maxQty[i], 1e9) / pack) * pack;
  if (x[i] === 0) return free ? Math.ceil(Math.max(1, m.minQty[i]) / pack) * pack : -1;
  return x[i] + pack <= max ? x[i] + pack : -1;
}
function perLimit(m: Model, i: number): number {
  const { budget, capacity } = m.constraints;
  return Math.max(budget ? m.cost[i] / budget : 0, capacity ? m.size[i] / capacity : 0);
}

test("hand case: value per budget unit orders B, A, C; a room share of 6% stops after B", () => {
  const model = validateInstance({
    products: [
      { id: "A", price: 9, cost: 2, demand: 5 },
      { id: "B", price: 9, cost: 5, demand: 5 },
      { id: "C", price: 19, cost: 10, demand: 5 },
    ],
    constraints: { budget: 100 },
  });
  const v = values([1, 4, 3]); // per unit of budget: 0.5, 0.8, 0.3
  const movable = new Uint8Array(3).fill(1);
  const all = new Int32Array(3);
  expect(addByValue(model, all, v, movable, true, 1)).toBe(3);
  expect([...all]).toEqual([1, 1, 1]);
  const cut = new Int32Array(3);
  // B takes 5% of the room; A would bring it to 7% > 6%.
  expect(addByValue(model, cut, v, movable, true, 0.06)).toBe(1);
  expect([...cut]).toEqual([0, 1, 0]);
  // Not free to add products: only those carried grow, and a negative value never buys.
  const held = Int32Array.from([3, 0, 2]);
  expect(addByValue(model, held, values([1, 4, -3]), movable, false, 1)).toBe(1);
  expect([...held]).toEqual([4, 0, 2]);
});

test("random models: steps never break the limits, spend the room down, and start with the best value per unit", () => {
  const rnd = new TestRandom(77);
  for (let t = 0; t < 300; t++) {
    const n = 2 + Math.floor(rnd.next() * 6);
    const model = randomModel(rnd, n);
    const free = rnd.next() < 0.7;
    const movable = Uint8Array.from({ length: n }, () => (rnd.next() < 0.85 ? 1 : 0));
    const v = values(Array.from({ length: n }, () => rnd.uniform(-2, 6)));
    let units = new Int32Array(n);
    for (let i = 0; i < n; i++) if (rnd.next() < 0.5) units[i] = Math.max(0, nextStep(model, units, i, true));
    if (!fits(model, units)) units = new Int32Array(n);

    // The first pack with no room to spare beyond it goes to the best ratio among steps that fit.
    let best = -1;
    for (let i = 0; i < n; i++) {
      const to = nextStep(model, units, i, free);
      if (!movable[i] || !(v.more[i] > 0) || to < 0) continue;
      const trial = units.slice();
      trial[i] = to;
      if (!fits(model, trial)) continue;
      if (best < 0 || v.more[i] / perLimit(model, i) > v.more[best] / perLimit(model, best)) best = i;
    }
    const one = units.slice();
    expect(addByValue(model, one, v, movable, free, 0)).toBe(best < 0 ? 0 : 1);
    for (let i = 0; i < n; i++) expect(one[i]).toBe(i === best ? nextStep(model, units, i, free) : units[i]);

    // Repeated full steps: always within the limits, only movable products grow, and at the end no gaining
    // step fits.
    let steps = 0;
    while (addByValue(model, units, v, movable, free, 1) > 0) {
      expect(fits(model, units)).toBe(true);
      expect(++steps).toBeLessThan(1000);
    }
    for (let i = 0; i < n; i++) {
      const to = nextStep(model, units, i, free);
      if (!movable[i] || !(v.more[i] > 0) || to < 0) continue;
      const trial = units.slice();
      trial[i] = to;
      expect(fits(model, trial)).toBe(false);
    }
  }
});

test("greedyFill on a sample: within the limits, the values are the plan's, and no gaining pack still fits", async () => {
  const model = validateInstance({
    products: [
      { id: "A", price: 12, cost: 5, demand: 8, size: 2 },
      { id: "B", price: 10, cost: 3, demand: 6, size: 1, packSize: 2 },
      { id: "C", price: 15, cost: 9, demand: 5, size: 1 },
      { id: "D", price: 7, cost: 2, demand: 9, size: 3 },
    ],
    substitution: [
      { from: "A", to: "B", probability: 0.4 },
      { from: "B", to: "A", probability: 0.3 },
      { from: "C", to: "D", probability: 0.5 },
      { from: "D", to: "C", probability: 0.2 },
    ],
    constraints: { budget: 80, capacity: 30 },
  });
  const s = sampledSeasons(model, 5, 0, 60);
  const movable = new Uint8Array(4).fill(1);
  const r = await greedyFill(s, [0, 0, 0, 0], movable, true, 50);
  expect(fits(model, r.units)).toBe(true);
  expect(r.passes).toBeLessThanOrEqual(50);
  const again = await unitValues(s, r.units, movable);
  expect(r.values.profit).toBeCloseTo(again.profit, 9);
  for (let i = 0; i < 4; i++) {
    expect(r.values.more[i]).toBeCloseTo(again.more[i], 9);
    const to = nextStep(model, r.units, i, true);
    if (!(again.more[i] > 0) || to < 0) continue;
    const trial = r.units.slice();
    trial[i] = to;
    expect(fits(model, trial)).toBe(false);
  }
  expect(spend(model, r.units)).toBeGreaterThan(0);
});
