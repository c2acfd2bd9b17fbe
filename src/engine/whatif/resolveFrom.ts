// Re-solving a scenario from a neighbouring plan (a sweep's next point): the plan fitted to the moved rules,
// then the SAA local search that may add and drop products, on the same search sample the optimiser uses.
// It skips the optimiser's baselines and its choice on fresh seasons: the neighbour's plan is already a far
// better start than any baseline, and the sweep plays every point's plan on shared seasons afterwards.

import { seedKey } from "../random/hash";
import type { Model } from "../model/instance";
import { fitToRules } from "../model/fitToRules";
import { checkRulesFeasible } from "../model/planLimits";
import { limitedFluid } from "../bound/limitedFluid";
import { planBound } from "../bound/planBound";
import type { AbortSignalLike } from "../simulate/host";
import { sampledSeasons } from "../simulate/sampledSeasons";
import { improvePlan } from "../optimize/improvePlan";
import { OptimizeAborted, searchSeasons } from "../optimize/optimize";

export interface Resolved {
  units: Int32Array;
  /** Upper bound under the model's rules (fluid LP with the budget and capacity priced in). */
  bound: number;
  stoppedEarly: boolean;
}

export async function resolveFrom(
  model: Model,
  start: ArrayLike<number>,
  seed: number | string,
  deadline: number,
  signal?: AbortSignalLike,
): Promise<Resolved> {
  checkRulesFeasible(model);
  const lf = limitedFluid(model);
  const bound = planBound(model, lf).value;
  const fitted = fitToRules(model, start, lf.fluid.sales);
  const sample = sampledSeasons(model, seedKey(`${String(seed)}:search`), 0, searchSeasons(model));
  let late = false;
  const result = await improvePlan(sample, fitted, {
    mayChangeAssortment: true,
    shouldStop: () => {
      if (signal?.aborted) return true;
      late = Date.now() > deadline;
      return late;
    },
  });
  if (signal?.aborted) throw new OptimizeAborted();
  return { units: result.units, bound, stoppedEarly: late };
}
