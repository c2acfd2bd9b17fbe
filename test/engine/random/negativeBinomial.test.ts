// Negative binomial season traffic (src/engine/negativeBinomial.ts), parameterised by mean and the
// coefficient of variation of the count: golden values for a seed, mean and variance (Var = (cv·mean)²),
// and the whole distribution against the negative binomial pmf with r = mean²/(Var − mean) (chi-square).
// When (cv·mean)² ≤ mean no negative binomial has that spread, and the sampler falls back to Poisson.

import { sampleNegativeBinomial } from "../../../src/engine/random/negativeBinomial";
import { Rng } from "../../../src/engine/random/rng";
import { chiSquare, chiSquareCritical } from "../groundTruth/chiSquare";

/** NB pmf with P(0) = p^r, P(k+1) = P(k)·(k + r)/(k + 1)·(1 − p), p = r/(r + mean); k = 0..kMax. */
function negativeBinomialPmf(mean: number, cv: number, kMax: number): number[] {
  const variance = (cv * mean) ** 2;
  const r = (mean * mean) / (variance - mean);
  const p = r / (r + mean);
  const out = [Math.exp(r * Math.log(p))];
  for (let k = 0; k < kMax; k++) out.push((out[k] * (k + r) * (1 - p)) / (k + 1));
  return out;
}

test("golden values (seed 2, mean 40, cv 0.5)", () => {
  const r = new Rng(2);
  expect(Array.from({ length: 10 }, () => sampleNegativeBinomial(r, 40, 0.5))).toEqual([
    70, 73, 55, 46, 31, 12, 26, 44, 33, 16,
  ]);
});

test("mean 0 or below: always 0", () => {
  const r = new Rng(1);
  expect([0, -3, NaN].map((m) => sampleNegativeBinomial(r, m, 0.5))).toEqual([0, 0, 0]);
});

// (mean, cv): moderate and strong forecast uncertainty, small and large seasons, cv > 1.
const cases: [number, number][] = [
  [40, 0.5],
  [500, 0.2],
  [8, 1.5],
  [2000, 0.1],
  [3, 0.9],
];

describe.each(cases)("mean %p, cv %p", (mean, cv) => {
  const n = 60_000;
  const draws = new Float64Array(n);
  beforeAll(() => {
    const r = new Rng(mean * 31 + Math.round(cv * 100));
    for (let k = 0; k < n; k++) draws[k] = sampleNegativeBinomial(r, mean, cv);
  });

  test("mean and standard deviation: E = mean, SD = cv·mean", () => {
    let s = 0;
    for (const x of draws) s += x;
    const m = s / n;
    let ss = 0;
    for (const x of draws) ss += (x - m) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    const sigma = cv * mean;
    expect(Math.abs(m - mean)).toBeLessThan((4 * sigma) / Math.sqrt(n));
    // SE of a sample SD ≈ σ·√((κ + 2)/(4n)), κ the excess kurtosis: 6/r + p²/(r(1 − p)) for the NB.
    const r = (mean * mean) / (sigma * sigma - mean);
    const p = r / (r + mean);
    const kurtosis = 6 / r + (p * p) / (r * (1 - p));
    expect(Math.abs(sd - sigma)).toBeLessThan(4 * sigma * Math.sqrt((kurtosis + 2) / (4 * n)));
  });

  test("distribution matches the negative binomial pmf (chi-square, p = 1e-4)", () => {
    const kMax = Math.ceil(mean + 15 * cv * mean + 20);
    const counts = new Array<number>(kMax + 2).fill(0);
    let bad = 0;
    for (const x of draws) {
      if (!(Number.isInteger(x) && x >= 0)) bad++;
      else counts[Math.min(x, kMax + 1)]++;
    }
    expect(bad).toBe(0);
    const pmf = negativeBinomialPmf(mean, cv, kMax);
    const tail = Math.max(0, 1 - pmf.reduce((a, b) => a + b, 0));
    const { stat, df } = chiSquare(
      counts,
      [...pmf, tail].map((p) => p * n),
    );
    expect(df).toBeGreaterThan(3);
    expect(stat).toBeLessThan(chiSquareCritical(df));
  });
});

test("when (cv·mean)² ≤ mean the spread cannot be that small for an NB: Poisson(mean) instead", () => {
  // mean 50, cv 0.1: the asked variance 25 is below the Poisson's 50.
  const r = new Rng(8);
  const n = 40_000;
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const x = sampleNegativeBinomial(r, 50, 0.1);
    s += x;
    s2 += x * x;
  }
  const m = s / n;
  const v = s2 / n - m * m;
  expect(Math.abs(m - 50)).toBeLessThan(4 * Math.sqrt(50 / n));
  expect(Math.abs(v - 50)).toBeLessThan(4 * Math.sqrt((50 + 2 * 2500) / n));
});
