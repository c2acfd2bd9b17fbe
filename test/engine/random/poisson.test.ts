// Poisson variates (src/engine/poisson.ts): golden values for a seed (both the inversion branch, mean < 10,
// and the PTRS branch), then mean, variance and the whole distribution against the Poisson pmf (chi-square),
// on each side of the switch between the two methods; and logFactorial against a plain sum of logs.

import { logFactorial, samplePoisson } from "../../../src/engine/random/poisson";
import { Rng } from "../../../src/engine/random/rng";
import { chiSquare, chiSquareCritical } from "../groundTruth/chiSquare";

/** Poisson(mean) pmf for 0..kMax, from logs (no overflow for large means). */
function poissonPmf(mean: number, kMax: number): number[] {
  const out: number[] = [];
  let logFact = 0;
  for (let k = 0; k <= kMax; k++) {
    if (k > 0) logFact += Math.log(k);
    out.push(Math.exp(-mean + k * Math.log(mean) - logFact));
  }
  return out;
}

test("golden values (seed 1): inversion at mean 3.5, PTRS at mean 250", () => {
  let r = new Rng(1);
  expect(Array.from({ length: 12 }, () => samplePoisson(r, 3.5))).toEqual([2, 5, 2, 7, 3, 1, 2, 1, 5, 6, 3, 3]);
  r = new Rng(1);
  expect(Array.from({ length: 12 }, () => samplePoisson(r, 250))).toEqual([
    239, 247, 234, 242, 227, 233, 253, 246, 244, 229, 239, 270,
  ]);
});

test("mean 0, negative or NaN: always 0, and no random number is used", () => {
  const r = new Rng(3);
  const untouched = new Rng(3);
  for (const m of [0, -1, NaN]) expect(samplePoisson(r, m)).toBe(0);
  expect(r.next()).toBe(untouched.next());
});

describe.each([0.05, 0.7, 3.5, 9.99, 10, 14, 37, 250, 4000])("mean %p", (mean) => {
  const n = 100_000;
  const draws = new Int32Array(n);
  beforeAll(() => {
    const r = new Rng(Math.round(mean * 1000) + 17);
    for (let k = 0; k < n; k++) draws[k] = samplePoisson(r, mean);
  });

  test("sample mean and variance within 4 standard errors of λ", () => {
    let sum = 0;
    for (const x of draws) sum += x;
    const m = sum / n;
    let ss = 0;
    for (const x of draws) ss += (x - m) ** 2;
    const v = ss / (n - 1);
    expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
    // Var of the sample variance ≈ (μ4 − σ⁴)/n with μ4 = λ(1 + 3λ) for the Poisson.
    expect(Math.abs(v - mean)).toBeLessThan(4 * Math.sqrt((mean + 2 * mean * mean) / n));
  });

  test("distribution matches the Poisson pmf (chi-square, p = 1e-4)", () => {
    const kMax = Math.ceil(mean + 12 * Math.sqrt(mean) + 15);
    const counts = new Array<number>(kMax + 2).fill(0);
    let min = 0;
    for (const x of draws) {
      min = Math.min(min, x);
      counts[Math.min(x, kMax + 1)]++;
    }
    expect(min).toBe(0);
    const pmf = poissonPmf(mean, kMax);
    const tail = Math.max(0, 1 - pmf.reduce((a, b) => a + b, 0));
    const expected = [...pmf, tail].map((p) => p * n);
    const { stat, df } = chiSquare(counts, expected);
    if (df === 0) {
      // Tiny means: nearly every draw is 0; then P(X = 0) = e^(−λ) must hold to 4 standard errors.
      const p0 = Math.exp(-mean);
      expect(Math.abs(counts[0] / n - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    } else {
      expect(stat).toBeLessThan(chiSquareCritical(df));
    }
  });
});

test("logFactorial(k) = Σ log j: exact below 10, within 1e-8 beyond (Stirling's series), k = 0..300", () => {
  // The series stops after 1/(360x³), so the error peaks at k = 10 near 1/(1260·11⁵) ≈ 5e-9: far too small
  // to change PTRS acceptances noticeably (it shifts an acceptance probability by a factor 1 ± 5e-9).
  let exact = 0;
  let worst = 0;
  for (let k = 0; k <= 300; k++) {
    if (k > 0) exact += Math.log(k);
    const err = Math.abs(logFactorial(k) - exact);
    if (k < 10) expect(err).toBeLessThanOrEqual(1e-14 * Math.max(1, exact));
    worst = Math.max(worst, err);
  }
  expect(worst).toBeLessThan(1e-8);
});
