// The fluid problem of one season with its stopping decisions smoothed (entropy on the stop/walk choice):
//   u_i = τ·log(exp(r_i/τ) + exp((ρu)_i/τ)),   stop share π_i = σ((r_i − (ρu)_i)/τ),
// a smooth, convex stand-in for the optimal-stopping value u_i = max(r_i, (ρu)_i) of fluidBound.ts that
// is never below it and within τ·log 2 per step a customer takes. Its gradient in r is the smoothed sales
// z = π·(arrivals), so a first-order method can lower the SAA dual (stochasticBound.ts) smoothly; the
// bound itself is always evaluated with the exact problem.

import type { SparseSubstitution } from "../model/instance";

export interface SoftSeason {
  /** d·u: the smoothed season value. */
  value: number;
  /** Smoothed sales per product (written into the caller's array). */
  sales: Float64Array;
}

// Local aliases: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { exp, log1p, abs, max } = Math;

/** log(exp(a) + exp(b)) without overflow. */
function logAddExp(a: number, b: number): number {
  return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

/**
 * Solves one season in place: `u` and `arrivals` are warm starts and come back solved; `sales` receives z.
 * `allowed[i]` = 0 forbids stopping at i. Gauss–Seidel sweeps, each a contraction by the walk-on share.
 */
export function softSeason(
  sub: SparseSubstitution,
  r: Float64Array,
  d: Float64Array,
  allowed: Uint8Array,
  tau: number,
  u: Float64Array,
  arrivals: Float64Array,
  sales: Float64Array,
  walkOn: Float64Array,
  maxSweeps = 5000,
): SoftSeason {
  const n = r.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = max(scale, abs(r[i]));
  const tol = 1e-9 * max(1, scale);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) c += sub.prob[e] * u[sub.col[e]];
      const v = allowed[i] ? tau * logAddExp(r[i] / tau, c / tau) : c;
      const delta = abs(v - u[i]);
      if (delta > change) change = delta;
      u[i] = v;
    }
    if (change <= tol) break;
  }
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) c += sub.prob[e] * u[sub.col[e]];
    // Share of arrivals at i who walk on: 1 − σ((r − c)/τ).
    walkOn[i] = allowed[i] ? 1 / (1 + exp((r[i] - c) / tau)) : 1;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += d[i];
  const ftol = 1e-9 * max(1, total);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let a = d[i];
      for (let e = sub.colStart[i]; e < sub.colStart[i + 1]; e++) {
        const j = sub.colSource[e];
        a += sub.colProb[e] * walkOn[j] * arrivals[j];
      }
      const delta = abs(a - arrivals[i]);
      if (delta > change) change = delta;
      arrivals[i] = a;
    }
    if (change <= ftol) break;
  }
  let value = 0;
  for (let i = 0; i < n; i++) {
    sales[i] = (1 - walkOn[i]) * arrivals[i];
    value += d[i] * u[i];
  }
  return { value, sales };
}
