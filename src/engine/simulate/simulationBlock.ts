// A run of consecutive seasons of a simulation (simulate.ts), played and summed: what the final evaluation
// hands a worker. Per-season figures that are not whole numbers (profit, revenue, salvage) come back one per
// season, so the caller adds them in season order; the per-product counts are whole numbers, exact in any
// order. So a simulation split into blocks, here or across any number of workers, gives the same result to
// the last bit as one played season by season.

import type { Model } from "../model/instance";
import { playSeason, seasonKey, type SeasonCounters } from "./season";
import type { WalkTables } from "./walkTables";

export interface SimulationBlock {
  /** Seasons played to their end (fewer than asked when the deadline cut one: the rest are not played). */
  played: number;
  /** Share of the cut season played before the deadline (0 when none was cut). */
  cut: number;
  /** Per season played: profit, revenue, and salvage of the units left. */
  profit: Float64Array;
  revenue: Float64Array;
  salvage: Float64Array;
  /** Per product, summed over the seasons played: whole numbers. */
  sales: Float64Array;
  salesSq: Float64Array;
  lost: Float64Array;
  out: Float64Array;
  inflow: Float64Array;
  customers: number;
  lostCustomers: number;
  steps: number;
  cappedWalks: number;
}

/** A block of `count` seasons and `n` products with nothing played yet. */
function emptyBlock(n: number, count: number): SimulationBlock {
  return {
    played: 0,
    cut: 0,
    profit: new Float64Array(count),
    revenue: new Float64Array(count),
    salvage: new Float64Array(count),
    sales: new Float64Array(n),
    salesSq: new Float64Array(n),
    lost: new Float64Array(n),
    out: new Float64Array(n),
    inflow: new Float64Array(n),
    customers: 0,
    lostCustomers: 0,
    steps: 0,
    cappedWalks: 0,
  };
}

/** Seasons from .. to − 1 of the run `key` under `units`, stopping at the counters' deadline. */
export function simulationBlock(
  model: Model,
  units: Int32Array,
  key: number,
  from: number,
  to: number,
  tables: WalkTables,
  season: SeasonCounters,
  deadline?: number,
): SimulationBlock {
  const n = model.n;
  const count = Math.max(0, to - from);
  const b = emptyBlock(n, count);
  let fixedPart = 0; // Σ (s − c)·x: paid whatever happens
  let unitsSalvage = 0;
  for (let i = 0; i < n; i++) {
    unitsSalvage += model.salvage[i] * units[i];
    fixedPart += (model.salvage[i] - model.cost[i]) * units[i];
  }
  season.deadline = deadline;
  for (let k = 0; k < count; k++) {
    playSeason(model, units, seasonKey(key, from + k), season, tables);
    if (season.stopped) {
      b.cut = season.customers > 0 ? season.played / season.customers : 0;
      break;
    }
    // profit = Σ p·sales + s·(x − sales) − c·x = Σ (s − c)·x + Σ (p − s)·sales
    let rev = 0;
    let soldSalvage = 0;
    for (let i = 0; i < n; i++) {
      const s = season.sales[i];
      if (s > 0) {
        rev += model.price[i] * s;
        soldSalvage += model.salvage[i] * s;
        b.sales[i] += s;
        b.salesSq[i] += s * s;
        b.inflow[i] += season.inflow[i];
      }
      if (season.lost[i] > 0) {
        b.lost[i] += season.lost[i];
        b.lostCustomers += season.lost[i];
      }
      if (units[i] > 0 && season.stock[i] === 0) b.out[i]++;
    }
    b.profit[k] = fixedPart + (rev - soldSalvage);
    b.revenue[k] = rev;
    b.salvage[k] = unitsSalvage - soldSalvage;
    b.customers += season.customers;
    b.steps += season.steps;
    b.cappedWalks += season.cappedWalks;
    b.played++;
  }
  return b;
}

/** Blocks of consecutive ranges as one: up to the first one a deadline cut (the later ones are dropped). */
export function joinBlocks(blocks: SimulationBlock[], n: number): SimulationBlock {
  if (blocks.length === 1) return blocks[0];
  const kept: SimulationBlock[] = [];
  for (const b of blocks) {
    kept.push(b);
    if (b.profit.length > b.played) break;
  }
  const played = kept.reduce((a, b) => a + b.played, 0);
  const out = emptyBlock(n, played);
  out.played = played;
  out.cut = kept[kept.length - 1].cut;
  let at = 0;
  for (const b of kept) {
    out.profit.set(b.profit.subarray(0, b.played), at);
    out.revenue.set(b.revenue.subarray(0, b.played), at);
    out.salvage.set(b.salvage.subarray(0, b.played), at);
    at += b.played;
    for (let i = 0; i < n; i++) {
      out.sales[i] += b.sales[i];
      out.salesSq[i] += b.salesSq[i];
      out.lost[i] += b.lost[i];
      out.out[i] += b.out[i];
      out.inflow[i] += b.inflow[i];
    }
    out.customers += b.customers;
    out.lostCustomers += b.lostCustomers;
    out.steps += b.steps;
    out.cappedWalks += b.cappedWalks;
  }
  return out;
}
