// Synthetic sales history drawn from a known Markov chain, for examples and benchmarks of the estimator:
// days (periods) with random stock-outs, customers walking the chain from their first choice until they
// find something available or leave. Deterministic for a seed.

import { seedKey } from "../random/hash";
import type { SparseSubstitution } from "../model/instance";
import { Rng } from "../random/rng";

export interface SampleHistoryOptions {
  /** Customers in all. */
  customers: number;
  /** Customers per period with the same availability (default 50). */
  customersPerPeriod?: number;
  /** Chance that a product is available in a period (default 0.75). */
  availability?: number;
  seed?: number | string;
}

export interface SampledCustomer {
  /** Available product indices, ascending. */
  offered: number[];
  /** Index bought, or -1. */
  purchased: number;
  /** The period (0-based) she came in. */
  period: number;
}

/**
 * @param lambda first-choice probabilities of the products (Σλ = 1 − noPurchaseShare)
 * @param noPurchaseShare customers who want nothing and leave at once
 */
export function sampleHistory(
  lambda: ArrayLike<number>,
  noPurchaseShare: number,
  sub: SparseSubstitution,
  options: SampleHistoryOptions,
): SampledCustomer[] {
  const n = lambda.length;
  const rng = new Rng(seedKey(options.seed ?? 1));
  const perPeriod = Math.max(1, options.customersPerPeriod ?? 50);
  const share = options.availability ?? 0.75;
  const cumulative = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cumulative[i] = acc += lambda[i];
  const total = acc + noPurchaseShare;
  const out: SampledCustomer[] = [];
  const available = new Uint8Array(n);
  let offered: number[] = [];
  for (let c = 0; c < options.customers; c++) {
    const period = Math.floor(c / perPeriod);
    if (c % perPeriod === 0) {
      do {
        offered = [];
        for (let i = 0; i < n; i++) {
          available[i] = rng.next() < share ? 1 : 0;
          if (available[i]) offered.push(i);
        }
      } while (offered.length === 0);
    }
    // First choice by bisection on the cumulative shares; past the end = wants nothing.
    const u = rng.next() * total;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    let at = lo < n ? lo : -1;
    while (at >= 0 && !available[at]) {
      let v = rng.next();
      let next = -1;
      for (let e = sub.rowStart[at]; e < sub.rowStart[at + 1]; e++) {
        v -= sub.prob[e];
        if (v < 0) {
          next = sub.col[e];
          break;
        }
      }
      at = next;
    }
    out.push({ offered, purchased: at, period });
  }
  return out;
}
