// Goodness of fit against a continuous distribution for the samplers' tests: the Kolmogorov–Smirnov
// distance, and a critical value with a 1e-4 false-alarm rate so a correct sampler almost never fails.

/** sup |F_n − F| of a sample against a continuous CDF. */
export function ksDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const xs = sample.slice().sort();
  const n = xs.length;
  let d = 0;
  for (let k = 0; k < n; k++) {
    const f = cdf(xs[k]);
    d = Math.max(d, (k + 1) / n - f, f - k / n);
  }
  return d;
}

/** The KS distance exceeded with probability 1e-4 under the null (asymptotic √(ln(2/α)/2)/√n). */
export const ksCritical = (n: number): number => Math.sqrt(Math.log(2 / 1e-4) / 2 / n);
