// The paper's pooling step as we reconstruct it: a long-tail product is dropped only when substitutes keep
// its customers and stocking it alone would cost more in randomness than its customers lose by walking on.

import { pooledAssortment, randomnessCost } from "../../../src/engine/optimize/pooledAssortment";
import { solveFluid } from "../../../src/engine/bound/fluidBound";
import { validateInstance } from "../../../src/engine/model/validate";
import { criticalFractile, newsvendorProfit, poissonQuantile } from "../../../src/engine/random/poissonNewsvendor";

test("randomnessCost = margin × mean − the best newsvendor profit, by brute force over quantities", () => {
  for (const z of [0.4, 1, 3, 12]) {
    const [p, c, s] = [20, 8, 2];
    let best = -Infinity;
    for (let x = 0; x < 60; x++) best = Math.max(best, newsvendorProfit(z, x, p, c, s));
    expect(randomnessCost(p, c, s, z)).toBeCloseTo((p - c) * z - best, 9);
    expect(poissonQuantile(z, criticalFractile(p, c, s))).toBeGreaterThanOrEqual(0);
  }
  expect(randomnessCost(10, 12, 0, 5)).toBe(0);
  expect(randomnessCost(10, 4, 0, 0)).toBe(0);
});

function model(tailSubstitute: number) {
  return validateInstance({
    products: [
      { id: "Hit", price: 20, cost: 8, demand: 400 },
      { id: "Tail", price: 20, cost: 6, demand: 0.8 },
      { id: "Alone", price: 20, cost: 6, demand: 0.8 },
    ],
    substitution: [{ from: "Tail", to: "Hit", probability: tailSubstitute }],
  });
}

function margins(m: ReturnType<typeof model>) {
  return Float64Array.from({ length: m.n }, (_, i) => m.price[i] - m.cost[i]);
}

// Tail and Alone: 0.8 customers, margin 14; stocked alone at the fractile 0.7 (1 unit) they lose 6.19 to
// randomness. Tail walking on to Hit keeps 0.95·12 of 14 per customer (loss 2.08 < 6.19): pooled. Alone
// would lose its whole margin (11.2): kept.
test("a tail product whose customers walk to a substitute is pooled; one without substitutes is kept", () => {
  const m = model(0.95);
  const r = pooledAssortment(m, margins(m), new Uint8Array(m.n).fill(1));
  expect([...r.offered]).toEqual([1, 0, 1]);
  expect([...r.pooled]).toEqual([0, 1, 0]);
  expect(r.threshold).toBeCloseTo(Math.sqrt(400.0 + 1.6) / Math.sqrt(3), 9);
  // After pooling, the fluid solution routes Tail's customers to Hit.
  expect(r.fluid.sales[0]).toBeCloseTo(400 + 0.95 * 0.8, 9);
});

test("with weak substitution the tail product's customers would be lost: it stays", () => {
  const m = model(0.05);
  const r = pooledAssortment(m, margins(m), new Uint8Array(m.n).fill(1));
  expect(r.offered[1]).toBe(1);
});

test("threshold 0 keeps the fluid assortment; must-offer products are never pooled", () => {
  const m = model(0.95);
  const all = new Uint8Array(m.n).fill(1);
  const fluid = solveFluid(margins(m), m.demand, m.substitution, all);
  expect([...pooledAssortment(m, margins(m), all, 0).offered]).toEqual([...fluid.offered]);
  const must = validateInstance({
    products: [
      { id: "Hit", price: 20, cost: 8, demand: 400 },
      { id: "Tail", price: 20, cost: 6, demand: 0.8, mustOffer: true },
    ],
    substitution: [{ from: "Tail", to: "Hit", probability: 0.95 }],
  });
  expect(pooledAssortment(must, margins(must), new Uint8Array(2).fill(1)).offered[1]).toBe(1);
});
