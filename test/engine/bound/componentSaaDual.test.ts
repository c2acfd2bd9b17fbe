// The SAA dual of one component against independent ground truth on tiny samples: it is an upper bound on the
// best integer plan found by brute force (on a chain whose seasons play out deterministically), never below the
// exact SAA LP solved by HiGHS, and close to it.

import loadHighs, { type Highs } from "highs";
import { componentSaaDual } from "../../../src/engine/bound/componentSaaDual";
import { validateInstance } from "../../../src/engine/model/validate";
import type { Model } from "../../../src/engine/model/instance";
import { solveSaaLp } from "../groundTruth/saaLp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Poisson counts by inversion (independent of the engine's samplers). */
function poisson(rnd: TestRandom, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let c = p;
  const u = rnd.next();
  while (u > c && k < 1000) {
    k++;
    p *= mean / k;
    c += p;
  }
  return k;
}

function seasonsOf(rnd: TestRandom, model: Model, K: number): Float64Array[] {
  return Array.from({ length: K }, () => Float64Array.from(model.demand, (d) => poisson(rnd, d)));
}

function dual(model: Model, seasons: Float64Array[], iterations = 150) {
  const margin = Float64Array.from(model.price, (p, i) => p - model.salvage[i]);
  const cap = Float64Array.from(model.cost, (c, i) => c - model.salvage[i]);
  const allowed = Uint8Array.from(model.exclude, (e) => (e ? 0 : 1));
  return componentSaaDual({ substitution: model.substitution, margin, cap, allowed, seasons }, { iterations });
}

test("a chain A → B (probability 1): at least the brute-force best plan on the same seasons", () => {
  // A customer who finds A gone always goes to B, so a season's sales are fixed by its counts:
  // A sells min(x_A, d_A) and B sells min(x_B, d_B + the overflow of A).
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 4, salvage: 1, demand: 6 },
      { id: "B", price: 8, cost: 5, demand: 4 },
    ],
    substitution: [{ from: "A", to: "B", probability: 1 }],
  });
  const rnd = new TestRandom(11);
  const seasons = seasonsOf(rnd, model, 8);
  let best = -Infinity;
  for (let a = 0; a <= 25; a++)
    for (let b = 0; b <= 25; b++) {
      let total = 0;
      for (const [dA, dB] of seasons) {
        const sa = Math.min(a, dA);
        const sb = Math.min(b, dB + dA - sa);
        total += 9 * sa + 8 * sb - 3 * a - 5 * b;
      }
      best = Math.max(best, total / seasons.length);
    }
  const r = dual(model, seasons);
  const lp = solveSaaLp(highs, model, seasons).value;
  expect(lp).toBeGreaterThanOrEqual(best - 1e-9);
  expect(r.value).toBeGreaterThanOrEqual(lp - 1e-6 * Math.abs(lp));
  expect(r.value).toBeLessThanOrEqual(r.startValue + 1e-9);
  expect(r.value).toBeLessThanOrEqual(lp * 1.005 + 1e-9);
});

test("random tiny components: never below the exact SAA LP (HiGHS) and within 0.5% of it (the plain fluid start is 2–7% above)", () => {
  const rnd = new TestRandom(303);
  for (const n of [2, 3, 4]) {
    const model = validateInstance(
      toInstanceJson(randomDenseInstance(rnd, { n, totalDemand: 8 * n, linksPerRow: n - 1, salvage: true })),
    );
    const seasons = seasonsOf(rnd, model, 6);
    const r = dual(model, seasons);
    const lp = solveSaaLp(highs, model, seasons).value;
    expect(r.value).toBeGreaterThanOrEqual(lp - 1e-6 * Math.abs(lp));
    expect(r.value).toBeLessThanOrEqual(lp * 1.005 + 1e-6);
    // The season values are the bound's parts; the start is the plain fluid value on these seasons.
    expect(r.seasonValues.reduce((a, b) => a + b, 0) / seasons.length).toBeCloseTo(r.value, 9);
    expect(r.value).toBeLessThanOrEqual(r.startValue + 1e-9);
  }
});
