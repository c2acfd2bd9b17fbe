// The expected length of a customer's walk: how many products she visits, counting her first choice, before
// she buys or leaves, when the products in `unavailable` cannot serve her (docs/model.md §4 "Near-closed rows"):
//   t_i = 1 + Σ_j ρ[i][j]·t_j  for i unavailable;  t_i = 1 for i available (she buys there).
// Solved component by component of the substitution graph, sinks first: small components exactly by
// elimination (a near-closed loop of a few products costs m³/3 however close to 1 its rows are), large
// ones by Gauss–Seidel with a bounded number of sweeps. Gauss–Seidel from 0 rises monotonically towards t,
// and its residual r = 1 + ρx − x ≥ 0 bounds the rest: t ≤ x / (1 − max r). So every answer carries a
// valid upper bound, even when the sweeps stop early; and power iterations v beside them give the
// Collatz–Wielandt ratios μ ≤ (ρv)_i / v_i ≤ ν, which bound the longest walk by
// 1/(1 − μ) ≤ max t ≤ max(rhs) / (min v·(1 − ν)) from the first sweep (v = 1: the rows' own sums), even
// where x itself would need 1/ε sweeps.

import { denseSolve } from "../choice/denseSolve";
import type { SparseSubstitution } from "./instance";
import { stronglyConnected } from "./stronglyConnected";

/** Components up to this many unavailable products are solved exactly. */
const DENSE_MAX = 300;
/** Link visits spent on one large component's sweeps before settling for the bounds. */
const SWEEP_WORK = 1e7;
/** Relative accuracy at which sweeps stop. */
const TOL = 1e-10;

export interface WalkLengths {
  /** Expected products visited from each starting product (a lower bound where not exact). */
  visits: Float64Array;
  /** An upper bound on max visits (Infinity when no finite bound was found). */
  maxUpper: number;
  /** max visits (the lower estimate). */
  max: number;
  /** True when every value is solved to full accuracy. */
  exact: boolean;
  /** With stopAbove: the products known to walk longer than it on average (empty when none). */
  over: number[];
}

export interface WalkLengthOptions {
  /** Which products cannot serve a customer (default: all, the worst case: every product out of stock). */
  unavailable?: Uint8Array;
  /** Stop as soon as some walk is known to exceed this (the caller only needs to know that). */
  stopAbove?: number;
}

export function expectedWalkLengths(n: number, sub: SparseSubstitution, options: WalkLengthOptions = {}): WalkLengths {
  const off = options.unavailable ?? new Uint8Array(n).fill(1);
  const stopAbove = options.stopAbove ?? Infinity;
  const t = new Float64Array(n).fill(1);
  const comps = stronglyConnected(n, sub);
  const local = new Int32Array(n).fill(-1);
  let exact = true;
  let maxUpper = 1;
  let max = 1;
  const over: number[] = [];
  for (let c = 0; c < comps.count; c++) {
    const members: number[] = [];
    for (let k = comps.start[c]; k < comps.start[c + 1]; k++) {
      const i = comps.order[k];
      if (off[i]) members.push(i);
    }
    if (members.length === 0) continue;
    members.forEach((i, k) => (local[i] = k));
    // Right-hand sides: 1 plus the flow into products already solved (later components, available ones).
    const rhs = new Float64Array(members.length);
    members.forEach((i, k) => {
      let v = 1;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        const j = sub.col[e];
        if (local[j] < 0 || comps.of[j] !== c) v += sub.prob[e] * t[j];
      }
      rhs[k] = v;
    });
    const solved =
      members.length <= DENSE_MAX
        ? solveDense(sub, members, local, rhs)
        : solveSweeps(sub, members, local, rhs, stopAbove);
    members.forEach((i, k) => {
      t[i] = solved.x[k];
      local[i] = -1;
    });
    exact &&= solved.exact;
    maxUpper = Math.max(maxUpper, solved.upper);
    max = Math.max(max, solved.lower);
    if (solved.lower > stopAbove) {
      members.forEach((i, k) => {
        if (solved.exact ? solved.x[k] > stopAbove : true) over.push(i);
      });
      return { visits: t, maxUpper, max, exact: false, over };
    }
  }
  return { visits: t, maxUpper, max, exact, over };
}

interface Solved {
  x: Float64Array;
  /** Lower and upper bounds on the component's longest walk. */
  lower: number;
  upper: number;
  exact: boolean;
}

/** (I − ρ_members)·x = rhs by elimination; a singular or nearly singular system counts as never ending. */
function solveDense(sub: SparseSubstitution, members: number[], local: Int32Array, rhs: Float64Array): Solved {
  const m = members.length;
  if (m === 1) return { x: Float64Array.of(rhs[0]), lower: rhs[0], upper: rhs[0], exact: true };
  const a = new Float64Array(m * m);
  members.forEach((i, k) => {
    a[k * m + k] = 1;
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
      const j = local[sub.col[e]];
      if (j >= 0) a[k * m + j] -= sub.prob[e];
    }
  });
  const x = denseSolve(a, Float64Array.from(rhs), m);
  let upper = 0;
  let ok = true;
  for (let k = 0; k < m; k++) {
    // Visits are at least the right-hand side; anything else is rounding swamping a (nearly) closed loop.
    if (!Number.isFinite(x[k]) || x[k] < rhs[k] * (1 - 1e-9)) ok = false;
    upper = Math.max(upper, x[k]);
  }
  if (!ok) x.fill(Infinity);
  return { x, lower: ok ? upper : Infinity, upper: ok ? upper : Infinity, exact: ok };
}

/**
 * Gauss–Seidel sweeps on x, as many as SWEEP_WORK allows, beside power iterations on v (from 1, so the
 * first ratios are the rows' own sums); returns the iterate (a lower bound) and the bounds.
 */
function solveSweeps(
  sub: SparseSubstitution,
  members: number[],
  local: Int32Array,
  rhs: Float64Array,
  stopAbove: number,
): Solved {
  const m = members.length;
  let links = 0;
  for (const i of members) links += sub.rowStart[i + 1] - sub.rowStart[i];
  const maxSweeps = Math.max(50, Math.floor(SWEEP_WORK / Math.max(1, 2 * (links + m))));
  const x = new Float64Array(m);
  let v = new Float64Array(m).fill(1);
  let w = new Float64Array(m);
  let rhsMax = 0;
  for (const r of rhs) rhsMax = Math.max(rhsMax, r);
  let lower = 1;
  let upper = Infinity;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    const ratios = powerStep(sub, members, local, v, w);
    [v, w] = [w, v];
    lower = Math.max(lower, ratios.mu < 1 ? 1 / (1 - ratios.mu) : Infinity);
    if (ratios.nu < 1) upper = Math.min(upper, rhsMax / ((1 - ratios.nu) * ratios.vMin));
    for (let k = 0; k < m; k++) {
      const i = members[k];
      let t = rhs[k];
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        const j = local[sub.col[e]];
        if (j >= 0) t += sub.prob[e] * x[j];
      }
      x[k] = t;
    }
    let xMax = 0;
    for (const t of x) xMax = Math.max(xMax, t);
    lower = Math.max(lower, xMax);
    // Decided for a caller who only asks about a threshold: known to pass it, or within it and the bounds met.
    if (lower > stopAbove || (upper <= stopAbove && stopAbove < Infinity && lower >= upper * (1 - 1e-6))) break;
    if (sweep % 8 !== 0) continue;
    const r = residual(sub, members, local, rhs, x);
    if (r < 1) upper = Math.min(upper, xMax / (1 - r));
    if (r <= TOL) return { x, lower: xMax, upper: xMax / (1 - r), exact: true };
  }
  return { x, lower, upper, exact: false };
}

/**
 * One power step w = ρv (ρ restricted to the members), normalised to max 1, with the Collatz–Wielandt
 * ratios μ = min (ρv)_i/v_i and ν = max (ρv)_i/v_i. With ρv ≥ μv (v ≥ 0, max v = 1),
 * Σ ρᵏ1 ≥ Σ ρᵏv ≥ v/(1 − μ): the walk from the largest v lasts at least 1/(1 − μ). With ρv ≤ νv and v > 0,
 * t ≤ max(rhs)·Σ ρᵏ1 ≤ max(rhs)·Σ ρᵏv / min v ≤ max(rhs) / ((1 − ν)·min v).
 */
function powerStep(
  sub: SparseSubstitution,
  members: number[],
  local: Int32Array,
  v: Float64Array,
  w: Float64Array,
): { mu: number; nu: number; vMin: number } {
  let mu = Infinity;
  let nu = 0;
  let vMin = Infinity;
  let wMax = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    let flow = 0;
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
      const j = local[sub.col[e]];
      if (j >= 0) flow += sub.prob[e] * v[j];
    }
    w[k] = flow;
    wMax = Math.max(wMax, flow);
    vMin = Math.min(vMin, v[k]);
    if (v[k] > 0) {
      mu = Math.min(mu, flow / v[k]);
      nu = Math.max(nu, flow / v[k]);
    }
  }
  if (vMin <= 0) nu = Infinity;
  if (wMax > 0) for (let k = 0; k < members.length; k++) w[k] /= wMax;
  return { mu, nu, vMin };
}

/** max over members of rhs + ρx − x: how far x is from solving its equations. */
function residual(
  sub: SparseSubstitution,
  members: number[],
  local: Int32Array,
  rhs: Float64Array,
  x: Float64Array,
): number {
  // r ≥ 0 for Gauss–Seidel iterates from 0, and t − x = (I − ρ)⁻¹r ≤ max(r)·(I − ρ)⁻¹1 ≤ max(r)·t (rhs ≥ 1),
  // hence t ≤ x / (1 − max r).
  let worst = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    let t = rhs[k];
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
      const j = local[sub.col[e]];
      if (j >= 0) t += sub.prob[e] * x[j];
    }
    worst = Math.max(worst, t - x[k]);
  }
  return worst;
}
