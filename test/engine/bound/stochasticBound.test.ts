// The stochastic (SAA) bound: never below the exact optimum (brute force by exact DP, an independent
// truth), never above the fluid bound on the same samples, and tighter than the fluid bound where demand
// is small and random (the long tail), which is what it is for.

import { fluidBound } from "../../../src/engine/bound/fluidBound";
import { stochasticBound } from "../../../src/engine/bound/stochasticBound";
import { validateInstance } from "../../../src/engine/model/validate";
import { bruteForceOptimum } from "../groundTruth/exactDp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

test("one product: between the newsvendor optimum (closed form) and the fluid bound", () => {
  const model = validateInstance({ products: [{ id: "A", price: 10, cost: 6, salvage: 1, demand: 5 }] });
  // Newsvendor optimum for Poisson(5): max_x 9·E[min(D, x)] − 5x, by summing the pmf.
  let best = -Infinity;
  for (let x = 0; x <= 30; x++) {
    let sales = 0;
    let pmf = Math.exp(-5);
    let cdf = 0;
    for (let k = 0; k < x; k++) {
      cdf += pmf;
      sales += 1 - cdf; // P(D ≥ k + 1)
      pmf *= 5 / (k + 1);
    }
    best = Math.max(best, 9 * sales - 5 * x);
  }
  const sb = stochasticBound(model, { samples: 200, iterations: 300 });
  expect(sb.value).toBeGreaterThanOrEqual(best);
  expect(sb.value).toBeLessThan(best * 1.15);
  expect(sb.value).toBeLessThan(fluidBound(model).value * 0.8);
});

describe("tiny catalogues: at least the exact optimum, at most the fluid bound on its samples", () => {
  const rnd = new TestRandom(404);
  const cases = [
    [2, 8],
    [3, 10],
    [2, 14],
  ].map(([n, t]) => randomDenseInstance(rnd, { n, totalDemand: t, linksPerRow: 2, fullRowShare: 0.3, salvage: true }));
  test.each(cases.map((c, k) => [k + 1, c] as const))("case %i", (_k, inst) => {
    const total = Math.round(inst.demand.reduce((a, b) => a + b, 0));
    const opt = bruteForceOptimum(
      inst,
      inst.demand.map(() => total),
      "fixed",
    );
    const model = validateInstance(toInstanceJson(inst, { distribution: "fixed" }));
    const sb = stochasticBound(model, { samples: 200, iterations: 150, seed: 1 });
    expect(sb.value).toBeGreaterThanOrEqual(opt.profit - 1e-9);
    expect(sb.value).toBeLessThanOrEqual(sb.fluidOnSamples + 1e-9);
  });
});
