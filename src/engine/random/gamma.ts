// Gamma variates by Marsaglia and Tsang's method ("A simple method for generating gamma variables", 2000).

import type { Rng } from "./rng";

export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
    return sampleGamma(rng, shape + 1, scale) * Math.pow(rng.nextOpen(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextOpen();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
