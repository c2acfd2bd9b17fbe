// Closed forms of a product sold alone to Poisson(mean) customers, against direct sums of the pmf.

import {
  criticalFractile,
  expectedSalesPoisson,
  newsvendorProfit,
  poissonQuantile,
  poissonTail,
} from "../../../src/engine/random/poissonNewsvendor";
import { poissonPmf } from "../groundTruth/exactDp";

const MEANS = [0.3, 1, 4.5, 20, 75];

test.each(MEANS)("tail, quantile and expected sales by direct summation (mean %p)", (mean) => {
  const pmf = poissonPmf(mean, Math.ceil(mean + 30 * Math.sqrt(mean) + 40));
  const cdf = (x: number) => pmf.slice(0, x + 1).reduce((a, b) => a + b, 0);
  for (const x of [0, 1, 2, Math.round(mean), Math.round(mean + 2 * Math.sqrt(mean)), Math.round(3 * mean + 5)]) {
    // logFactorial's Stirling tail is good to ~5e-9 (test/engine/random/poisson.test.ts).
    expect(poissonTail(mean, x)).toBeCloseTo(x <= 0 ? 1 : 1 - cdf(x - 1), 8);
    const sales = pmf.reduce((s, p, k) => s + p * Math.min(k, x), 0);
    expect(expectedSalesPoisson(mean, x)).toBeCloseTo(sales, 9);
  }
  for (const f of [0.05, 0.3, 0.5, 0.8, 0.99]) {
    const q = poissonQuantile(mean, f);
    expect(cdf(q)).toBeGreaterThanOrEqual(f - 1e-12);
    if (q > 0) expect(cdf(q - 1)).toBeLessThan(f);
  }
});

test("the critical fractile's quantity is the newsvendor optimum (checked against its neighbours)", () => {
  for (const mean of MEANS) {
    for (const [p, c, s] of [
      [10, 4, 0],
      [10, 8, 2],
      [30, 5, 1],
    ]) {
      const q = poissonQuantile(mean, criticalFractile(p, c, s));
      const at = (x: number) => newsvendorProfit(mean, x, p, c, s);
      expect(at(q)).toBeGreaterThanOrEqual(at(q + 1) - 1e-9);
      if (q > 0) expect(at(q)).toBeGreaterThanOrEqual(at(q - 1) - 1e-9);
    }
  }
  expect(criticalFractile(10, 4, 0)).toBeCloseTo(0.6, 15);
  expect(criticalFractile(5, 6, 5)).toBe(0);
});

test("degenerate inputs", () => {
  expect(poissonTail(0, 3)).toBe(0);
  expect(poissonTail(5, 0)).toBe(1);
  expect(poissonQuantile(0, 0.5)).toBe(0);
  expect(expectedSalesPoisson(5, 0)).toBe(0);
  expect(expectedSalesPoisson(0, 5)).toBe(0);
});

describe("large means: the sums start near the mean, with the results of sums from 0", () => {
  /** The sums from k = 0 (as before the start was moved): exact to rounding, `mean` terms a call. */
  const fromZero = {
    quantile(mean: number, f: number): number {
      let k = 0;
      let logp = -mean;
      let cdf = Math.exp(logp);
      while (cdf < f) {
        k++;
        logp += Math.log(mean / k);
        cdf += Math.exp(logp);
      }
      return k;
    },
    sales(mean: number, x: number): number {
      let total = 0;
      let cdf = 0;
      let logp = -mean;
      for (let k = 1; k <= x; k++) {
        cdf += Math.exp(logp);
        logp += Math.log(mean / k);
        total += 1 - cdf;
      }
      return total;
    },
  };
  test.each([700, 5000, 1e5])("mean %p", (mean) => {
    for (const f of [0.001, 0.3, 0.5, 0.9, 0.999]) expect(poissonQuantile(mean, f)).toBe(fromZero.quantile(mean, f));
    for (const x of [
      Math.round(mean - 3 * Math.sqrt(mean)),
      Math.round(mean),
      Math.round(mean + 2 * Math.sqrt(mean)),
    ]) {
      expect(expectedSalesPoisson(mean, x) / fromZero.sales(mean, x)).toBeCloseTo(1, 9);
      // P(D ≥ x) = E[min(D, x)] − E[min(D, x − 1)].
      expect(poissonTail(mean, x)).toBeCloseTo(fromZero.sales(mean, x) - fromZero.sales(mean, x - 1), 7);
    }
    // Far below the mean every customer finds a unit: E[min(D, x)] = x.
    expect(expectedSalesPoisson(mean, Math.round(mean / 2))).toBe(Math.round(mean / 2));
  });
});
