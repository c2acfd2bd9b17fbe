// Poisson variates: inversion for small means, Hörmann's PTRS (transformed rejection with squeeze,
// "The transformed rejection method for generating Poisson random variables", 1993) for mean ≥ 10.

import type { Rng } from "./rng";

const LOG_FACT_TABLE: number[] = [
  0, 0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046, 6.579251212010101,
  8.525161361065415, 10.60460290274525, 12.801827480081469,
];

/** log(k!) exact for small k, Stirling series beyond. */
export function logFactorial(k: number): number {
  if (k < 10) return LOG_FACT_TABLE[k];
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046727 + 1 / (12 * x) - 1 / (360 * x * x * x);
}

export function samplePoisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    // Inversion by sequential search.
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = rng.next();
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.nextOpen();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k))
      return k;
  }
}
