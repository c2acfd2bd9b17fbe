// Passes over a sample of seasons split across workers. Seasons are independent, so a pass is a sum over
// them; the engine fixes how that sum is cut (PASS_BLOCKS contiguous blocks, whatever the number of
// workers) and adds the blocks' partial sums in block order. Each block is summed by the same code in the
// same order wherever it runs, so 1, 2 or 4 workers give byte-identical totals, and so identical plans.
//
// The engine only defines the interface and the pure block computation; the surfaces supply the pool
// (node:worker_threads in the CLI, Web Workers in the add-in), so the engine stays free of host APIs.

import type { Model } from "../model/instance";
import type { ComponentDual } from "../bound/componentSaaDual";
import type { DualJob } from "../bound/stochasticBound";
import type { SimulationBlock } from "./simulationBlock";
import { oneFewerUnit, oneMoreUnit, rejectionIndex, type RejectionIndex } from "./marginalValues";
import { playSeason, seasonCounters, seasonKey, seasonTrace, type SeasonCounters, type SeasonTrace } from "./season";
import { walkTables, type WalkTables } from "./walkTables";

// Local references: loaders with live bindings (tsx, Jest) call imports through a getter in hot loops.
const play = playSeason;
const moreOf = oneMoreUnit;
const fewerOf = oneFewerUnit;

/** Blocks a pass is cut into: fixed, so the order of the sums never depends on the workers. */
export const PASS_BLOCKS = 16;

/** The seasons of a sample, as plain data: seasons `first .. first + count − 1` of the run `key`. */
export interface PoolSample {
  /** Distinguishes samples (a worker keeps the scratch state of the ones it has seen). */
  id: number;
  model: Model;
  key: number;
  first: number;
  count: number;
}

/** One pass: the plan's profit, or also its exact one-unit values for the products in `which`. */
export interface PassRequest {
  units: Int32Array;
  values: boolean;
  which?: Uint8Array;
  /** Date.now() after which a season stops part-way and the pass is abandoned (the same clock in workers). */
  deadline?: number;
}

/** A block's partial sums over its seasons (more/fewer/sales only when values were asked for). */
export interface BlockSums {
  profit: number;
  /** True when the request's deadline cut a season: the sums are incomplete and the pass is void. */
  stopped?: boolean;
  more?: Float64Array;
  fewer?: Float64Array;
  sales?: Float64Array;
}

/** What a surface supplies: runs blocks of a pass and resolves to their sums, in the order asked. */
export interface SeasonPool {
  readonly workers: number;
  run(sample: PoolSample, request: PassRequest, blocks: [number, number][]): Promise<BlockSums[]>;
  /**
   * Optional: solves the SAA dual of one substitution component (an index into substitutionComponents'
   * order) for the realistic ceiling on a free worker, by componentDual (the same code wherever it runs).
   */
  dual?(model: Model, job: DualJob, component: number): Promise<ComponentDual>;
  /**
   * True when `dual` runs on a thread of its own, beside the pass workers: the ceiling is then solved there in
   * the background while the search's passes run, and the calling thread stays free to hand out passes.
   */
  readonly dualApart?: boolean;
  /**
   * Optional: plays seasons `ranges` (consecutive, each [from, to)) of the simulation run `key` under `units`
   * (simulationBlock.ts), one range per worker, resolving to their blocks in the order asked; `deadline` as
   * in SimulationOptions.
   */
  simulate?(
    model: Model,
    units: Int32Array,
    key: number,
    ranges: [number, number][],
    deadline?: number,
  ): Promise<SimulationBlock[]>;
  /** Optional: hands the workers the model ahead of its first pass, so they set up while the caller works. */
  prepare?(model: Model): void;
}

/** The fixed cut of `count` seasons into at most PASS_BLOCKS contiguous blocks [from, to). */
export function passBlocks(count: number): [number, number][] {
  const b = Math.max(1, Math.min(PASS_BLOCKS, count));
  const out: [number, number][] = [];
  for (let k = 0; k < b; k++) out.push([Math.floor((k * count) / b), Math.floor(((k + 1) * count) / b)]);
  return out;
}

/** Reusable state for playing seasons of one model (no allocation per season). */
export interface SeasonScratch {
  model: Model;
  tables: WalkTables;
  counters: SeasonCounters;
  trace: SeasonTrace;
  index?: RejectionIndex;
}

export function seasonScratch(model: Model, tables: WalkTables = walkTables(model)): SeasonScratch {
  return { model, tables, counters: seasonCounters(model.n), trace: seasonTrace(model.n) };
}

/** Profit of one played season (counters filled by playSeason). */
export function seasonProfit(model: Model, units: ArrayLike<number>, sales: Int32Array): number {
  let profit = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (x === 0) continue;
    profit += (model.price[i] - model.salvage[i]) * sales[i] + (model.salvage[i] - model.cost[i]) * x;
  }
  return profit;
}

/**
 * Empty sums for a block, the one-unit values' arrays included when the pass asks for them. One shape for
 * both kinds (every field there from the start): fields added later made the pass code that had seen only
 * profit passes bail out when the first traced pass came.
 */
export function emptySums(n: number, values: boolean): BlockSums {
  return {
    profit: 0,
    stopped: false,
    more: values ? new Float64Array(n) : undefined,
    fewer: values ? new Float64Array(n) : undefined,
    sales: values ? new Float64Array(n) : undefined,
  };
}

function stoppedAt(out: BlockSums): BlockSums {
  out.stopped = true;
  return out;
}

/** Sums over seasons `from .. to − 1` of the sample (a block), or one season at a time when from + 1 = to. */
export function blockSums(
  scratch: SeasonScratch,
  sample: Pick<PoolSample, "key" | "first">,
  request: PassRequest,
  from: number,
  to: number,
  into?: BlockSums,
): BlockSums {
  const { model, tables, counters, trace } = scratch;
  const n = model.n;
  const { units, values, which } = request;
  const out: BlockSums = into ?? emptySums(n, values);
  counters.deadline = request.deadline;
  for (let r = from; r < to; r++) {
    const key = seasonKey(sample.key, sample.first + r);
    if (!values) {
      play(model, units, key, counters, tables);
      if (counters.stopped) return stoppedAt(out);
      out.profit += seasonProfit(model, units, counters.sales);
      continue;
    }
    const more = out.more as Float64Array;
    const fewer = out.fewer as Float64Array;
    const sales = out.sales as Float64Array;
    play(model, units, key, counters, tables, trace);
    if (counters.stopped) return stoppedAt(out);
    out.profit += seasonProfit(model, units, counters.sales);
    scratch.index = rejectionIndex(n, trace, scratch.index);
    for (let i = 0; i < n; i++) {
      sales[i] += counters.sales[i];
      if (which && !which[i]) continue;
      more[i] += moreOf(model, i, scratch.index);
      if (units[i] > 0) fewer[i] += fewerOf(model, units, i, key, counters, trace, tables);
    }
  }
  return out;
}
