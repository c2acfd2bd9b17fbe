// The plain unit-by-unit greedy for a capacity-bound instance: from nothing, add one unit at a time to the
// product with the best simulated marginal profit per unit of the limits (exact on the sample: one traced
// pass gives every product's value of one more unit), while it gains and fits. The baseline that auto
// must match on the capacity family (bench/capacity.ts).

import type { Model } from "../../src/engine/model/instance";
import { highestUnits, lowestUnits, usage, withinTotals } from "../../src/engine/model/planLimits";
import { unitValues, type SampledSeasons } from "../../src/engine/simulate/sampledSeasons";

export async function unitGreedy(s: SampledSeasons): Promise<Int32Array> {
  const model: Model = s.model;
  const n = model.n;
  const { budget, capacity } = model.constraints;
  const x = new Int32Array(n);
  for (let i = 0; i < n; i++) if (model.mustOffer[i]) x[i] = lowestUnits(model, i);
  const perUnit = (i: number) =>
    Math.max(1e-15, budget ? model.cost[i] / budget : 0, capacity ? model.size[i] / capacity : 0);
  for (;;) {
    const v = await unitValues(s, x);
    let best = -1;
    let bestRate = 0;
    const u = usage(model, x);
    for (let i = 0; i < n; i++) {
      if (model.exclude[i]) continue;
      const to = x[i] === 0 ? lowestUnits(model, i) : x[i] + model.packSize[i];
      if (to > highestUnits(model, i)) continue;
      const d = to - x[i];
      const next = {
        spend: u.spend + model.cost[i] * d,
        space: u.space + model.size[i] * d,
        carried: u.carried + (x[i] === 0 ? 1 : 0),
        changes: u.changes,
      };
      if (!withinTotals(model, next)) continue;
      const rate = (v.more[i] * d) / (perUnit(i) * d);
      if (v.more[i] > 0 && rate > bestRate) {
        bestRate = rate;
        best = i;
      }
    }
    if (best < 0) return x;
    x[best] = x[best] === 0 ? lowestUnits(model, best) : x[best] + model.packSize[best];
  }
}
