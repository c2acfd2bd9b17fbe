// The chain arguments of marginalValues.ts are exact: checked against re-playing the same season with one
// unit more or fewer, product by product, on random instances with substitution loops and stock-outs.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import type { Model } from "../../../src/engine/model/instance";
import { oneFewerUnit, oneMoreUnit, rejectionIndex } from "../../../src/engine/simulate/marginalValues";
import { Rng } from "../../../src/engine/random/rng";
import { playSeason, seasonCounters, seasonKey, seasonTrace } from "../../../src/engine/simulate/season";
import { validateInstance } from "../../../src/engine/model/validate";
import { walkTables } from "../../../src/engine/simulate/walkTables";

function seasonProfit(model: Model, plan: Int32Array, key: number): number {
  const out = seasonCounters(model.n);
  playSeason(model, plan, key, out);
  let profit = 0;
  for (let i = 0; i < model.n; i++) {
    profit += (model.price[i] - model.salvage[i]) * out.sales[i] + (model.salvage[i] - model.cost[i]) * plan[i];
  }
  return profit;
}

function randomCase(seed: number): { model: Model; plan: Int32Array } {
  const rng = new Rng(seed);
  const n = 3 + Math.floor(rng.next() * 10);
  const { instance } = generateInstance({
    n,
    totalDemand: 5 + rng.next() * 60,
    substitutes: Math.min(4, n - 1),
    substitutionShare: [0.5, 1],
    categorySize: 4,
    seed,
  });
  const model = validateInstance(instance);
  const plan = new Int32Array(n);
  for (let i = 0; i < n; i++) plan[i] = rng.next() < 0.25 ? 0 : Math.floor(rng.next() * 2 * (model.demand[i] + 2));
  return { model, plan };
}

describe("one-unit marginal values", () => {
  test.each(Array.from({ length: 40 }, (_, s) => s + 1))("equal re-simulation exactly (case %i)", (seed) => {
    const { model, plan } = randomCase(seed);
    const tables = walkTables(model);
    const counters = seasonCounters(model.n);
    const trace = seasonTrace(model.n);
    for (let r = 0; r < 5; r++) {
      const key = seasonKey(seed * 7919, r);
      playSeason(model, plan, key, counters, tables, trace);
      const idx = rejectionIndex(model.n, trace);
      const base = seasonProfit(model, plan, key);
      for (let i = 0; i < model.n; i++) {
        const more = plan.slice();
        more[i]++;
        expect(oneMoreUnit(model, i, idx)).toBeCloseTo(seasonProfit(model, more, key) - base, 6);
        if (plan[i] > 0) {
          const fewer = plan.slice();
          fewer[i]--;
          expect(oneFewerUnit(model, plan, i, key, counters, trace, tables)).toBeCloseTo(
            seasonProfit(model, fewer, key) - base,
            6,
          );
        }
      }
    }
  });
});
