// The SQUAREM jump on linear fixed-point iterations θ ← A·θ + c, whose fixed point θ* = (I − A)⁻¹c is known:
// on A = a·I the jump lands on θ* exactly (the error is multiplied by (1 + α(1 − a))² with α = −1/(1 − a)).

import { squaremJump } from "../../../src/engine/substitution/squarem";

const always = () => true;

/** θ ← diag(a)·θ + c. */
const step = (a: number[], c: number[]) => (t: Float64Array) => Float64Array.from(t, (v, k) => a[k] * v + c[k]);

test("on a scalar contraction the jump lands on the fixed point in one step", () => {
  const em = step([0.9, 0.9], [0.1, -0.3]); // fixed point (1, −3)
  const theta = Float64Array.from([5, 2]);
  const t1 = em(theta);
  const jump = squaremJump(theta, t1, em(t1), 0, always);
  expect(jump).toBeDefined();
  expect(jump![0]).toBeCloseTo(1, 10);
  expect(jump![1]).toBeCloseTo(-3, 10);
});

test("on unequal rates, repeated jumps reach the fixed point far sooner than plain iteration", () => {
  const a = [0.99, 0.5, 0.95];
  const c = [0.01, 1, 0.1];
  const fixed = a.map((ak, k) => c[k] / (1 - ak)); // (1, 2, 2)
  const em = step(a, c);
  const error = (t: Float64Array) => Math.max(...Array.from(t, (v, k) => Math.abs(v - fixed[k])));
  let theta: Float64Array = Float64Array.from([0, 0, 0]);
  let jumps = 0;
  while (error(theta) > 1e-8 && jumps < 100) {
    const t1 = em(theta);
    const t2 = em(t1);
    theta = squaremJump(theta, t1, t2, 0, always) ?? t2;
    jumps++;
  }
  // Plain iteration needs log(1e-8)/log(0.99) ≈ 1,830 steps; each jump costs two.
  expect(error(theta)).toBeLessThan(1e-8);
  expect(jumps).toBeLessThan(100);
});

test("puts the first `shares` entries back on the simplex, and leaves the others", () => {
  // All rates 0.9, so the jump lands on the fixed point (0.4, 0.4, 3), whose shares are then rescaled to sum 1.
  const em = step([0.9, 0.9, 0.9], [0.04, 0.04, 0.3]);
  const theta = Float64Array.from([0.2, 0.8, 7]);
  const t1 = em(theta);
  const jump = squaremJump(theta, t1, em(t1), 2, always)!;
  expect(jump[0]).toBeCloseTo(0.5, 10);
  expect(jump[1]).toBeCloseTo(0.5, 10);
  expect(jump[2]).toBeCloseTo(3, 10);
});

test("halves the step towards plain EM until feasible, and gives up when none is", () => {
  const em = step([0.9], [0.1]); // fixed point 1; α starts at −10
  const theta = Float64Array.from([11]);
  const t1 = em(theta);
  const t2 = em(t1);
  const tried: number[] = [];
  // Feasible only above 5: error after the jump is 10·(1 − |α|/10)² for α = −10, −5.5, −3.25, …
  const jump = squaremJump(theta, t1, t2, 0, (cand) => (tried.push(cand[0]), cand[0] > 5));
  expect(tried[0]).toBeCloseTo(1, 10);
  expect(tried[1]).toBeCloseTo(1 + 10 * 0.45 ** 2, 10);
  expect(jump![0]).toBeCloseTo(1 + 10 * 0.675 ** 2, 10);
  expect(squaremJump(theta, t1, t2, 0, () => false)).toBeUndefined();
  // Already at the fixed point: no direction to jump in.
  const still = Float64Array.from([1]);
  expect(squaremJump(still, still, still, 0, always)).toBeUndefined();
});
