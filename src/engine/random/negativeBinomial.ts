// Negative binomial as a gamma–Poisson mixture, parameterised by its mean and the coefficient of
// variation of the count itself: Var = (cv·mean)² = mean + mean²/r, so r = mean² / (Var − mean).

import { sampleGamma } from "./gamma";
import { samplePoisson } from "./poisson";
import type { Rng } from "./rng";

export function sampleNegativeBinomial(rng: Rng, mean: number, cv: number): number {
  if (!(mean > 0)) return 0;
  const variance = cv * cv * mean * mean;
  if (!(variance > mean)) return samplePoisson(rng, mean);
  const r = (mean * mean) / (variance - mean);
  return samplePoisson(rng, sampleGamma(rng, r, mean / r));
}
