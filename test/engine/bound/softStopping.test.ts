// The smoothed season against closed forms (one product; a two-product chain), the exact stopping problem it
// stands in for (never below it, within τ·log 2 per expected step), and its claim that the smoothed sales are
// the gradient of its value in r (central differences).

import { softSeason } from "../../../src/engine/bound/softStopping";
import { solveFluid } from "../../../src/engine/bound/fluidBound";
import { validateInstance } from "../../../src/engine/model/validate";
import type { Model } from "../../../src/engine/model/instance";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

function solve(model: Model, r: Float64Array, d: Float64Array, allowed: Uint8Array, tau: number) {
  const n = model.n;
  const sales = new Float64Array(n);
  const s = softSeason(
    model.substitution,
    r,
    d,
    allowed,
    tau,
    new Float64Array(n),
    d.slice(),
    sales,
    new Float64Array(n),
  );
  return { value: s.value, sales: Float64Array.from(s.sales) };
}

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number) => Math.log(1 + Math.exp(x));

test("one product: u = τ·log(1 + e^{r/τ}), sales d·σ(r/τ)", () => {
  const model = validateInstance({ products: [{ id: "A", price: 10, cost: 4, demand: 7 }] });
  for (const [r, tau] of [
    [6, 1],
    [6, 0.1],
    [-2, 0.5],
    [0, 2],
  ]) {
    const s = solve(model, Float64Array.of(r), Float64Array.of(7), Uint8Array.of(1), tau);
    expect(s.value).toBeCloseTo(7 * tau * softplus(r / tau), 9);
    expect(s.sales[0]).toBeCloseTo(7 * sigma(r / tau), 9);
  }
  const barred = solve(model, Float64Array.of(6), Float64Array.of(7), Uint8Array.of(0), 1);
  expect(barred).toEqual({ value: 0, sales: Float64Array.of(0) });
});

test("a chain A → B with probability q: worked by hand", () => {
  const q = 0.6;
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 4, demand: 5 },
      { id: "B", price: 10, cost: 4, demand: 3 },
    ],
    substitution: [{ from: "A", to: "B", probability: q }],
  });
  const [rA, rB, dA, dB, tau] = [2, 5, 5, 3, 0.7];
  const uB = tau * softplus(rB / tau);
  const cA = q * uB;
  const uA = tau * Math.log(Math.exp(rA / tau) + Math.exp(cA / tau));
  const walkA = 1 - sigma((rA - cA) / tau);
  const arrivalsB = dB + q * walkA * dA;
  const s = solve(model, Float64Array.of(rA, rB), Float64Array.of(dA, dB), Uint8Array.of(1, 1), tau);
  expect(s.value).toBeCloseTo(dA * uA + dB * uB, 9);
  expect(s.sales[0]).toBeCloseTo((1 - walkA) * dA, 9);
  expect(s.sales[1]).toBeCloseTo(sigma(rB / tau) * arrivalsB, 9);
  // A barred from selling: all of A's customers walk on to B.
  const barred = solve(model, Float64Array.of(rA, rB), Float64Array.of(dA, dB), Uint8Array.of(0, 1), tau);
  expect(barred.value).toBeCloseTo(dA * cA + dB * uB, 9);
  expect(barred.sales[0]).toBe(0);
  expect(barred.sales[1]).toBeCloseTo(sigma(rB / tau) * (dB + q * dA), 9);
});

test("random seasons: above the exact stopping value, within τ·log 2 per expected step, gradient = sales", () => {
  const rnd = new TestRandom(8);
  for (const n of [3, 6]) {
    const model = validateInstance(
      toInstanceJson(randomDenseInstance(rnd, { n, totalDemand: 10 * n, linksPerRow: 2, salvage: true })),
    );
    const sub = model.substitution;
    let maxRow = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) row += sub.prob[e];
      maxRow = Math.max(maxRow, row);
    }
    const steps = 1 / (1 - maxRow); // expected stops a customer passes, at most
    const d = Float64Array.from(model.demand);
    const total = d.reduce((a, b) => a + b, 0);
    const allowed = Uint8Array.from({ length: n }, (_, i) => (i === 1 ? 0 : 1));
    const r = Float64Array.from({ length: n }, () => rnd.uniform(-3, 12));
    const f = solveFluid(r, d, sub, allowed);
    for (const tau of [1, 0.1, 0.01]) {
      const s = solve(model, r, d, allowed, tau);
      expect(s.value).toBeGreaterThanOrEqual(f.value - 1e-7);
      expect(s.value).toBeLessThanOrEqual(f.value + tau * Math.log(2) * steps * total + 1e-7);
    }
    const tau = 0.5;
    const s = solve(model, r, d, allowed, tau);
    const h = 1e-4;
    for (let i = 0; i < n; i++) {
      const up = r.slice();
      const down = r.slice();
      up[i] += h;
      down[i] -= h;
      const slope = (solve(model, up, d, allowed, tau).value - solve(model, down, d, allowed, tau).value) / (2 * h);
      expect(s.sales[i]).toBeCloseTo(slope, 4);
    }
  }
});
