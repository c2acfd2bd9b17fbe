// A product on its own, with Poisson(mean) customers and no substitution: the classic newsvendor. Used by
// the `newsvendor` baseline, as a quick value of a unit when a plan must be trimmed to fit the rules, and
// by the pooling test (what demand randomness costs a product stocked on its own).

import { logFactorial } from "./poisson";

// Local aliases: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { exp, log, sqrt, floor, max } = Math;

/**
 * Where the sums over k may start: below mean − 10·√mean the Poisson mass is under e^−50 (Chernoff), nothing
 * in double precision next to the fractiles and sums here. Starting at 0 instead costs `mean` terms a product,
 * 10⁵ at a demand of 10⁵ (seconds over a catalogue under Jest), most of them underflowing to 0 anyway.
 */
function lowStart(mean: number): number {
  return max(0, floor(mean - 10 * sqrt(mean)));
}

/** log P(D = k). */
const logPmf = (mean: number, k: number) => k * log(mean) - mean - logFactorial(k);

/** P(D ≥ x) for D ~ Poisson(mean). */
export function poissonTail(mean: number, x: number): number {
  if (x <= 0) return 1;
  if (!(mean > 0)) return 0;
  // Sum the pmf below x from the mode outwards would be faster for huge x; x here is a stock level, and
  // beyond ~mean + 40·√mean the tail is 0 to double precision.
  if (x > mean + 40 * Math.sqrt(mean) + 40) return 0;
  let cdf = 0;
  for (let k = lowStart(mean); k < x; k++) cdf += exp(logPmf(mean, k));
  return max(0, 1 - cdf);
}

/** Smallest x with P(D ≤ x) ≥ fractile. */
export function poissonQuantile(mean: number, fractile: number): number {
  if (!(mean > 0) || !(fractile > 0)) return 0;
  const f = Math.min(fractile, 1 - 1e-12);
  let k = lowStart(mean);
  let logp = logPmf(mean, k);
  let cdf = exp(logp);
  const cap = Math.ceil(mean + 40 * sqrt(mean) + 40);
  while (cdf < f && k < cap) {
    k++;
    logp += log(mean / k);
    cdf += exp(logp);
  }
  return k;
}

/** E[min(D, x)]. */
export function expectedSalesPoisson(mean: number, x: number): number {
  if (x <= 0 || !(mean > 0)) return 0;
  // E[min(D, x)] = Σ_{k=1..x} P(D ≥ k), each term 1 up to the start.
  const start = Math.min(x, lowStart(mean));
  let total = start;
  let cdf = 0;
  let logp = logPmf(mean, start);
  for (let k = start + 1; k <= x; k++) {
    cdf += exp(logp); // P(D ≤ k − 1)
    logp += log(mean / k);
    const tail = 1 - cdf;
    if (tail <= 1e-15) break;
    total += tail;
  }
  return total;
}

/** Expected profit of x units: (p − s)·E[min(D, x)] − (c − s)·x. */
export function newsvendorProfit(mean: number, x: number, price: number, cost: number, salvage: number): number {
  return (price - salvage) * expectedSalesPoisson(mean, x) - (cost - salvage) * x;
}

/** Critical fractile (p − c)/(p − s): the stock-out probability a newsvendor accepts. */
export function criticalFractile(price: number, cost: number, salvage: number): number {
  return price > salvage ? (price - cost) / (price - salvage) : 0;
}
