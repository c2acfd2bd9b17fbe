// The optimiser every surface calls: which products to carry and how many units of each (docs/model.md §5).
//
// Methods (all return the same plan shape, judged the same way):
//   fluid       the fluid LP's sales, rounded, on its assortment.
//   newsvendor  the fluid assortment; each product stocked at its critical fractile of Poisson(fluid sales),
//               ignoring stock-out substitution.
//   gk          Gallego–Kim style: the fluid assortment, quantities by sample average approximation (SAA).
//   pooled      the paper's two steps: the pooled long-tail assortment (pooledAssortment.ts), SAA quantities.
//   auto        our best: the fluid, newsvendor and pooled plans as starts; from the best of them on a sample
//               of seasons, one SAA search that may also add and drop products (a superset of gk's and
//               pooled's moves); the winner among all of them is picked on a second, independent sample.
// SAA quantities maximise the plan's mean profit over a sample of simulated seasons of the true sequential
// process (improvePlan.ts), rather than the paper's per-sample LP relaxation: no LP solver in the loop, and
// the sampled objective is the real one, not a relaxation of it.
// Every method's plan is finally simulated on fresh seasons, independent of those used to choose it, so
// the profit reported is an unbiased estimate with its standard error.

import { seedKey } from "../random/hash";
import { pacer, yieldToHost, type AbortSignalLike } from "../simulate/host";
import type { Model } from "../model/instance";
import { decisions } from "./decisions";
import { fitToRules } from "../model/fitToRules";
import { improvePlan } from "./improvePlan";
import { limitedFluid, type LimitedFluid } from "../bound/limitedFluid";
import { planBound } from "../bound/planBound";
import type { Method, OptimizeOptions, OptimizeProgress, OptimizeResult, PlanBound } from "./optimizeTypes";
import { checkRulesFeasible, mayCarry } from "../model/planLimits";
import { criticalFractile, poissonQuantile } from "../random/poissonNewsvendor";
import { pooledAssortment } from "./pooledAssortment";
import { PassStopped, sampledSeasons, sampleProfit, type SampledSeasons } from "../simulate/sampledSeasons";
import { simulateAsync } from "../simulate/simulate";

export const DEFAULT_TIME_LIMIT_MS = 20000;

/** Thrown when the caller's AbortSignal fires. */
export class OptimizeAborted extends Error {
  constructor() {
    super("The optimisation was cancelled.");
    this.name = "OptimizeAborted";
  }
}

/** Seasons in the search sample: about 3 million customer-steps per pass, within [50, 2000] (fewer overfit). */
function searchSeasons(model: Model): number {
  return Math.max(50, Math.min(2000, Math.round(3e6 / Math.max(1, 1.5 * model.totalDemand))));
}

/** Newsvendor quantities on an assortment: the critical fractile of Poisson(fluid sales). */
function newsvendorWish(model: Model, sales: Float64Array, offered: Uint8Array): Float64Array {
  const wish = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) {
    if (!offered[i] && !model.mustOffer[i]) continue;
    wish[i] = poissonQuantile(sales[i], criticalFractile(model.price[i], model.cost[i], model.salvage[i]));
  }
  return wish;
}

/** Margins after pricing the budget and capacity: the assortment steps use them so limits shape the range. */
function pricedMargins(model: Model, lf: LimitedFluid): Float64Array {
  const m = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) {
    m[i] = model.price[i] - model.cost[i] - lf.budgetPrice * model.cost[i] - lf.capacityPrice * model.size[i];
  }
  return m;
}

function seedText(seed: number | string, purpose: string): string {
  return `${String(seed)}:${purpose}`;
}

export async function optimize(
  model: Model,
  options: OptimizeOptions = {},
  onProgress?: (p: OptimizeProgress) => void,
  signal?: AbortSignalLike,
): Promise<OptimizeResult> {
  const started = Date.now();
  const method: Method = options.method ?? "auto";
  const seed = options.seed ?? 1;
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const warnings: string[] = [];
  let stoppedEarly = false;
  const report = (stage: string, fraction: number) =>
    onProgress?.({ stage, fraction: Math.max(0, Math.min(1, fraction)) });
  const check = async () => {
    await yieldToHost();
    if (signal?.aborted) throw new OptimizeAborted();
  };
  const stop = () => {
    if (signal?.aborted) return true;
    if (Date.now() > deadline) {
      stoppedEarly = true;
      return true;
    }
    return false;
  };

  // Between seasons of a pass over a sample: yield now and then, and stop at once on a cancel.
  const pause = pacer(() => signal?.aborted === true);
  const profitOn = async (sample: SampledSeasons, plan: Int32Array) => {
    try {
      return await sampleProfit(sample, plan, pause);
    } catch (err) {
      throw err instanceof PassStopped ? new OptimizeAborted() : err;
    }
  };
  checkRulesFeasible(model);
  report("Upper bound", 0);
  const lf = limitedFluid(model);
  const { value, kind, ignoredConstraints, label } = planBound(model, lf);
  const bound: PlanBound = { value, kind, ignoredConstraints, label };
  await check();

  const mean = lf.fluid.sales;
  const fluidPlan = () => fitToRules(model, lf.fluid.sales, mean);
  const newsvendorPlan = () => fitToRules(model, newsvendorWish(model, lf.fluid.sales, lf.fluid.offered), mean);
  const pooledStart = () => {
    const allowed = new Uint8Array(model.n);
    for (let i = 0; i < model.n; i++) allowed[i] = mayCarry(model, i) ? 1 : 0;
    const pa = pooledAssortment(model, pricedMargins(model, lf), allowed);
    return fitToRules(model, newsvendorWish(model, pa.fluid.sales, pa.offered), pa.fluid.sales);
  };

  let units: Int32Array;
  let sample: SampledSeasons | undefined;
  const getSample = () =>
    (sample ??= sampledSeasons(model, seedKey(seedText(seed, "search")), 0, searchSeasons(model)));
  // Each SAA search gets its share of the progress bar and of the time.
  const search = async (start: Int32Array, free: boolean, from: number, to: number, label: string) => {
    report(label, from);
    const result = await improvePlan(getSample(), start, {
      mayChangeAssortment: free,
      shouldStop: stop,
      onRound: (round) => report(label, from + (to - from) * Math.min(0.95, 1 - Math.exp(-round / 25))),
    });
    if (signal?.aborted) throw new OptimizeAborted();
    return result.units;
  };

  switch (method) {
    case "fluid":
      units = fluidPlan();
      break;
    case "newsvendor":
      units = newsvendorPlan();
      break;
    case "gk":
      units = await search(newsvendorPlan(), false, 0.05, 0.85, "SAA quantities");
      break;
    case "pooled":
      report("Pooling the long tail", 0.05);
      units = await search(pooledStart(), false, 0.1, 0.85, "SAA quantities");
      break;
    case "auto": {
      report("Baselines", 0.03);
      const candidates: { name: string; units: Int32Array }[] = [
        { name: "fluid", units: fluidPlan() },
        { name: "newsvendor", units: newsvendorPlan() },
        { name: "pooled assortment", units: pooledStart() },
      ];
      await check();
      // One search, free to add and drop products (a superset of gk's and pooled's moves), from the best
      // start on the search sample.
      const s = getSample();
      let best = candidates[0];
      let bestProfit = -Infinity;
      for (const c of candidates) {
        const p = await profitOn(s, c.units);
        if (p > bestProfit) {
          bestProfit = p;
          best = c;
        }
      }
      candidates.push({ name: "auto", units: await search(best.units, true, 0.1, 0.8, "Improving the plan") });
      // Choose on seasons the search never saw, so the winner is not the one that fitted the sample best.
      report("Choosing the best plan", 0.8);
      await check();
      const fresh = sampledSeasons(model, seedKey(seedText(seed, "select")), 0, getSample().keys.length);
      // The search's own plan first: on a tie it wins.
      let winner = candidates[candidates.length - 1];
      let winnerProfit = -Infinity;
      for (const c of [...candidates].reverse()) {
        const p = await profitOn(fresh, c.units);
        if (p > winnerProfit + 1e-9 * Math.abs(p)) {
          winnerProfit = p;
          winner = c;
        }
      }
      units = winner.units;
      const same = winner.units.every((x, i) => x === candidates[candidates.length - 1].units[i]);
      if (!same)
        warnings.push(`The search did not beat the ${winner.name} plan on fresh seasons; returning that plan.`);
      break;
    }
    default:
      throw new RangeError(`unknown method '${String(method)}'; use one of auto, fluid, newsvendor, gk, pooled`);
  }
  if (stoppedEarly)
    warnings.push(
      "The time limit ended the search early: the plan is the best found so far (a longer limit may find a better one).",
    );

  report("Final evaluation", 0.85);
  await check();
  const evaluation = await simulateAsync(model, units, {
    seed: seedText(seed, "evaluate"),
    targetRelativeError: options.targetRelativeError ?? 0.002,
    minReps: 200,
    maxReps: 20000,
    onProgress: (f) => report("Final evaluation", 0.85 + 0.15 * f),
    shouldStop: () => signal?.aborted === true,
  });
  if (signal?.aborted) throw new OptimizeAborted();
  report("Done", 1);
  return {
    method,
    seed,
    units,
    evaluation,
    bound,
    shareOfBound: bound.value > 0 ? evaluation.expectedProfit / bound.value : NaN,
    decisions: decisions(model, units, evaluation),
    warnings,
    stoppedEarly,
    elapsedMs: Date.now() - started,
  };
}
