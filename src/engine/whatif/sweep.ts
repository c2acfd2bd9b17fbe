// A sweep of one rule (budget, capacity or maxProducts) over a few values: profit against the rule, as a
// table of points. Each point is solved warm-started from its neighbour's plan (fast, and consistent from
// point to point); then every point's plan is played on the same seasons (common random numbers), so the
// curve is smooth and the differences between neighbours carry paired standard errors.
// Loosening one of these rules never lowers the optimum (the neighbour's plan still keeps the looser rule),
// so when a point comes out lower than the point before it beyond noise, it is re-solved from that
// neighbour's plan and the better of its plans is kept.
// The loosest point is solved first: a plan that leaves slack in the loosest rule (a budget above the
// unconstrained buy) keeps every tighter limit down to what it uses, so it is those points' optimum too and
// they are not solved again. The rest go upwards from the tightest, each with its tighter neighbour's plan
// as a start (the tightest: the loosest plan, fitted down), so they skip the greedy-fill start and get
// WARM_EFFORT of the search's work.
// The realistic ceiling is not computed per point (the sweep does not report it). Seasons are not shared
// between the points' optimisations: a sample is only its seeds (each pass replays them), so there is
// nothing to reuse, and the same seeds already give every point the same customers.

import type { Model } from "../model/instance";
import { usage } from "../model/planLimits";
import type { AbortSignalLike } from "../simulate/host";
import { DEFAULT_TIME_LIMIT_MS, optimize, OptimizeAborted } from "../optimize/optimize";
import type { OptimizeOptions } from "../optimize/optimizeTypes";
import type { Estimate } from "../compare/compareTypes";
import { estimate } from "../compare/estimate";
import {
  pairedGain,
  pairedReps,
  pairedSeasons,
  PairedStopped,
  profitEstimate,
  type PlanSeasons,
} from "./pairedSeasons";
import { withRule } from "./rules";
import { planBound } from "../bound/planBound";

export type SweepRule = "budget" | "capacity" | "maxProducts";

export const SWEEP_RULES: readonly SweepRule[] = ["budget", "capacity", "maxProducts"];

export const MIN_SWEEP_POINTS = 2;
export const MAX_SWEEP_POINTS = 50;

/** The least time a point is given, even once the sweep's limit is spent (its plan is then flagged early). */
const MIN_POINT_MS = 1000;

/**
 * Share of one optimisation's search work a point started from another point's plan gets (with no greedy-fill
 * start of its own). Measured on fashion.json and a generated N = 1,000 instance, the plans it gives differ
 * from a full optimisation's by about as much as a full optimisation's differ from seed to seed
 * (bench/results/sweep.md), for about half the time per point.
 */
export const WARM_EFFORT = 0.6;

export interface SweepOptions extends OptimizeOptions {
  /** Seasons every point's plan is played on (default: about 4e7 customer-steps in all, within [200, 4000]). */
  reps?: number;
  /**
   * Cap on a warm-started point's time, as a share of the first solve's (default none). Faster, but measured
   * on fashion.json at 0.6 the middle point's plan came out 2.6% worse than one optimisation's
   * (bench/results/sweep.md), so it is off unless asked for.
   */
  warmShare?: number;
  /**
   * Share of the search work (OptimizeOptions.searchEffort) each point warm-started from its neighbour gets,
   * in (0, 1] (default WARM_EFFORT): every point but the loosest. The loosest and any re-solve get the full work.
   */
  searchEffort?: number;
}

export interface SweepProgress {
  stage: string;
  pointsDone: number;
  points: number;
  /** 0..1 over the whole sweep. */
  fraction: number;
  /** Estimated time left in milliseconds (NaN before the first point is done). */
  remainingMs: number;
}

export interface SweepPoint {
  /** The rule's limit at this point. */
  value: number;
  expectedProfit: Estimate;
  /** Upper bound on expected profit under this point's rules (the fluid LP with budget and capacity priced in). */
  bound: number;
  productsCarried: number;
  units: number;
  buyCost: number;
  /** (revenue − cost of the units sold) / revenue, a fraction. */
  grossMarginRate: number;
  /** Customers served / customers, a fraction. */
  fillRate: number;
  revenue: number;
  /** (profit here − profit at the previous point) / (value here − value there), paired; null at the first point. */
  marginalProfit: Estimate | null;
  /** Units per product, in the model's order. */
  plan: Int32Array;
  /** True when the point fell below its neighbour beyond noise and was re-solved from the neighbour's plan. */
  resolved: boolean;
  /** True when a looser point's plan already kept this point's limit, so it is this point's plan too. */
  reused: boolean;
  stoppedEarly: boolean;
}

interface Resolved {
  units: Int32Array;
  bound: number;
  stoppedEarly: boolean;
  reused?: boolean;
}

/** How much of the swept rule a plan uses. */
function used(model: Model, rule: SweepRule, units: Int32Array): number {
  const u = usage(model, units);
  return rule === "budget" ? u.spend : rule === "capacity" ? u.space : u.carried;
}

export interface SweepResult {
  rule: SweepRule;
  points: SweepPoint[];
  /** Seasons every plan was played on. */
  seasons: number;
  seed: number | string;
  warnings: string[];
  stoppedEarly: boolean;
  elapsedMs: number;
}

/** The values, sorted and checked: 2 to 50 distinct limits, 0 or more, whole numbers for maxProducts. */
export function sweepValues(rule: SweepRule, values: readonly number[]): number[] {
  if (!SWEEP_RULES.includes(rule))
    throw new RangeError(`cannot sweep '${String(rule)}'; use one of ${SWEEP_RULES.join(", ")}`);
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new RangeError(`every ${rule} value must be a number (got ${String(v)})`);
    if (v < 0) throw new RangeError(`a ${rule} cannot be negative (got ${v})`);
    if (rule === "maxProducts" && !Number.isInteger(v))
      throw new RangeError(`maxProducts values must be whole numbers (got ${v})`);
  }
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length < MIN_SWEEP_POINTS)
    throw new RangeError(`a sweep needs at least ${MIN_SWEEP_POINTS} different ${rule} values (got ${sorted.length})`);
  if (sorted.length > MAX_SWEEP_POINTS)
    throw new RangeError(`a sweep takes at most ${MAX_SWEEP_POINTS} points (got ${sorted.length})`);
  return sorted;
}

function stopped(err: unknown): unknown {
  return err instanceof PairedStopped ? new OptimizeAborted() : err;
}

export async function sweep(
  model: Model,
  rule: SweepRule,
  values: readonly number[],
  options: SweepOptions = {},
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignalLike,
): Promise<SweepResult> {
  const started = Date.now();
  const points = sweepValues(rule, values);
  const k = points.length;
  const seed = options.seed ?? 1;
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const warnings: string[] = [];
  const report = (stage: string, done: number, fraction: number) => {
    const spent = Date.now() - started;
    const remainingMs = fraction > 0 ? (spent * (1 - fraction)) / fraction : NaN;
    onProgress?.({ stage, pointsDone: done, points: k, fraction: Math.min(1, fraction), remainingMs });
  };
  const warmEffort = options.searchEffort ?? WARM_EFFORT;
  // Every point is an optimisation (baselines, search, choice on fresh seasons) with its neighbour's plan
  // as one more start: measured on fashion.json, a local search from the neighbour alone was both slower and
  // worse than this (bench/results/sweep.md). A warm one has a cut search and no greedy-fill start.
  const solve = async (i: number, start: Int32Array | undefined, share: number, effort: number): Promise<Resolved> => {
    const r = await optimize(
      withRule(model, rule, points[i]),
      {
        method: options.method ?? "auto",
        seed,
        timeLimitMs: Math.max(MIN_POINT_MS, share),
        // The shared-season evaluation below is what is reported: the optimiser's own can be brief, and the
        // realistic ceiling is not part of a sweep's table.
        targetRelativeError: 0.02,
        ceilingTimeMs: 0,
        startUnits: start,
        searchEffort: effort,
        pool: options.pool,
      },
      undefined,
      signal,
    );
    return { units: r.units, bound: r.bound.value, stoppedEarly: r.stoppedEarly };
  };

  const results = new Array<Resolved>(k);
  let coldMs: number | undefined;
  let done = 0;
  const solvePoint = async (i: number, from: Int32Array | undefined, cold: boolean, left: number) => {
    report(`Solving ${rule} = ${points[i]}`, done, (0.85 * done) / k);
    // Each point gets an equal share of the time left; a warm-started one at most warmShare of the first solve.
    const even = (deadline - Date.now()) / left;
    const cap = options.warmShare;
    const share =
      cold || coldMs === undefined || cap === undefined ? even : Math.min(even, Math.max(MIN_POINT_MS, cap * coldMs));
    const t0 = Date.now();
    const r = await solve(i, from, share, cold || from === undefined ? 1 : warmEffort);
    if (coldMs === undefined) coldMs = Date.now() - t0;
    // Cut by the warm share, not the caller's limit: the plan is the best its share found, by design.
    if (share < even) r.stoppedEarly = false;
    results[i] = r;
    done++;
    return r;
  };
  // The loosest point first: every tighter point whose limit its plan keeps takes that plan.
  const top = await solvePoint(k - 1, options.startUnits, true, k);
  const topUse = used(model, rule, top.units);
  let rest = k - 1;
  while (rest > 0 && topUse <= points[rest - 1] * (1 + 1e-12)) {
    rest--;
    const m = withRule(model, rule, points[rest]);
    results[rest] = { units: top.units, bound: planBound(m).value, stoppedEarly: top.stoppedEarly, reused: true };
    done++;
  }
  // The others upwards, each warm-started from the tighter neighbour's plan (which keeps the looser rule),
  // the tightest from the loosest plan fitted down to its rule. Searched from alone, a plan cut down led the
  // search to a worse optimum on fashion.json; as one more start beside the baselines, at the tightest budget
  // it did as well as a full optimisation (bench/results/sweep.md).
  let start = top.units;
  for (let i = 0; i < rest; i++) start = (await solvePoint(i, start, false, rest - i)).units;

  report("Playing every plan on the same seasons", k, 0.85);
  const seasons = options.reps ?? Math.max(200, Math.min(4000, 2 * pairedReps(model, k)));
  const play = async (plans: Int32Array[], from: number, to: number) => {
    try {
      return await pairedSeasons(model, plans, {
        seed: `${String(seed)}:sweep`,
        reps: seasons,
        signal,
        onProgress: (f) => report("Playing every plan on the same seasons", k, from + (to - from) * f),
      });
    } catch (err) {
      throw stopped(err);
    }
  };
  const plans = results.map((r) => r.units);
  const played: PlanSeasons[] = await play(plans, 0.85, 0.97);
  const resolved = new Array<boolean>(k).fill(false);

  // Monotone where it must be: a looser rule never has a lower optimum.
  for (let i = 1; i < k; i++) {
    const drop = pairedGain(played[i], played[i - 1]);
    if (drop.mean >= -2 * drop.se) continue;
    report(`Re-solving ${rule} = ${points[i]} from its neighbour`, k, 0.97);
    const again = await solve(
      i,
      plans[i - 1],
      Math.max(1000, Math.min((deadline - Date.now()) / 2, coldMs ?? Infinity)),
      1,
    );
    const [p] = await play([again.units], 0.97, 0.99);
    // The neighbour's own plan keeps this point's rule too: the best of the three on the shared seasons.
    const options3 = [
      { plan: plans[i], seasons: played[i] },
      { plan: again.units, seasons: p },
      { plan: Int32Array.from(plans[i - 1]), seasons: played[i - 1] },
    ];
    const best = options3.reduce((a, b) => (profitEstimate(b.seasons).mean > profitEstimate(a.seasons).mean ? b : a));
    plans[i] = best.plan;
    played[i] = best.seasons;
    resolved[i] = true;
    warnings.push(
      `${rule} = ${points[i]} came out below ${rule} = ${points[i - 1]}; it was re-solved from that plan and the better plan kept.`,
    );
  }

  const out: SweepPoint[] = points.map((value, i) => {
    const u = usage(model, plans[i]);
    const s = played[i];
    let units = 0;
    for (let j = 0; j < model.n; j++) units += plans[i][j];
    let marginalProfit: Estimate | null = null;
    if (i > 0) {
      const g = pairedGain(s, played[i - 1]);
      const dv = value - points[i - 1];
      marginalProfit = estimate(g.mean / dv, g.se / dv);
    }
    return {
      value,
      expectedProfit: profitEstimate(s),
      bound: results[i].bound,
      productsCarried: u.carried,
      units,
      buyCost: u.spend,
      grossMarginRate: s.revenue > 0 ? (s.revenue - s.costOfSales) / s.revenue : NaN,
      fillRate: s.customers > 0 ? s.unitsSold / s.customers : NaN,
      revenue: s.revenue,
      marginalProfit,
      plan: plans[i],
      resolved: resolved[i],
      reused: results[i].reused === true && !resolved[i],
      stoppedEarly: results[i].stoppedEarly,
    };
  });
  const early = results.some((r) => r.stoppedEarly);
  if (early)
    warnings.push("The time limit ended some points' searches early: those plans are the best found in their share.");
  report("Done", k, 1);
  return { rule, points: out, seasons, seed, warnings, stoppedEarly: early, elapsedMs: Date.now() - started };
}
