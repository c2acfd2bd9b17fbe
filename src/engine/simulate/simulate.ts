// Monte Carlo estimate of a plan's expected profit and per-product outcomes, with its uncertainty.
// Seasons are independent given the seed; replications are chosen by the caller (reps) or run until the
// standard error reaches a target precision.

import { seedKey } from "../random/hash";
import { yieldToHost } from "./host";
import type { Model } from "../model/instance";
import { seasonCounters } from "./season";
import { joinBlocks, simulationBlock, type SimulationBlock } from "./simulationBlock";
import type { SeasonPool } from "./seasonPool";
import { walkTables } from "./walkTables";
import { MAX_UNITS } from "../model/limits";

export interface SimulationOptions {
  /** Exact number of seasons to simulate (overrides the precision target). */
  reps?: number;
  /** Stop once the standard error of the profit is at most this share of |expected profit| (default 0.002). */
  targetRelativeError?: number;
  /** Stop once the standard error is at most this amount (in currency). */
  targetStdError?: number;
  minReps?: number;
  maxReps?: number;
  seed?: number | string;
  /** Called between batches with the share done (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between batches; true stops early (the result covers the seasons run so far). */
  shouldStop?: () => boolean;
  /**
   * Date.now() after which to stop (the result covers the complete seasons so far; a season the deadline
   * cuts is discarded). It applies from the first season, so a run may end with fewer than 2 seasons and no
   * standard error: callers that need one refuse the result (workBudget.ts, tooFewSeasons).
   */
  deadline?: number;
}

export interface ProductOutcome {
  expectedSales: Float64Array;
  expectedLeftover: Float64Array;
  /** Expected customers whose first choice it was (D_i, exactly). */
  firstChoiceDemand: Float64Array;
  /** Expected first-choice customers of this product who left the store without buying. */
  lostFirstChoice: Float64Array;
  /** Probability the product sells out during the season (NaN when not stocked). */
  stockoutProbability: Float64Array;
  /** Expected sales to customers whose first choice was another product. */
  substitutionInflow: Float64Array;
  /** Share of its first-choice customers served from its own stock (NaN when its demand is 0). */
  fillRate: Float64Array;
  /** Standard error of expectedSales. */
  salesStdError: Float64Array;
}

export interface SimulationResult {
  expectedProfit: number;
  stdError: number;
  ci95: [number, number];
  reps: number;
  /** True when shouldStop or the deadline ended the run before its target. */
  stopped: boolean;
  /** True when the deadline ended the run before its target. */
  timeLimited: boolean;
  /** Share of the season the deadline cut that was played before it (0 when none was cut). */
  cutSeason: number;
  expectedRevenue: number;
  expectedSalvage: number;
  purchaseCost: number;
  expectedUnitsSold: number;
  expectedCustomers: number;
  expectedLostCustomers: number;
  /** Total product visits simulated (customer-steps): the work done. */
  customerSteps: number;
  /** Customers sent away at the walk cap (WALK_CAP moves) over all seasons; 0 on any validated instance in practice. */
  cappedWalks: number;
  products: ProductOutcome;
}

const Z95 = 1.959963984540054;

/** What the simulation asks its driver for: a range of seasons played (a block), or a turn for the host. */
type Ask = { from: number; to: number } | null;

export function simulate(model: Model, plan: ArrayLike<number>, options: SimulationOptions = {}): SimulationResult {
  const run = simulation(model, plan, options);
  const here = playHere(model, run.units, seedKey(options.seed ?? 1));
  let answer: SimulationBlock | undefined;
  for (;;) {
    const next = run.steps.next(answer as SimulationBlock);
    if (next.done) return next.value;
    answer = next.value ? here(next.value.from, next.value.to, options.deadline) : undefined;
  }
}

/**
 * The same, yielding to the host between batches (about 2 million customer-steps each) so a cancel is seen;
 * with a `pool` each batch is split across its workers, with the same result to the last bit.
 */
export async function simulateAsync(
  model: Model,
  plan: ArrayLike<number>,
  options: SimulationOptions & { pool?: SeasonPool } = {},
): Promise<SimulationResult> {
  const run = simulation(model, plan, options);
  const pool = options.pool?.simulate && options.pool.workers > 0 ? options.pool : undefined;
  const key = seedKey(options.seed ?? 1);
  const here = playHere(model, run.units, key);
  let answer: SimulationBlock | undefined;
  for (;;) {
    const next = run.steps.next(answer as SimulationBlock);
    if (next.done) return next.value;
    const ask = next.value;
    if (ask === null) {
      await yieldToHost();
      answer = undefined;
    } else if (pool) {
      const ranges = splitRange(ask.from, ask.to, pool.workers);
      answer = joinBlocks(await pool.simulate!(model, run.units, key, ranges, options.deadline), model.n);
    } else {
      answer = here(ask.from, ask.to, options.deadline);
    }
  }
}

/** Contiguous shares of [from, to), one per worker (none empty). */
function splitRange(from: number, to: number, parts: number): [number, number][] {
  const count = to - from;
  const k = Math.max(1, Math.min(parts, count));
  const out: [number, number][] = [];
  for (let w = 0; w < k; w++) out.push([from + Math.floor((w * count) / k), from + Math.floor(((w + 1) * count) / k)]);
  return out;
}

/** Plays blocks of the run `key` on this thread. */
function playHere(model: Model, units: Int32Array, key: number) {
  const tables = walkTables(model);
  const season = seasonCounters(model.n);
  return (from: number, to: number, deadline?: number) =>
    simulationBlock(model, units, key, from, to, tables, season, deadline);
}

/** The plan checked, and the simulation as a generator asking for blocks of seasons and host turns. */
function simulation(
  model: Model,
  plan: ArrayLike<number>,
  options: SimulationOptions,
): { units: Int32Array; steps: Generator<Ask, SimulationResult, SimulationBlock> } {
  const units = checkedUnits(model, plan);
  return { units, steps: simulationSteps(model, units, options) };
}

function checkedUnits(model: Model, plan: ArrayLike<number>): Int32Array {
  const units = new Int32Array(model.n);
  for (let i = 0; i < model.n; i++) {
    const q = plan[i];
    if (!(q >= 0) || !Number.isInteger(q))
      throw new RangeError(`units of ${model.ids[i]} must be a whole number, 0 or more (got ${q})`);
    if (q > MAX_UNITS)
      throw new RangeError(`units of ${model.ids[i]}: ${q} is more than the ${MAX_UNITS} a plan can hold`);
    units[i] = q;
  }
  return units;
}

function* simulationSteps(
  model: Model,
  units: Int32Array,
  options: SimulationOptions,
): Generator<Ask, SimulationResult, SimulationBlock> {
  const n = model.n;
  const fixedReps = options.reps;
  const minReps = fixedReps ?? Math.max(2, options.minReps ?? 100);
  const maxReps = fixedReps ?? Math.max(minReps, options.maxReps ?? 20000);
  const relTarget = options.targetRelativeError ?? (options.targetStdError === undefined ? 0.002 : 0);
  const absTarget = options.targetStdError ?? 0;

  const sum = {
    sales: new Float64Array(n),
    salesSq: new Float64Array(n),
    lost: new Float64Array(n),
    out: new Float64Array(n),
    inflow: new Float64Array(n),
  };
  let purchaseCost = 0;
  for (let i = 0; i < n; i++) purchaseCost += model.cost[i] * units[i];
  // Welford running mean and variance of season profit.
  let reps = 0;
  let mean = 0;
  let m2 = 0;
  let revenue = 0;
  let salvageValue = 0;
  let customers = 0;
  let lostCustomers = 0;
  let steps = 0;
  let cappedWalks = 0;
  let stopped = false;
  let timeLimited = false;
  let cutSeason = 0;
  const deadline = options.deadline;
  let batch = Math.min(minReps, 16);
  while (reps < maxReps) {
    const end = Math.min(maxReps, reps + batch);
    const asked = end - reps;
    const block: SimulationBlock = yield { from: reps, to: end };
    // In season order: the same sums, bit for bit, however the block was split.
    for (let k = 0; k < block.played; k++) {
      const profit = block.profit[k];
      reps++;
      const d = profit - mean;
      mean += d / reps;
      m2 += d * (profit - mean);
      revenue += block.revenue[k];
      salvageValue += block.salvage[k];
    }
    for (let i = 0; i < n; i++) {
      sum.sales[i] += block.sales[i];
      sum.salesSq[i] += block.salesSq[i];
      sum.lost[i] += block.lost[i];
      sum.out[i] += block.out[i];
      sum.inflow[i] += block.inflow[i];
    }
    customers += block.customers;
    lostCustomers += block.lostCustomers;
    steps += block.steps;
    cappedWalks += block.cappedWalks;
    if (block.played < asked) {
      timeLimited = true;
      cutSeason = block.cut;
    }
    options.onProgress?.(reps / maxReps);
    if (timeLimited || reps >= maxReps) break;
    if (deadline !== undefined && Date.now() > deadline) {
      timeLimited = true;
      break;
    }
    yield null;
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    if (fixedReps === undefined && reps >= minReps) {
      const se = reps > 1 ? Math.sqrt(m2 / (reps - 1) / reps) : Infinity;
      if (se <= absTarget || se <= relTarget * Math.abs(mean)) break;
    }
    // Aim for batches of about two million steps so progress and cancellation stay responsive.
    const perRep = Math.max(1, block.steps / batch);
    batch = Math.max(1, Math.min(maxReps - reps, Math.round(2e6 / perRep)));
  }
  const stdError = reps > 1 ? Math.sqrt(m2 / (reps - 1) / reps) : NaN;
  const r = Math.max(1, reps);
  const products: ProductOutcome = {
    expectedSales: new Float64Array(n),
    expectedLeftover: new Float64Array(n),
    firstChoiceDemand: new Float64Array(n),
    lostFirstChoice: new Float64Array(n),
    stockoutProbability: new Float64Array(n),
    substitutionInflow: new Float64Array(n),
    fillRate: new Float64Array(n),
    salesStdError: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const es = sum.sales[i] / r;
    products.expectedSales[i] = es;
    products.expectedLeftover[i] = units[i] - es;
    products.firstChoiceDemand[i] = model.demand[i];
    products.lostFirstChoice[i] = sum.lost[i] / r;
    products.stockoutProbability[i] = units[i] > 0 ? sum.out[i] / r : NaN;
    products.substitutionInflow[i] = sum.inflow[i] / r;
    products.fillRate[i] = model.demand[i] > 0 ? (sum.sales[i] - sum.inflow[i]) / r / model.demand[i] : NaN;
    products.salesStdError[i] = reps > 1 ? Math.sqrt(Math.max(0, sum.salesSq[i] / r - es * es) / (reps - 1)) : NaN;
  }
  return {
    expectedProfit: mean,
    stdError,
    ci95: [mean - Z95 * stdError, mean + Z95 * stdError],
    reps,
    stopped: stopped || timeLimited,
    timeLimited,
    cutSeason,
    expectedRevenue: revenue / r,
    expectedSalvage: salvageValue / r,
    purchaseCost,
    expectedUnitsSold: sum.sales.reduce((a, b) => a + b, 0) / r,
    expectedCustomers: customers / r,
    expectedLostCustomers: lostCustomers / r,
    customerSteps: steps,
    cappedWalks,
    products,
  };
}
