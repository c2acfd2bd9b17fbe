// auto against the exact optimum (exactOptimum.ts: a DP over every stock vector, Poisson traffic, salvage)
// on tiny instances where a search of single ±1 moves is trapped: each of these three ended one pair move
// short of the optimum (0.993–0.996) before pair moves. The full set of 13 is bench/exactOptimum.ts.

import { validateInstance } from "../../../src/engine/model/validate";
import { optimize } from "../../../src/engine/optimize/optimize";
import { exactPlan } from "../groundTruth/exactDp";
import { exactLandscape, landscapeProfit, usefulCaps } from "../groundTruth/exactOptimum";
import { toInstanceJson } from "../groundTruth/randomInstances";
import { tinyHardSet } from "../groundTruth/tinyHardInstances";

describe("the exact landscape", () => {
  test("agrees with the N ≤ 3 sales DP on every plan of a 3-product instance", () => {
    const { inst: four } = tinyHardSet()[0];
    const inst = {
      ids: four.ids.slice(0, 3),
      price: four.price.slice(0, 3),
      cost: four.cost.slice(0, 3),
      salvage: four.salvage.slice(0, 3),
      demand: four.demand.slice(0, 3),
      rho: four.rho.slice(0, 3).map((r) => r.slice(0, 3)),
    };
    const l = exactLandscape(inst, [3, 2, 3]);
    for (const x of [
      [0, 0, 0],
      [3, 2, 3],
      [1, 0, 2],
      [0, 2, 1],
    ])
      expect(landscapeProfit(l, x)).toBeCloseTo(exactPlan(inst, x, "poisson").profit, 9);
  });

  test("its optimum is a local optimum for every ±1 and pair move", () => {
    const { inst } = tinyHardSet()[3];
    const l = exactLandscape(inst);
    const x = l.plan;
    const n = x.length;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (const [di, dj] of [
          [1, 0],
          [-1, 0],
          [-1, 1],
        ]) {
          const y = [...x];
          y[i] += di;
          if (i !== j) y[j] += dj;
          if (y.some((q, k) => q < 0 || q > l.caps[k])) continue;
          expect(landscapeProfit(l, y)).toBeLessThanOrEqual(l.best + 1e-12);
        }
  });
});

describe("auto reaches ≥ 0.999 of the exact optimum where single moves were trapped", () => {
  const set = tinyHardSet();
  test.each([3, 5, 6].map((k) => [set[k].name, set[k].inst] as const))("%s", async (_name, inst) => {
    const model = validateInstance(toInstanceJson(inst));
    // A generous limit: on a shared machine the default could cut the search short.
    const r = await optimize(model, { method: "auto", seed: 1, timeLimitMs: 120000 });
    const caps = usefulCaps(inst).map((c, i) => Math.max(c, r.units[i]));
    const l = exactLandscape(inst, caps);
    expect(landscapeProfit(l, r.units)).toBeGreaterThanOrEqual(0.999 * l.best);
  });
});
