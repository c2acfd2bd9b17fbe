// A fixed sample of simulated seasons on which plans are compared and improved (sample average
// approximation). Every plan sees the same customers walking the same paths (common random numbers), so
// differences between plans are not noise, and the one-unit values of marginalValues.ts are exact on it.

import type { Model } from "../model/instance";
import { oneFewerUnit, oneMoreUnit, rejectionIndex, type RejectionIndex } from "./marginalValues";
import { playSeason, seasonCounters, seasonKey, seasonTrace, type SeasonCounters, type SeasonTrace } from "./season";
import { walkTables, type WalkTables } from "./walkTables";

export interface SampledSeasons {
  model: Model;
  keys: Uint32Array;
  tables: WalkTables;
  counters: SeasonCounters;
  trace: SeasonTrace;
  index?: RejectionIndex;
}

/** Seasons `first .. first + count − 1` of the run whose seed key is `key`. */
export function sampledSeasons(model: Model, key: number, first: number, count: number): SampledSeasons {
  const keys = new Uint32Array(count);
  for (let r = 0; r < count; r++) keys[r] = seasonKey(key, first + r);
  return { model, keys, tables: walkTables(model), counters: seasonCounters(model.n), trace: seasonTrace(model.n) };
}

/** Profit of one played season (counters filled by playSeason). */
function seasonProfit(model: Model, units: ArrayLike<number>, sales: Int32Array): number {
  let profit = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (x === 0) continue;
    profit += (model.price[i] - model.salvage[i]) * sales[i] + (model.salvage[i] - model.cost[i]) * x;
  }
  return profit;
}

/** Thrown out of a pass when its pause says stop (the caller keeps its last complete state). */
export class PassStopped extends Error {
  constructor() {
    super("stopped between seasons");
    this.name = "PassStopped";
  }
}

/** Called between seasons: yields to the host now and then; true means stop. */
export type Pause = () => Promise<boolean> | boolean;

/** Mean profit of the plan over the sample. */
export async function sampleProfit(s: SampledSeasons, units: ArrayLike<number>, pause?: Pause): Promise<number> {
  let total = 0;
  for (let r = 0; r < s.keys.length; r++) {
    if (pause && (await pause())) throw new PassStopped();
    playSeason(s.model, units, s.keys[r], s.counters, s.tables);
    if (s.counters.stopped) throw new PassStopped(); // its deadline (counters.deadline) cut the season
    total += seasonProfit(s.model, units, s.counters.sales);
  }
  return total / s.keys.length;
}

export interface UnitValues {
  /** Mean profit of the plan over the sample. */
  profit: number;
  /** Mean profit change of one more unit of i. */
  more: Float64Array;
  /** Mean profit change of one fewer unit of i (NaN where i has none). */
  fewer: Float64Array;
  /** Mean sales of i. */
  sales: Float64Array;
}

/**
 * Profit of the plan and the exact profit change of one unit more or fewer of each product in `which`
 * (default: all), averaged over the sample.
 */
export async function unitValues(
  s: SampledSeasons,
  units: ArrayLike<number>,
  which?: Uint8Array,
  pause?: Pause,
): Promise<UnitValues> {
  const { model } = s;
  const n = model.n;
  const more = new Float64Array(n);
  const fewer = new Float64Array(n);
  const sales = new Float64Array(n);
  let profit = 0;
  for (let r = 0; r < s.keys.length; r++) {
    if (pause && (await pause())) throw new PassStopped();
    const key = s.keys[r];
    playSeason(model, units, key, s.counters, s.tables, s.trace);
    if (s.counters.stopped) throw new PassStopped();
    profit += seasonProfit(model, units, s.counters.sales);
    s.index = rejectionIndex(n, s.trace, s.index);
    for (let i = 0; i < n; i++) {
      sales[i] += s.counters.sales[i];
      if (which && !which[i]) continue;
      more[i] += oneMoreUnit(model, i, s.index);
      if (units[i] > 0) fewer[i] += oneFewerUnit(model, units, i, key, s.counters, s.trace, s.tables);
    }
  }
  const k = s.keys.length;
  for (let i = 0; i < n; i++) {
    more[i] /= k;
    fewer[i] = units[i] > 0 ? fewer[i] / k : NaN;
    sales[i] /= k;
  }
  return { profit: profit / k, more, fewer, sales };
}
