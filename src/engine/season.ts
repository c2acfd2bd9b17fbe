// One simulated season (model.md §2) under a plan: customers arrive one at a time, each walks her
// pre-determined preference path and buys the first product that still has stock, or leaves.
//
// Common random numbers: season r's traffic comes from its own generator, and customer c's first choice
// and walk from the counter-based hash of (season, c, step). So a customer walks the same path whatever the
// plan; two plans differ only through stock. Steps that a plan never takes are never drawn.

import { hash32, hashPair } from "./hash";
import type { Model } from "./instance";
import { sampleNegativeBinomial } from "./negativeBinomial";
import { samplePoisson } from "./poisson";
import { Rng } from "./rng";
import { walkTables, type WalkTables } from "./walkTables";

const TWO_TO_MINUS_32 = 1 / 4294967296;

/** Per-season counters, reused between seasons (no allocation in the loop). */
export interface SeasonCounters {
  stock: Int32Array;
  sales: Int32Array;
  /** Customers whose first choice was i and who left without buying anything. */
  lost: Int32Array;
  /** Sales of i to customers whose first choice was another product. */
  inflow: Int32Array;
  customers: number;
  steps: number;
}

export function seasonCounters(n: number): SeasonCounters {
  return {
    stock: new Int32Array(n), sales: new Int32Array(n), lost: new Int32Array(n), inflow: new Int32Array(n),
    customers: 0, steps: 0,
  };
}

/** The number of customers in season r's traffic. */
export function seasonTraffic(model: Model, rng: Rng): number {
  const { distribution, cv } = model.customers;
  if (distribution === "fixed") return Math.round(model.totalDemand);
  if (distribution === "negbin") return sampleNegativeBinomial(rng, model.totalDemand, cv);
  return samplePoisson(rng, model.totalDemand);
}

/** Key of season `rep` under a run seed key. */
export function seasonKey(seedKey: number, rep: number): number {
  return hashPair(seedKey, rep);
}

/** Plays season `key` with the plan's units; fills `out` (counters are reset first). */
export function playSeason(model: Model, plan: ArrayLike<number>, key: number, out: SeasonCounters, tables: WalkTables = walkTables(model)): void {
  const n = model.n;
  const { stock, sales, lost, inflow } = out;
  for (let i = 0; i < n; i++) stock[i] = plan[i];
  sales.fill(0);
  lost.fill(0);
  inflow.fill(0);
  const rng = new Rng(key);
  const customers = seasonTraffic(model, rng);
  const { firstKeep, firstAlias, start, size, keep, primary, alias } = tables;
  let steps = 0;
  for (let c = 0; c < customers; c++) {
    // First choice by λ from the customer's own hash (a 32-bit uniform: each outcome's probability is
    // exact to within 2^-32).
    const customerKey = hash32((key ^ Math.imul(c + 1, 0x85ebca6b)) >>> 0);
    let x = customerKey * TWO_TO_MINUS_32 * n;
    let i = Math.floor(x);
    if (x - i >= firstKeep[i]) i = firstAlias[i];
    const first = i;
    let step = 0;
    for (;;) {
      steps++;
      if (stock[i] > 0) {
        stock[i]--;
        sales[i]++;
        if (i !== first) inflow[i]++;
        break;
      }
      const m = size[i];
      if (m === 0) {
        lost[first]++;
        break;
      }
      step++;
      x = hash32((customerKey + Math.imul(step, 0x9e3779b9)) >>> 0) * TWO_TO_MINUS_32 * m;
      const k = Math.floor(x);
      const at = start[i] + k;
      const next = x - k < keep[at] ? primary[at] : alias[at];
      if (next < 0) {
        lost[first]++;
        break;
      }
      i = next;
    }
  }
  out.customers = customers;
  out.steps = steps;
}
