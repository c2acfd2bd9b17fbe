// The Lagrangian dual of the SAA LP (docs/model.md §4–5) on one component of the substitution graph.
//
// Pricing z_ik ≤ x_i with μ_ik ≥ 0 leaves x_i the coefficient (1/K)·Σ_k μ_ik − cap_i (cap_i = c_i − s_i,
// plus the budget and capacity prices when those are priced), so for every μ in
//   M = { μ ≥ 0 : Σ_k μ_ik ≤ K·cap_i for every i }
// the SAA LP's value is at most L(μ) = (1/K)·Σ_k F(m − μ_k; d^k), F the fluid value of one season
// (fluidBound.ts) with margins m = p − s lowered by μ_k. Every point of M is a valid bound; we minimise L
// over M by accelerated projected gradient (FISTA with restarts) on a smoothed L (softStopping.ts), with
// the smoothing shrunk geometrically, and keep the lowest EXACT L met along the way. The smoothed L is
// never below the exact one, so the exact L at its minimiser is within the smoothing error of min L.

import { solveFluid } from "./fluidBound";
import type { SparseSubstitution } from "../model/instance";
import { softSeason } from "./softStopping";

export interface ComponentDualInput {
  substitution: SparseSubstitution;
  /** p − s per member. */
  margin: Float64Array;
  /** Per-unit price of x_i in the dual (c − s, plus priced limits), per member. */
  cap: Float64Array;
  allowed: Uint8Array;
  /** First-choice counts per season, per member. */
  seasons: Float64Array[];
}

export interface ComponentDualOptions {
  iterations?: number;
  /** Called between iterations; true stops the method (the best exact value so far stands). */
  shouldStop?: () => boolean;
}

export interface ComponentDual {
  /** Lowest exact L(μ) found: mean over seasons. */
  value: number;
  /** Exact season values F(m − μ_k; d^k) at that μ (their mean is `value`). */
  seasonValues: Float64Array;
  /**
   * Per-season profits the dual implies, F_k + Σ_i x_i·(μ_ik − cap_i) with x the stock it prices (the
   * μ-weighted smoothed sales): the seasons' spread of the SAA objective at its solution, for the standard
   * error. Their mean is at most `value` (equal at an exact optimum).
   */
  seasonProfits: Float64Array;
  /** L at μ_ik = cap_i: the fluid value on the same seasons. */
  startValue: number;
  iterations: number;
}

/** Euclidean projection of v[off .. off+K) onto {v ≥ 0, Σ v ≤ cap}, using `scratch` (length ≥ K). */
function projectCapped(v: Float64Array, off: number, K: number, cap: number, scratch: Float64Array): void {
  let sum = 0;
  for (let k = off; k < off + K; k++) {
    if (v[k] < 0) v[k] = 0;
    sum += v[k];
  }
  if (sum <= cap) return;
  for (let k = 0; k < K; k++) scratch[k] = v[off + k];
  const s = scratch.subarray(0, K).sort().reverse();
  let acc = 0;
  let theta = 0;
  for (let k = 0; k < K; k++) {
    acc += s[k];
    const t = (acc - cap) / (k + 1);
    if (k === K - 1 || s[k + 1] <= t) {
      theta = t;
      break;
    }
  }
  for (let k = off; k < off + K; k++) v[k] = Math.max(0, v[k] - theta);
}

export function componentSaaDual(input: ComponentDualInput, options: ComponentDualOptions = {}): ComponentDual {
  const { substitution: sub, margin, cap, allowed, seasons } = input;
  const n = margin.length;
  const K = seasons.length;
  const T = options.iterations ?? 100;
  // μ product-major: μ[i·K + k].
  const size = n * K;
  const mu = new Float64Array(size);
  for (let i = 0; i < n; i++) mu.fill(cap[i], i * K, (i + 1) * K);
  const r = new Float64Array(n);
  const seasonValues = new Float64Array(K);
  const exact = (at: Float64Array, out: Float64Array) => {
    let total = 0;
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) r[i] = margin[i] - at[i * K + k];
      const f = solveFluid(r, seasons[k], sub, allowed);
      // The dual value d·u is the bound (u is excessive and ≥ r); the primal value agrees to rounding.
      const v = Math.max(f.value, f.dualValue);
      out[k] = v;
      total += v;
    }
    return total / K;
  };
  const startValue = exact(mu, seasonValues);
  let best = startValue;
  const bestSeasons = seasonValues.slice();
  const trial = new Float64Array(K);
  let scaleM = 0;
  let demand = 0;
  for (let i = 0; i < n; i++) if (allowed[i]) scaleM = Math.max(scaleM, margin[i]);
  for (const d of seasons) for (let i = 0; i < n; i++) demand += d[i] / K;
  if (scaleM <= 0 || demand <= 0 || T <= 0) {
    return { value: best, seasonValues: bestSeasons, seasonProfits: bestSeasons.slice(), startValue, iterations: 0 };
  }
  // Warm starts per season for the smoothed solves.
  const u: Float64Array[] = Array.from({ length: K }, () => new Float64Array(n));
  const arr: Float64Array[] = Array.from({ length: K }, (_, k) => seasons[k].slice());
  const sales = new Float64Array(n);
  const walk = new Float64Array(n);
  const grad = new Float64Array(size);
  const soft = (at: Float64Array, tau: number, g: Float64Array | null) => {
    let total = 0;
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) r[i] = margin[i] - at[i * K + k];
      const s = softSeason(sub, r, seasons[k], allowed, tau, u[k], arr[k], sales, walk);
      total += s.value;
      if (g) for (let i = 0; i < n; i++) g[i * K + k] = -s.sales[i] / K;
    }
    return total / K;
  };
  const scratch = new Float64Array(K);
  const project = (v: Float64Array) => {
    for (let i = 0; i < n; i++) projectCapped(v, i * K, K, K * cap[i], scratch);
  };
  const tau0 = 0.2 * scaleM;
  const tau1 = 0.001 * scaleM;
  // Per-product metric: a product's smoothed sales move with its arrivals, so scale its steps by them.
  const weight = new Float64Array(n).fill(1);
  {
    soft(mu, tau0, grad);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let k = 0; k < K; k++) a += arr[k][i] / K;
      weight[i] = a;
      mean += a / n;
    }
    for (let i = 0; i < n; i++) weight[i] = (weight[i] + 0.05 * mean) / mean;
  }
  const bestMu = mu.slice();
  let x = mu.slice();
  const y = mu.slice();
  let next = new Float64Array(size);
  let theta = 1;
  // A first Lipschitz guess: the sales of one product move by about its arrivals per τ of margin.
  let lip = Math.max(1e-12, (4 * demand) / (K * tau0));
  let t = 0;
  for (; t < T; t++) {
    if (options.shouldStop?.()) break;
    const tau = tau0 * Math.pow(tau1 / tau0, t / Math.max(1, T - 1));
    const fy = soft(y, tau, grad);
    let fx = 0;
    for (let tries = 0; tries < 40; tries++) {
      for (let e = 0; e < size; e++) next[e] = y[e] - grad[e] / (lip * weight[(e / K) | 0]);
      project(next);
      // The sufficient-decrease test costs a solve: run it early and every few steps, else trust the step.
      if (t >= 8 && t % 4 !== 0) break;
      fx = soft(next, tau, null);
      let lin = 0;
      let sq = 0;
      for (let e = 0; e < size; e++) {
        const step = next[e] - y[e];
        lin += grad[e] * step;
        sq += weight[(e / K) | 0] * step * step;
      }
      if (fx <= fy + lin + 0.5 * lip * sq + 1e-12 * Math.abs(fy)) break;
      lip *= 2;
    }
    // Restart the momentum when it points uphill (O'Donoghue and Candès).
    let uphill = 0;
    for (let e = 0; e < size; e++) uphill += (y[e] - next[e]) * (next[e] - x[e]);
    const thetaNext = (1 + Math.sqrt(1 + 4 * theta * theta)) / 2;
    const beta = uphill > 0 ? 0 : (theta - 1) / thetaNext;
    theta = uphill > 0 ? 1 : thetaNext;
    for (let e = 0; e < size; e++) y[e] = next[e] + beta * (next[e] - x[e]);
    const swap = x;
    x = next;
    next = swap;
    lip *= 0.9;
    if (t % 10 === 9 || t === T - 1) {
      const v = exact(x, trial);
      if (v < best) {
        best = v;
        bestSeasons.set(trial);
        bestMu.set(x);
      }
    }
    void fx;
  }
  // The stock the multipliers price: where μ_ik > 0 the smoothed sales sit at x_i.
  soft(bestMu, tau1, grad);
  const seasonProfits = bestSeasons.slice();
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    for (let k = 0; k < K; k++) {
      const m = bestMu[i * K + k];
      num += m * -grad[i * K + k] * K;
      den += m;
    }
    const stock = den > 0 ? num / den : 0;
    for (let k = 0; k < K; k++) seasonProfits[k] += stock * (bestMu[i * K + k] - cap[i]);
  }
  return { value: best, seasonValues: bestSeasons, seasonProfits, startValue, iterations: t };
}
