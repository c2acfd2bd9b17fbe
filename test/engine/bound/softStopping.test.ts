// The smoothed season against closed forms (one product; a two-product chain), the exact stopping problem it
// stands in for (never below it, within τ·log 2 per expected step), and its claim that the smoothed sales are
// the gradient of its value in r (central differences).

import { softSeason } from "../../../src/engine/bound/softStopping";
import { fluidBound, solveFluid } from "../../../src/engine/bound/fluidBound";
import { planBoundWithCeiling } from "../../../src/engine/bound/realisticCeiling";
import { simulate } from "../../../src/engine/simulate/simulate";
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
    // The sweeps stop once a sweep moves no u_i by more than 1e-6 of the largest |r|: the value d·u is that
    // close, times the steps still to come.
    const solveTol = 1e-6 * Math.max(1, ...Array.from(r, Math.abs)) * steps * total;
    for (const tau of [1, 0.1, 0.01]) {
      const s = solve(model, r, d, allowed, tau);
      expect(s.value).toBeGreaterThanOrEqual(f.value - solveTol);
      expect(s.value).toBeLessThanOrEqual(f.value + tau * Math.log(2) * steps * total + solveTol);
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

describe("rows that nearly close (0.9999): solved directly, by count of work, to the same fixed point", () => {
  // Three products, each passing 0.49995 to each of the others: a customer walks ~10,000 steps unless she stops.
  const model = validateInstance({
    products: ["P0", "P1", "P2"].map((id) => ({ id, price: 10, cost: 4, demand: 50 })),
    substitution: ["P0", "P1", "P2"].flatMap((from) =>
      ["P0", "P1", "P2"].filter((to) => to !== from).map((to) => ({ from, to, probability: 0.49995 })),
    ),
  });
  const sub = model.substitution;
  // Margins lowered below 0 on two products (as the dual's multipliers do): stopping there is rarely worth it.
  const r = Float64Array.from([0.5, -2, -3]);
  const d = Float64Array.from([50, 40, 30]);
  const allowed = Uint8Array.from([1, 1, 1]);
  const tau = 0.05;

  /** Plain Gauss–Seidel run far past the cap: the fixed point the fast path must reach. */
  function reference(): { u: Float64Array; arrivals: Float64Array } {
    const u = new Float64Array(3);
    const walk = new Float64Array(3);
    const a = d.slice();
    const c = (i: number) => {
      let s = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) s += sub.prob[e] * u[sub.col[e]];
      return s;
    };
    for (let sweep = 0; sweep < 400000; sweep++)
      for (let i = 0; i < 3; i++) u[i] = tau * Math.log(Math.exp(r[i] / tau) + Math.exp(c(i) / tau));
    for (let i = 0; i < 3; i++) walk[i] = 1 / (1 + Math.exp((r[i] - c(i)) / tau));
    for (let sweep = 0; sweep < 400000; sweep++)
      for (let i = 0; i < 3; i++) {
        let x = d[i];
        for (let e = sub.colStart[i]; e < sub.colStart[i + 1]; e++)
          x += sub.colProb[e] * walk[sub.colSource[e]] * a[sub.colSource[e]];
        a[i] = x;
      }
    return { u, arrivals: a };
  }

  test("a few dozen sweeps' work where the sweeps alone ran to their 5,000 cap, and the same solution", () => {
    const u = new Float64Array(3);
    const arrivals = d.slice();
    const sales = new Float64Array(3);
    const s = softSeason(sub, r, d, allowed, tau, u, arrivals, sales, new Float64Array(3));
    expect(s.sweeps).toBeLessThan(200);
    const ref = reference();
    for (let i = 0; i < 3; i++) {
      expect(u[i]).toBeCloseTo(ref.u[i], 7);
      expect(arrivals[i] / ref.arrivals[i]).toBeCloseTo(1, 7);
    }
    // Capped at 30 sweeps a solve, the work stops at the cap (it is counted, and kept).
    const capped = softSeason(sub, r, d, allowed, tau, new Float64Array(3), d.slice(), sales, new Float64Array(3), 30);
    expect(capped.sweeps).toBeLessThanOrEqual(60);
  });

  test("the ceiling on this chain is not cut short and stays above a simulated plan's profit", () => {
    const bound = planBoundWithCeiling(model, 3000, 1);
    const ceiling = bound.ceiling;
    expect(ceiling).toBeDefined();
    expect(ceiling?.label).not.toContain("cut short");
    const fluid = fluidBound(model);
    // Plans that stock every product (a product at 0 sends its customers on walks of ~10,000 steps).
    for (const plan of [Array.from(fluid.sales, (z) => Math.round(z)), [40, 60, 55], [70, 45, 45]]) {
      const sim = simulate(model, plan, { reps: 200, seed: 3 });
      expect(sim.expectedProfit - 3 * sim.stdError).toBeLessThanOrEqual(ceiling?.value as number);
    }
  });
});
