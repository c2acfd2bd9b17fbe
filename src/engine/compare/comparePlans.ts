// The current range against the recommendation, measured honestly: both plans are played on the SAME
// simulated seasons (common random numbers: the same customers, arriving in the same order, walking the
// same paths; season.ts), so what differs between them is only the plans. The gain is the mean of the
// per-season differences, and its standard error is that of the paired difference, far smaller than the
// two plans' errors combined because most of the seasons' luck cancels.

import { seedKey } from "../random/hash";
import { yieldToHost } from "../simulate/host";
import type { Model } from "../model/instance";
import { playSeason, seasonCounters, seasonKey, type SeasonCounters } from "../simulate/season";
import { walkTables } from "../simulate/walkTables";
import { actionCounts, actionOf } from "./actions";
import type { PlanComparison } from "./compareTypes";
import { currentBreaks } from "./currentBreaks";
import { RunningMean } from "./estimate";
import { kpisFromTotals, type PlanTotals } from "./planKpis";

export interface CompareOptions {
  seed?: number | string;
  /** Exact number of seasons (overrides the precision target). */
  reps?: number;
  minReps?: number;
  maxReps?: number;
  /** Stop once the paired profit gain's standard error is at most this share of |recommended profit| (default 0.002). */
  targetRelativeError?: number;
  onProgress?: (fraction: number) => void;
  /** Checked between batches; true stops (the comparison covers the seasons run so far). */
  shouldStop?: () => boolean;
  /**
   * Date.now() after which to stop, also part-way through a season (that season is discarded): the
   * comparison covers the seasons done, possibly fewer than 2 (callers check `seasons`).
   */
  deadline?: number;
}

/** One season's figures for one plan. */
interface SeasonFigures {
  profit: number;
  revenue: number;
  grossMargin: number;
  lost: number;
  leftover: number;
  cogs: number;
  sold: number;
}

/** Running totals of one plan over the seasons played. */
class PlanRun {
  readonly profit = new RunningMean();
  revenue = 0;
  costOfSales = 0;
  sold = 0;
  customers = 0;
  lost = 0;
  readonly sellOuts: Float64Array;
  readonly counters: SeasonCounters;
  readonly units: Int32Array;
  private readonly fixed: number;
  private readonly totalUnits: number;
  constructor(
    private readonly model: Model,
    plan: ArrayLike<number>,
  ) {
    this.units = Int32Array.from(plan);
    this.counters = seasonCounters(model.n);
    this.sellOuts = new Float64Array(model.n);
    let fixed = 0;
    let total = 0;
    for (let i = 0; i < model.n; i++) {
      fixed += (model.salvage[i] - model.cost[i]) * this.units[i];
      total += this.units[i];
    }
    this.fixed = fixed;
    this.totalUnits = total;
  }
  /** Plays one season; its figures count once record() is called (a season the deadline cut is not). */
  play(key: number, tables: ReturnType<typeof walkTables>): SeasonFigures {
    const { model, counters, units } = this;
    playSeason(model, units, key, counters, tables);
    if (counters.stopped) return { profit: 0, revenue: 0, grossMargin: 0, lost: 0, leftover: 0, cogs: 0, sold: 0 };
    let revenue = 0;
    let soldSalvage = 0;
    let cogs = 0;
    let sold = 0;
    let lost = 0;
    for (let i = 0; i < model.n; i++) {
      const s = counters.sales[i];
      lost += counters.lost[i];
      if (s === 0) continue;
      revenue += model.price[i] * s;
      soldSalvage += model.salvage[i] * s;
      cogs += model.cost[i] * s;
      sold += s;
    }
    const profit = this.fixed + revenue - soldSalvage;
    return { profit, revenue, grossMargin: revenue - cogs, lost, leftover: this.totalUnits - sold, cogs, sold };
  }
  /** Adds the season just played (its figures from play()) to the totals. */
  record(f: SeasonFigures): void {
    const { model, counters, units } = this;
    for (let i = 0; i < model.n; i++) if (units[i] > 0 && counters.stock[i] === 0) this.sellOuts[i]++;
    this.profit.add(f.profit);
    this.revenue += f.revenue;
    this.costOfSales += f.cogs;
    this.sold += f.sold;
    this.customers += counters.customers;
    this.lost += f.lost;
  }
  totals(): PlanTotals {
    const r = Math.max(1, this.profit.count);
    const stockout = new Float64Array(this.model.n);
    for (let i = 0; i < this.model.n; i++) stockout[i] = this.units[i] > 0 ? this.sellOuts[i] / r : NaN;
    return {
      profit: this.profit.estimate(),
      revenue: this.revenue / r,
      costOfSales: this.costOfSales / r,
      unitsSold: this.sold / r,
      customers: this.customers / r,
      lostCustomers: this.lost / r,
      stockoutProbability: stockout,
    };
  }
}

/** Compares `current` with `recommended` on the same seasons; resolves to the paired comparison. */
export async function comparePlans(
  model: Model,
  current: ArrayLike<number>,
  recommended: ArrayLike<number>,
  options: CompareOptions = {},
): Promise<PlanComparison> {
  for (const [name, plan] of [
    ["current", current],
    ["recommended", recommended],
  ] as const) {
    for (let i = 0; i < model.n; i++) {
      const q = plan[i];
      if (!(q >= 0) || !Number.isInteger(q))
        throw new RangeError(`${name} units of ${model.ids[i]} must be a whole number, 0 or more (got ${q})`);
    }
  }
  const key = seedKey(options.seed ?? 1);
  const minReps = options.reps ?? Math.max(2, options.minReps ?? 200);
  const maxReps = options.reps ?? Math.max(minReps, options.maxReps ?? 20000);
  const target = options.targetRelativeError ?? 0.002;
  const tables = walkTables(model);
  const a = new PlanRun(model, current);
  const b = new PlanRun(model, recommended);
  const gain = {
    profit: new RunningMean(),
    revenue: new RunningMean(),
    grossMargin: new RunningMean(),
    lostCustomers: new RunningMean(),
    leftoverUnits: new RunningMean(),
  };
  let reps = 0;
  let batch = Math.min(minReps, 16);
  let steps = 0;
  a.counters.deadline = options.deadline;
  b.counters.deadline = options.deadline;
  let cut = false;
  while (reps < maxReps) {
    const end = Math.min(maxReps, reps + batch);
    const before = steps;
    for (; reps < end; reps++) {
      const k = seasonKey(key, reps);
      const x = a.play(k, tables);
      const y = a.counters.stopped ? x : b.play(k, tables);
      if (a.counters.stopped || b.counters.stopped) {
        cut = true;
        break;
      }
      a.record(x);
      b.record(y);
      steps += a.counters.steps + b.counters.steps;
      gain.profit.add(y.profit - x.profit);
      gain.revenue.add(y.revenue - x.revenue);
      gain.grossMargin.add(y.grossMargin - x.grossMargin);
      gain.lostCustomers.add(y.lost - x.lost);
      gain.leftoverUnits.add(y.leftover - x.leftover);
    }
    options.onProgress?.(reps / maxReps);
    if (cut || reps >= maxReps) break;
    await yieldToHost();
    if (options.shouldStop?.()) break;
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    if (options.reps === undefined && reps >= minReps && gain.profit.se <= target * Math.abs(b.profit.mean)) break;
    // Batches of about two million customer-steps keep progress and cancellation responsive.
    const perRep = Math.max(1, (steps - before) / batch);
    batch = Math.max(1, Math.min(maxReps - reps, Math.round(2e6 / perRep)));
    // Check the target as soon as the minimum is reached.
    if (reps < minReps) batch = Math.min(batch, minReps - reps);
  }
  const list = Array.from({ length: model.n }, (_, i) => actionOf(current[i], recommended[i]));
  return {
    current: kpisFromTotals(model, current, a.totals()),
    recommended: kpisFromTotals(model, recommended, b.totals()),
    gain: {
      profit: gain.profit.estimate(),
      revenue: gain.revenue.estimate(),
      grossMargin: gain.grossMargin.estimate(),
      lostCustomers: gain.lostCustomers.estimate(),
      leftoverUnits: gain.leftoverUnits.estimate(),
    },
    seasons: reps,
    currentBreaks: currentBreaks(model, current),
    actions: actionCounts(list),
  };
}
