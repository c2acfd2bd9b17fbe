// Several plans played on the same simulated seasons (common random numbers, docs/model.md §2), season by season,
// so differences between them are measured with the standard error of the paired difference, far smaller
// than two independent runs' errors. The seasons are fixed by (seed, season number): running again with the
// same seed and count replays exactly the same customers, so a plan added later is compared fairly.

import { seedKey } from "../random/hash";
import { estimate } from "../compare/estimate";
import type { Model } from "../model/instance";
import { yieldToHost, type AbortSignalLike } from "../simulate/host";
import { playSeason, seasonCounters, seasonKey } from "../simulate/season";
import { walkTables } from "../simulate/walkTables";
import type { Estimate } from "../compare/compareTypes";

/** One plan's season-by-season outcomes on the shared seasons. */
export interface PlanSeasons {
  /** Profit of each season. */
  profit: Float64Array;
  revenue: number;
  /** Σ cost × units sold, per season on average. */
  costOfSales: number;
  unitsSold: number;
  customers: number;
}

export interface PairedOptions {
  seed?: number | string;
  /** Seasons to play (the same for every plan). */
  reps: number;
  signal?: AbortSignalLike;
  /** Share done, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** Thrown when the signal fires between seasons. */
export class PairedStopped extends Error {
  constructor() {
    super("The evaluation was cancelled.");
    this.name = "PairedStopped";
  }
}

/** Plays every plan on seasons 0..reps−1 of the seed; yields to the host every few tens of milliseconds. */
export async function pairedSeasons(
  model: Model,
  plans: readonly ArrayLike<number>[],
  options: PairedOptions,
): Promise<PlanSeasons[]> {
  const key = seedKey(options.seed ?? 1);
  const reps = options.reps;
  const tables = walkTables(model);
  const counters = seasonCounters(model.n);
  const out: PlanSeasons[] = plans.map(() => ({
    profit: new Float64Array(reps),
    revenue: 0,
    costOfSales: 0,
    unitsSold: 0,
    customers: 0,
  }));
  const fixed = plans.map((plan) => {
    let f = 0;
    for (let i = 0; i < model.n; i++) f += (model.salvage[i] - model.cost[i]) * plan[i];
    return f;
  });
  let last = Date.now();
  for (let r = 0; r < reps; r++) {
    if (Date.now() - last > 40) {
      await yieldToHost();
      last = Date.now();
      if (options.signal?.aborted) throw new PairedStopped();
      options.onProgress?.(r / reps);
    }
    const sk = seasonKey(key, r);
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k];
      playSeason(model, plan, sk, counters, tables);
      let profit = fixed[k];
      const o = out[k];
      for (let i = 0; i < model.n; i++) {
        const s = counters.sales[i];
        if (s === 0) continue;
        profit += (model.price[i] - model.salvage[i]) * s;
        o.revenue += model.price[i] * s;
        o.costOfSales += model.cost[i] * s;
        o.unitsSold += s;
      }
      o.profit[r] = profit;
      o.customers += counters.customers;
    }
  }
  for (const o of out) {
    o.revenue /= reps;
    o.costOfSales /= reps;
    o.unitsSold /= reps;
    o.customers /= reps;
  }
  options.onProgress?.(1);
  return out;
}

/** The mean of a · x + b · y season by season (b = 0 for one plan, a = 1, b = −1 for a paired difference). */
export function combinedEstimate(x: Float64Array, y: Float64Array | null, a = 1, b = 0): Estimate {
  const n = x.length;
  let mean = 0;
  let m2 = 0;
  for (let r = 0; r < n; r++) {
    const v = a * x[r] + (y ? b * y[r] : 0);
    const d = v - mean;
    mean += d / (r + 1);
    m2 += d * (v - mean);
  }
  const se = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : NaN;
  return estimate(mean, se);
}

/** Profit of one plan on the shared seasons. */
export function profitEstimate(p: PlanSeasons): Estimate {
  return combinedEstimate(p.profit, null);
}

/** Profit of `to` minus profit of `from`, paired season by season. */
export function pairedGain(to: PlanSeasons, from: PlanSeasons): Estimate {
  return combinedEstimate(to.profit, from.profit, 1, -1);
}

/** Seasons for comparing a few plans: about 2e7 customer-steps in all, within [200, 4000]. */
export function pairedReps(model: Model, plans: number): number {
  return Math.max(200, Math.min(4000, Math.round(2e7 / Math.max(1, 1.5 * model.totalDemand * Math.max(1, plans)))));
}
