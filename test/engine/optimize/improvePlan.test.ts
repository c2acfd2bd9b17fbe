// The SAA local search: on its sample it ends where no single unit more or fewer of any product pays (the
// one-unit values are exact), it keeps every rule, it never ends below its start, and on a tiny instance it
// finds the sample's optimum found by brute force.

import { improvePlan } from "../../../src/engine/optimize/improvePlan";
import { sampledSeasons, sampleProfit } from "../../../src/engine/simulate/sampledSeasons";
import { usage, withinTotals, lowestUnits } from "../../../src/engine/model/planLimits";
import { validateInstance } from "../../../src/engine/model/validate";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

test("brute force on a 3-product sample: the search reaches the sample optimum from an empty plan", async () => {
  const rnd = new TestRandom(8);
  const model = validateInstance(
    toInstanceJson(randomDenseInstance(rnd, { n: 3, totalDemand: 9, linksPerRow: 2, salvage: true })),
  );
  const s = sampledSeasons(model, 123, 0, 150);
  const r = await improvePlan(s, [0, 0, 0]);
  let best = -Infinity;
  for (let a = 0; a <= 9; a++)
    for (let b = 0; b <= 9; b++) for (let c = 0; c <= 9; c++) best = Math.max(best, await sampleProfit(s, [a, b, c]));
  expect(r.profit).toBeCloseTo(await sampleProfit(s, r.units), 9);
  expect(r.profit).toBeGreaterThanOrEqual(best * 0.995 - 1e-9);
});

test("ends at a local optimum of the sample for ±1 unit moves and keeps a binding budget", async () => {
  const rnd = new TestRandom(9);
  const json = toInstanceJson(randomDenseInstance(rnd, { n: 12, totalDemand: 150, linksPerRow: 3 }));
  const free = validateInstance(json);
  const spendAtDemand = free.demand.reduce((t, d, i) => t + d * free.cost[i], 0);
  const model = validateInstance({ ...json, constraints: { budget: 0.5 * spendAtDemand } });
  const s = sampledSeasons(model, 5, 0, 120);
  const start = Int32Array.from({ length: model.n }, () => 1);
  const startProfit = await sampleProfit(s, start);
  const r = await improvePlan(s, start);
  expect(withinTotals(model, usage(model, r.units))).toBe(true);
  expect(r.profit).toBeGreaterThanOrEqual(startProfit);
  const scale = 1e-9 * Math.max(1, Math.abs(r.profit));
  for (let i = 0; i < model.n; i++) {
    for (const d of [1, -1]) {
      const x = Int32Array.from(r.units);
      x[i] += d;
      if (x[i] < 0 || (x[i] > 0 && x[i] < lowestUnits(model, i))) continue;
      if (!withinTotals(model, usage(model, x))) continue;
      expect(await sampleProfit(s, x)).toBeLessThanOrEqual(r.profit + scale);
    }
  }
});

test("with mayChangeAssortment false, products not in the start stay out", async () => {
  const rnd = new TestRandom(10);
  const model = validateInstance(toInstanceJson(randomDenseInstance(rnd, { n: 6, totalDemand: 60, linksPerRow: 2 })));
  const s = sampledSeasons(model, 6, 0, 60);
  const start = Int32Array.from([3, 0, 3, 0, 3, 0]);
  const r = await improvePlan(s, start, { mayChangeAssortment: false });
  for (const i of [1, 3, 5]) expect(r.units[i]).toBe(0);
});
