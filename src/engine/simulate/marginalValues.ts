// Exact profit change of one more, or one fewer, unit of each product in one simulated season, from a
// single traced run of the plan (common random numbers: every customer keeps her walk).
//
// One more unit of i: customers who bought i before it sold out still do; the first customer who found i
// empty now buys the extra unit. If she had left empty-handed, that is all: +p_i. If she had bought j, j
// now has a spare unit, which goes to the first customer who found j empty after her, and so on: the spare
// unit floats forward in time until a customer who had left takes it (revenue change telescopes to +p_i) or
// nobody wants it (it ends as leftover at q: +p_i − p_q + s_q). Stock differs from the traced run at one
// product at a time, so everybody else behaves as traced.
//
// One fewer unit of i: if i had leftover, nothing changes but the salvage (−s_i). Otherwise the customer
// who bought its last unit now finds it empty and walks on from where she stood, buying the first product
// still in stock at her time (or leaving). That product is now one unit short: if it had leftover, the hole
// is absorbed (+p_q − s_q); otherwise its own last buyer is displaced in turn. Revenue telescopes to −p_i.

import type { Model } from "../model/instance";
import { customerKeyOf, walkStep, type SeasonCounters, type SeasonTrace } from "./season";
import type { WalkTables } from "./walkTables";
import { WALK_CAP } from "../model/limits";

// Local references: loaders with live bindings (tsx, Jest) call imports through a getter in hot loops.
const CAP = WALK_CAP;
const keyOf = customerKeyOf;
const stepOf = walkStep;

/** Rejections grouped by product (each group in time order), for binary search by customer. */
export interface RejectionIndex {
  start: Int32Array;
  customer: Int32Array;
  outcome: Int32Array;
}

export function rejectionIndex(n: number, trace: SeasonTrace, into?: RejectionIndex): RejectionIndex {
  const m = trace.rejections;
  const start = into && into.start.length === n + 1 ? into.start : new Int32Array(n + 1);
  start.fill(0);
  const customer = into && into.customer.length >= m ? into.customer : new Int32Array(Math.max(16, m * 1.5));
  const outcome = into && into.outcome.length >= m ? into.outcome : new Int32Array(customer.length);
  for (let e = 0; e < m; e++) start[trace.rejectedProduct[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  // Stable counting sort keeps each product's rejections in time order.
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    const at = fill[trace.rejectedProduct[e]]++;
    customer[at] = trace.rejectedCustomer[e];
    outcome[at] = trace.rejectedOutcome[e];
  }
  return { start, customer, outcome };
}

/** First rejection at product q by a customer after `after`, or −1. */
function firstRejectionAfter(idx: RejectionIndex, q: number, after: number): number {
  let lo = idx.start[q];
  let hi = idx.start[q + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idx.customer[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < idx.start[q + 1] ? lo : -1;
}

/** Profit change of one more unit of i in the traced season. */
export function oneMoreUnit(model: Model, i: number, idx: RejectionIndex): number {
  let q = i;
  let after = -1;
  for (;;) {
    const e = firstRejectionAfter(idx, q, after);
    if (e < 0) return model.price[i] - model.price[q] + model.salvage[q] - model.cost[i];
    const o = idx.outcome[e];
    if (o < 0) return model.price[i] - model.cost[i];
    after = idx.customer[e];
    q = o;
  }
}

/** Profit change of one fewer unit of i (which must have at least one) in the traced season. */
export function oneFewerUnit(
  model: Model,
  plan: ArrayLike<number>,
  i: number,
  key: number,
  counters: SeasonCounters,
  trace: SeasonTrace,
  tables: WalkTables,
): number {
  const { stock } = counters;
  if (stock[i] > 0) return model.cost[i] - model.salvage[i];
  let buyer = trace.lastBuyer[i];
  let step = trace.lastBuyerStep[i];
  let q = i;
  for (;;) {
    // The displaced buyer walks on from q; a product is in stock at her time if it had units and either
    // never sold out or sold its last unit to a later customer.
    const walker = keyOf(key, buyer);
    let at = q;
    let bought = -1;
    // The season's own cap: after WALK_CAP moves she leaves, as playSeason sends her away.
    while (step < CAP) {
      step++;
      at = stepOf(tables, at, walker, step);
      if (at < 0) break;
      if (plan[at] > 0 && (stock[at] > 0 || trace.lastBuyer[at] > buyer)) {
        bought = at;
        break;
      }
    }
    if (bought < 0) return model.cost[i] - model.price[i];
    if (stock[bought] > 0) return model.cost[i] - model.price[i] + model.price[bought] - model.salvage[bought];
    q = bought;
    step = trace.lastBuyerStep[q];
    buyer = trace.lastBuyer[q];
  }
}
