// The reported figure's mean, standard error and 95% interval against a two-pass textbook computation and the
// normal quantile found independently (bisection on the error function series).

import { estimate, RunningMean } from "../../../src/engine/compare/estimate";
import { TestRandom } from "../groundTruth/testRandom";

/** Φ(z) from the Maclaurin series of erf (exact enough for |z| < 3). */
function normalCdf(z: number): number {
  const x = z / Math.SQRT2;
  let term = x;
  let sum = x;
  for (let k = 1; k < 80; k++) {
    term *= (-x * x) / k;
    sum += term / (2 * k + 1);
  }
  return 0.5 + sum / Math.sqrt(Math.PI);
}

test("the interval is mean ± the 97.5% normal quantile times se", () => {
  let lo = 1;
  let hi = 3;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < 0.975) lo = mid;
    else hi = mid;
  }
  const e = estimate(10, 2);
  expect(e.mean).toBe(10);
  expect(e.se).toBe(2);
  expect((e.high - e.low) / 4).toBeCloseTo(lo, 10);
  expect((e.high + e.low) / 2).toBeCloseTo(10, 12);
});

test("Welford's running mean and se equal the two-pass formulas", () => {
  const rnd = new TestRandom(7);
  const xs = Array.from({ length: 257 }, () => 1e6 + 50 * rnd.next());
  const r = new RunningMean();
  for (const x of xs) r.add(x);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  expect(r.count).toBe(xs.length);
  expect(r.mean).toBeCloseTo(mean, 8);
  expect(r.se).toBeCloseTo(Math.sqrt(variance / xs.length), 10);
  const e = r.estimate();
  expect(e.low).toBeCloseTo(mean - 1.959963984540054 * Math.sqrt(variance / xs.length), 8);
});

test("hand case: seasons 1, 2, 3, 6 give mean 3 and se √(14/3)/2; one season or all equal give se 0", () => {
  const r = new RunningMean();
  for (const x of [1, 2, 3, 6]) r.add(x);
  expect(r.mean).toBe(3);
  expect(r.se).toBeCloseTo(Math.sqrt(14 / 3) / 2, 12);
  const one = new RunningMean();
  one.add(5);
  expect(one.se).toBe(0);
  const same = new RunningMean();
  for (let k = 0; k < 10; k++) same.add(0.1);
  expect(same.se).toBe(0);
  expect(new RunningMean().estimate()).toEqual({ mean: 0, se: 0, low: 0, high: 0 });
});
