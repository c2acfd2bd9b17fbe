// A fixed sample of simulated seasons on which plans are compared and improved (sample average
// approximation). Every plan sees the same customers walking the same paths (common random numbers), so
// differences between plans are not noise, and the one-unit values of marginalValues.ts are exact on it.

import type { Model } from "../model/instance";
import {
  blockSums,
  emptySums,
  passBlocks,
  seasonScratch,
  type BlockSums,
  type PassRequest,
  type PoolSample,
  type SeasonPool,
} from "./seasonPool";
import { seasonCounters, seasonKey, seasonTrace, type SeasonCounters, type SeasonTrace } from "./season";
import type { RejectionIndex } from "./marginalValues";
import { walkTables, type WalkTables } from "./walkTables";

export interface SampledSeasons {
  model: Model;
  keys: Uint32Array;
  tables: WalkTables;
  counters: SeasonCounters;
  trace: SeasonTrace;
  index?: RejectionIndex;
  /** The sample as plain data, for a pool of workers. */
  origin: PoolSample;
  /** Workers to split passes across (supplied by the surface); without one, passes run here. */
  pool?: SeasonPool;
  /**
   * Date.now() after which a pass stops part-way, here or on the pool's workers, and throws PassStopped
   * (the caller's stage is over). Unset: passes run to their end.
   */
  deadline?: number;
}

let nextSampleId = 1;

/** Seasons `first .. first + count − 1` of the run whose seed key is `key`. */
export function sampledSeasons(
  model: Model,
  key: number,
  first: number,
  count: number,
  pool?: SeasonPool,
): SampledSeasons {
  const keys = new Uint32Array(count);
  for (let r = 0; r < count; r++) keys[r] = seasonKey(key, first + r);
  return {
    model,
    keys,
    tables: walkTables(model),
    counters: seasonCounters(model.n),
    trace: seasonTrace(model.n),
    origin: { id: nextSampleId++, model, key, first, count },
    pool: pool && pool.workers > 0 ? pool : undefined,
  };
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

/**
 * The pass's block sums, in block order: on the pool when there is one, else here, one season at a time
 * with a pause between seasons. The same blocks either way, so the totals are identical.
 */
async function passSums(s: SampledSeasons, asked: PassRequest, pause?: Pause): Promise<BlockSums[]> {
  const blocks = passBlocks(s.keys.length);
  const request: PassRequest = { ...asked, deadline: s.deadline };
  if (s.pool) {
    if (pause && (await pause())) throw new PassStopped();
    const sums = await s.pool.run(s.origin, request, blocks);
    if (sums.some((b) => b.stopped)) throw new PassStopped(); // the deadline cut a season on some worker
    return sums;
  }
  const scratch = seasonScratch(s.model, s.tables);
  scratch.counters = s.counters;
  scratch.trace = s.trace;
  scratch.index = s.index;
  const out: BlockSums[] = [];
  for (const [from, to] of blocks) {
    const sums = emptySums(s.model.n, request.values);
    for (let r = from; r < to; r++) {
      if (pause && (await pause())) throw new PassStopped();
      blockSums(scratch, s.origin, request, r, r + 1, sums);
      if (sums.stopped) throw new PassStopped(); // the deadline cut the season
    }
    out.push(sums);
  }
  s.index = scratch.index;
  return out;
}

/** Mean profit of the plan over the sample. */
export async function sampleProfit(s: SampledSeasons, units: ArrayLike<number>, pause?: Pause): Promise<number> {
  const sums = await passSums(s, { units: Int32Array.from(units), values: false }, pause);
  let total = 0;
  for (const b of sums) total += b.profit;
  return total / s.keys.length;
}

/** The plan's profit summed over each block of the sample (passBlocks order): for paired comparisons. */
export async function blockProfits(s: SampledSeasons, units: ArrayLike<number>, pause?: Pause): Promise<Float64Array> {
  const sums = await passSums(s, { units: Int32Array.from(units), values: false }, pause);
  return Float64Array.from(sums, (b) => b.profit);
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
  const n = s.model.n;
  const plan = Int32Array.from(units);
  const sums = await passSums(s, { units: plan, values: true, which }, pause);
  const more = new Float64Array(n);
  const fewer = new Float64Array(n);
  const sales = new Float64Array(n);
  let profit = 0;
  for (const b of sums) {
    profit += b.profit;
    if (!b.more || !b.fewer || !b.sales) continue; // an empty block
    for (let i = 0; i < n; i++) {
      more[i] += b.more[i];
      fewer[i] += b.fewer[i];
      sales[i] += b.sales[i];
    }
  }
  const k = s.keys.length;
  for (let i = 0; i < n; i++) {
    more[i] /= k;
    fewer[i] = plan[i] > 0 ? fewer[i] / k : NaN;
    sales[i] /= k;
  }
  return { profit: profit / k, more, fewer, sales };
}
