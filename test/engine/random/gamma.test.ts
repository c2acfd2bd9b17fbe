// Gamma variates (src/engine/gamma.ts, Marsaglia–Tsang with the shape < 1 boost): golden values for a
// seed, mean shape·scale and variance shape·scale², and the whole distribution against the gamma CDF by
// the Kolmogorov–Smirnov distance, for shapes below, at and above 1.

import { sampleGamma } from "../../../src/engine/random/gamma";
import { Rng } from "../../../src/engine/random/rng";
import { ksCritical, ksDistance } from "../groundTruth/kolmogorovSmirnov";

/**
 * Regularised lower incomplete gamma P(a, x) = e^(−x)·x^a·Σ_{n≥0} x^n / Γ(a + n + 1), given Γ(a + 1); the
 * shapes below have Γ in closed form (Γ(1.5) = √π/2, Γ(3.5) = 15√π/8, integers: factorials).
 */
function gammaCdf(a: number, gammaOfAPlus1: number, x: number): number {
  if (x <= 0) return 0;
  let term = 1 / gammaOfAPlus1;
  let sum = term;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(-x + a * Math.log(x)) * sum);
}

test("golden values (seed 3): shape 2.5 scale 3, then shape 0.4", () => {
  const r = new Rng(3);
  expect(Array.from({ length: 4 }, () => sampleGamma(r, 2.5, 3))).toEqual([
    6.344095890253778, 6.206702449872347, 2.8837095071270853, 5.034483096066233,
  ]);
  expect(Array.from({ length: 3 }, () => sampleGamma(r, 0.4, 1))).toEqual([
    0.4042904911729135, 0.003178330029759439, 0.02661329437300183,
  ]);
});

const SQRT_PI = Math.sqrt(Math.PI);
// [shape, Γ(shape + 1), scale]
const cases: [number, number, number][] = [
  [0.5, SQRT_PI / 2, 2],
  [1, 1, 0.7],
  [2.5, (15 * SQRT_PI) / 8, 3],
  [3, 6, 1],
  [10, 3628800, 0.25],
];

describe.each(cases)("shape %p (Γ(a+1) = %p), scale %p", (shape, gammaOfAPlus1, scale) => {
  const n = 40_000;
  const xs = new Float64Array(n);
  beforeAll(() => {
    const r = new Rng(Math.round(shape * 100 + scale * 7));
    for (let k = 0; k < n; k++) xs[k] = sampleGamma(r, shape, scale);
  });

  test("positive, mean shape·scale, variance shape·scale² (4 standard errors)", () => {
    let min = Infinity;
    let s = 0;
    for (const x of xs) {
      min = Math.min(min, x);
      s += x;
    }
    const m = s / n;
    let ss = 0;
    for (const x of xs) ss += (x - m) ** 2;
    const v = ss / (n - 1);
    expect(min).toBeGreaterThan(0);
    const variance = shape * scale * scale;
    expect(Math.abs(m - shape * scale)).toBeLessThan(4 * Math.sqrt(variance / n));
    // Var of a sample variance ≈ σ⁴(κ + 2)/n with the gamma's excess kurtosis κ = 6/shape.
    expect(Math.abs(v - variance)).toBeLessThan(4 * variance * Math.sqrt((6 / shape + 2) / n));
  });

  test("distribution matches the gamma CDF (Kolmogorov–Smirnov, p = 1e-4)", () => {
    expect(ksDistance(xs, (x) => gammaCdf(shape, gammaOfAPlus1, x / scale))).toBeLessThan(ksCritical(n));
  });
});

test("the CDF used as ground truth is right where it has a closed form", () => {
  // Shape 1: 1 − e^(−x). Shape 3: 1 − e^(−x)(1 + x + x²/2).
  for (const x of [0.1, 1, 2.5, 7, 20]) {
    expect(gammaCdf(1, 1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
    expect(gammaCdf(3, 6, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x + (x * x) / 2), 12);
  }
});
