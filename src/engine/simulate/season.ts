// One simulated season (docs/model.md §2) under a plan: customers arrive one at a time, each walks her
// pre-determined preference path and buys the first product that still has stock, or leaves.
//
// Common random numbers: season r's traffic comes from its own generator, and customer c's first choice
// and walk from the counter-based hash of (season, c, step). So a customer walks the same path whatever the
// plan; two plans differ only through stock. Steps that a plan never takes are never drawn.

import { hash32, hashPair } from "../random/hash";
import type { Model } from "../model/instance";
import { sampleNegativeBinomial } from "../random/negativeBinomial";
import { samplePoisson } from "../random/poisson";
import { Rng } from "../random/rng";
import { walkTables, type WalkTables } from "./walkTables";
import { WALK_CAP } from "../model/limits";

// Local aliases: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { imul, floor } = Math;
// Module loaders that keep live bindings (CommonJS interop in Jest and tsx) call imports through a getter;
// a local reference keeps the per-step hash a direct call.
const hash = hash32;
const CAP = WALK_CAP;

const TWO_TO_MINUS_32 = 1 / 4294967296;
/** Customer-steps between looks at the clock when a season has a deadline (a few milliseconds of work). */
const CLOCK_STEPS = 1 << 20;

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
  /** Customers who reached WALK_CAP moves and were sent away (validation makes this all but impossible). */
  cappedWalks: number;
  /** Date.now() after which a season stops part-way (checked every ~million steps); unset: never. */
  deadline?: number;
  /** True when the deadline stopped the last season part-way: its counters are incomplete, discard them. */
  stopped: boolean;
  /** Customers played before the deadline stopped the season (= customers when it ran to its end). */
  played: number;
}

export function seasonCounters(n: number): SeasonCounters {
  return {
    stock: new Int32Array(n),
    sales: new Int32Array(n),
    lost: new Int32Array(n),
    inflow: new Int32Array(n),
    customers: 0,
    steps: 0,
    cappedWalks: 0,
    stopped: false,
    played: 0,
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

/** The hash that seeds customer c's first choice and walk in season `key`. */
export function customerKeyOf(key: number, c: number): number {
  return hash((key ^ imul(c + 1, 0x85ebca6b)) >>> 0);
}

/** Where a customer standing at unavailable product i goes at her `step`-th move: a product, or −1 (leaves). */
export function walkStep(tables: WalkTables, i: number, customerKey: number, step: number): number {
  const m = tables.size[i];
  if (m === 0) return -1;
  const x = hash((customerKey + imul(step, 0x9e3779b9)) >>> 0) * TWO_TO_MINUS_32 * m;
  const k = floor(x);
  const at = tables.start[i] + k;
  const alias = tables.alias[at];
  return alias + +(x - k < tables.keep[at]) * (tables.primary[at] - alias);
}

/**
 * What a season looked like from the inside, for exact one-unit what-ifs (marginalValues.ts): who bought
 * each product's last unit and at which step of her walk, and every visit that found a product empty
 * (with where that customer ended up).
 */
export interface SeasonTrace {
  /** Customer who bought i's last unit (−1 if i never sold out), and her step counter then. */
  lastBuyer: Int32Array;
  lastBuyerStep: Int32Array;
  /** Visits that found a product empty, in time order: product, customer, and her final purchase (−1 left). */
  rejectedProduct: Int32Array;
  rejectedCustomer: Int32Array;
  rejectedOutcome: Int32Array;
  rejections: number;
}

export function seasonTrace(n: number): SeasonTrace {
  const cap = 1024;
  return {
    lastBuyer: new Int32Array(n),
    lastBuyerStep: new Int32Array(n),
    rejectedProduct: new Int32Array(cap),
    rejectedCustomer: new Int32Array(cap),
    rejectedOutcome: new Int32Array(cap),
    rejections: 0,
  };
}

function growTrace(t: SeasonTrace): void {
  const cap = t.rejectedProduct.length * 2;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  t.rejectedProduct = grow(t.rejectedProduct);
  t.rejectedCustomer = grow(t.rejectedCustomer);
  t.rejectedOutcome = grow(t.rejectedOutcome);
}

/** Plays season `key` with the plan's units; fills `out` (counters are reset first) and, if given, `trace`. */
export function playSeason(
  model: Model,
  plan: ArrayLike<number>,
  key: number,
  out: SeasonCounters,
  tables: WalkTables = walkTables(model),
  trace?: SeasonTrace,
): void {
  const n = model.n;
  const { stock, sales, lost, inflow } = out;
  for (let i = 0; i < n; i++) stock[i] = plan[i];
  lost.fill(0);
  inflow.fill(0);
  if (trace) {
    trace.lastBuyer.fill(-1);
    trace.rejections = 0;
  }
  const rng = new Rng(key);
  const customers = seasonTraffic(model, rng);
  const { firstKeep, firstAlias, start, size, keep, primary, alias } = tables;
  // n·2^-32 is exact, so u·(n·2^-32) rounds as (u·2^-32)·n does: the same draw, one multiply fewer.
  const firstScale = n * TWO_TO_MINUS_32;
  let steps = 0;
  let capped = 0;
  // A season of many customers or long walks can outlast a time limit: look at the clock now and then.
  const deadline = out.deadline;
  let nextClock = deadline === undefined ? Infinity : 0; // a season that starts past its deadline never runs
  out.stopped = false;
  let c = 0;
  for (; c < customers; c++) {
    if (steps >= nextClock) {
      nextClock = steps + CLOCK_STEPS;
      if (Date.now() > (deadline as number)) {
        out.stopped = true;
        break;
      }
    }
    // First choice by λ from the customer's own hash (a 32-bit uniform: each outcome's probability is
    // exact to within 2^-32).
    const customerKey = customerKeyOf(key, c);
    let x = customerKey * firstScale;
    let i = floor(x);
    // Branch-free alias pick (same outcome as `if (x − i ≥ keep) i = alias`): the branch is a coin flip the
    // processor mispredicts half the time, which was 40% of a season's time.
    i += +(x - i >= firstKeep[i]) * (firstAlias[i] - i);
    const first = i;
    const firstRejection = trace ? trace.rejections : 0;
    let outcome = -1;
    let step = 0;
    for (;;) {
      steps++;
      if (stock[i] > 0) {
        stock[i]--;
        if (i !== first) inflow[i]++;
        if (trace && stock[i] === 0) {
          trace.lastBuyer[i] = c;
          trace.lastBuyerStep[i] = step;
        }
        outcome = i;
        break;
      }
      if (trace) {
        if (trace.rejections === trace.rejectedProduct.length) growTrace(trace);
        trace.rejectedProduct[trace.rejections] = i;
        trace.rejectedCustomer[trace.rejections++] = c;
      }
      const m = size[i];
      if (m === 0) {
        lost[first]++;
        break;
      }
      // No walk runs forever: after WALK_CAP moves she leaves (oneFewerUnit replays walks by the same rule).
      if (step === CAP) {
        lost[first]++;
        capped++;
        break;
      }
      step++;
      x = hash((customerKey + imul(step, 0x9e3779b9)) >>> 0) * TWO_TO_MINUS_32 * m;
      const k = floor(x);
      const at = start[i] + k;
      const next = alias[at] + +(x - k < keep[at]) * (primary[at] - alias[at]);
      if (next < 0) {
        lost[first]++;
        break;
      }
      i = next;
    }
    if (trace) for (let e = firstRejection; e < trace.rejections; e++) trace.rejectedOutcome[e] = outcome;
  }
  // Stock only ever goes to a buyer: sales are what left the shelf (one count fewer per customer).
  for (let i = 0; i < n; i++) sales[i] = plan[i] - stock[i];
  out.customers = customers;
  out.played = c;
  out.steps = steps;
  out.cappedWalks = capped;
}
