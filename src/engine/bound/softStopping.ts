// The fluid problem of one season with its stopping decisions smoothed (entropy on the stop/walk choice):
//   u_i = τ·log(exp(r_i/τ) + exp((ρu)_i/τ)),   stop share π_i = σ((r_i − (ρu)_i)/τ),
// a smooth, convex stand-in for the optimal-stopping value u_i = max(r_i, (ρu)_i) of fluidBound.ts that
// is never below it and within τ·log 2 per step a customer takes. Its gradient in r is the smoothed sales
// z = π·(arrivals), so a first-order method can lower the SAA dual (stochasticBound.ts) smoothly; the
// bound itself is always evaluated with the exact problem.
//
// The solves run Gauss–Seidel sweeps, each a contraction by the walk-on share. Where rows nearly close
// (0.9999) and the smoothed stops are rare, that share is near 1 and the sweeps crawl: thousands per solve,
// the 5,000 cap every time. So once the sweeps show they would cost more than elimination, a small component
// is solved directly: Newton on u (its Jacobian W·P is linear algebra on n unknowns) and one linear solve for
// the arrivals. The work is counted either way, in sweeps, and returned, so a caller can budget by count.
// None of this touches the bound's validity: the soft solve only steers the dual (its gradient), and the
// bound is the exact fluid value at a point of the dual's feasible set (componentSaaDual.ts), so a soft
// solve stopped early, at its cap, gives a poorer step, never an invalid figure.

import { denseSolve } from "../choice/denseSolve";
import type { SparseSubstitution } from "../model/instance";

export interface SoftSeason {
  /** d·u: the smoothed season value. */
  value: number;
  /** Smoothed sales per product (written into the caller's array). */
  sales: Float64Array;
  /** Work done, in sweeps over the links (a direct solve counted as the sweeps its elimination costs). */
  sweeps: number;
}

/** Largest component solved directly when its sweeps crawl (elimination costs n³/3). */
export const SOFT_DIRECT_MAX = 200;
/** Sweeps run before their rate of convergence is judged. */
const SWEEPS_BEFORE_JUDGING = 20;

// Local aliases: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { exp, log1p, abs, max } = Math;

/**
 * τ·log(exp(r/τ) + exp(c/τ)) without overflow. Past 40τ apart the smaller term adds under 5e-18·τ, far
 * below the solves' tolerance, so it is skipped: late in the dual τ is small and most stops are clear-cut,
 * and the exp and log1p are a third of a sweep's cost.
 */
function softMax(r: number, c: number, tau: number): number {
  const x = (r - c) / tau;
  if (x > 40) return r;
  if (x < -40) return c;
  return x > 0 ? r + tau * log1p(exp(-x)) : c + tau * log1p(exp(x));
}

/**
 * True when the sweeps, contracting by `rate` per sweep, would need more work to get from `change` to `tol`
 * than a direct solve costing `direct` sweeps.
 */
function sweepsCrawl(change: number, previous: number, tol: number, direct: number): boolean {
  const rate = previous > 0 ? change / previous : 0;
  if (!(rate < 1)) return true;
  return Math.log(tol / change) / Math.log(rate) > direct;
}

/**
 * Solves one season in place: `u` and `arrivals` are warm starts and come back solved; `sales` receives z.
 * `allowed[i]` = 0 forbids stopping at i. `maxSweeps` caps the work of each of the two solves.
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
  const { rowStart, col, prob, colStart, colSource, colProb } = sub;
  const links = col.length;
  // A direct solve's cost in sweeps: elimination (n³/3) over a sweep's work (links + n).
  const direct = n <= SOFT_DIRECT_MAX ? (n * n * n) / 3 / (links + n) + 1 : Infinity;
  let work = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = max(scale, abs(r[i]));
  // 1e-6 of the margins: the soft solve only steers the dual's steps (the bound is the exact value), and
  // 1e-9 cost 25% more of the ceiling's time for the same figure to 1e-6 (N = 1,000, bench/speed.ts).
  const tol = 1e-6 * max(1, scale);
  let previous = 0;
  let sweep = 0;
  for (; sweep < maxSweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) c += prob[e] * u[col[e]];
      const v = allowed[i] ? softMax(r[i], c, tau) : c;
      const delta = abs(v - u[i]);
      if (delta > change) change = delta;
      u[i] = v;
    }
    if (change <= tol) break;
    if (sweep + 1 >= SWEEPS_BEFORE_JUDGING && work + direct < maxSweeps && sweepsCrawl(change, previous, tol, direct)) {
      work += sweep + 1 + newtonValue(sub, r, allowed, tau, u, walkOn, tol, direct, maxSweeps - sweep - 1);
      sweep = -1;
      break;
    }
    previous = change;
  }
  if (sweep >= 0) work += Math.min(sweep + 1, maxSweeps);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) c += prob[e] * u[col[e]];
    // Share of arrivals at i who walk on: 1 − σ((r − c)/τ).
    walkOn[i] = allowed[i] ? 1 / (1 + exp((r[i] - c) / tau)) : 1;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += d[i];
  const ftol = 1e-6 * max(1, total);
  previous = 0;
  for (sweep = 0; sweep < maxSweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let a = d[i];
      for (let e = colStart[i]; e < colStart[i + 1]; e++) {
        const j = colSource[e];
        a += colProb[e] * walkOn[j] * arrivals[j];
      }
      const delta = abs(a - arrivals[i]);
      if (delta > change) change = delta;
      arrivals[i] = a;
    }
    if (change <= ftol) break;
    if (sweep + 1 >= SWEEPS_BEFORE_JUDGING && direct < maxSweeps && sweepsCrawl(change, previous, ftol, direct)) {
      // The flow is linear in the arrivals: (I − Pᵀ·W)·a = d, one elimination.
      if (directArrivals(sub, d, walkOn, arrivals)) {
        work += direct;
        break;
      }
    }
    previous = change;
  }
  work += Math.min(sweep + 1, maxSweeps);
  let value = 0;
  for (let i = 0; i < n; i++) {
    sales[i] = (1 - walkOn[i]) * arrivals[i];
    value += d[i] * u[i];
  }
  return { value, sales, sweeps: work };
}

/**
 * Newton's method on u = F(u), F_i = τ·log(exp(r_i/τ) + exp((Pu)_i/τ)) (or (Pu)_i where stopping is
 * forbidden), from the sweeps' point. F is convex and increasing with Jacobian W·P (W the walk-on shares),
 * and I − W·P is an M-matrix while rows sum below 1, so the steps land below the fixed point and then climb to
 * it: a handful of steps whatever the rows. Returns the work in sweeps; keeps `u` when a step fails.
 */
function newtonValue(
  sub: SparseSubstitution,
  r: Float64Array,
  allowed: Uint8Array,
  tau: number,
  u: Float64Array,
  walk: Float64Array,
  tol: number,
  direct: number,
  budget: number,
): number {
  const n = r.length;
  const a = new Float64Array(n * n);
  const residual = new Float64Array(n);
  let work = 0;
  for (let step = 0; step < 50 && work + direct <= budget; step++) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) c += sub.prob[e] * u[sub.col[e]];
      const v = allowed[i] ? softMax(r[i], c, tau) : c;
      walk[i] = allowed[i] ? 1 / (1 + exp((r[i] - c) / tau)) : 1;
      residual[i] = v - u[i];
      worst = max(worst, abs(residual[i]));
    }
    work += 1;
    if (worst === 0) break;
    a.fill(0);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 1;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) a[i * n + sub.col[e]] -= walk[i] * sub.prob[e];
    }
    const delta = denseSolve(a, residual, n);
    work += direct;
    if (!delta.every(Number.isFinite)) break;
    let size = 0;
    for (let i = 0; i < n; i++) {
      u[i] += delta[i];
      size = max(size, abs(delta[i]));
    }
    // Stopped on the step, not the residual: near-closed, a residual of tol still leaves u off by tol/(1 − ρ),
    // while the step after it is as close as rounding (Newton converges quadratically).
    if (size <= tol) break;
  }
  return work;
}

/** The arrivals solved directly; false (arrivals untouched) when the system is singular. */
function directArrivals(
  sub: SparseSubstitution,
  d: Float64Array,
  walkOn: Float64Array,
  arrivals: Float64Array,
): boolean {
  const n = d.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let e = sub.colStart[i]; e < sub.colStart[i + 1]; e++) {
      const j = sub.colSource[e];
      a[i * n + j] -= sub.colProb[e] * walkOn[j];
    }
  }
  const x = denseSolve(a, d.slice(), n);
  if (!x.every(Number.isFinite)) return false;
  arrivals.set(x);
  return true;
}
