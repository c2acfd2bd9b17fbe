// Solves the absorbing-chain systems behind choice probabilities, the bound's values and its flows,
// restricted to the products marked `active` (the unavailable ones):
//   forward  (values):  x_i = b_i + Σ_{j active} ρ[i][j]·x_j
//   backward (flows):   x_i = b_i + Σ_{k active} ρ[k][i]·x_k
// by Gauss–Seidel sweeps. They converge because every active product can reach an exit (validation rejects
// closed loops); the error shrinks at least as fast as the chance of still walking. Rows close to 1 make
// that slow (about (1/ε)·log(1/tol) sweeps for rows of 1 − ε), so a set that has not converged after
// DIRECT_AFTER sweeps is solved directly when it is small (elimination costs m³/3 whatever ε is), and a
// large one stops once the geometric tail of its changes is below the tolerance: no test that can run away.

import { denseSolve } from "./denseSolve";
import type { SparseSubstitution } from "../model/instance";

export interface TransientOptions {
  /** Stop when no component changes by more than tol·max(1, max|x|). */
  tol?: number;
  maxSweeps?: number;
}

/** Sweeps after which a small unconverged set is solved directly (fast cases never get there). */
const DIRECT_AFTER = 200;
/** Largest active set solved directly. */
const DIRECT_MAX = 300;
/** Once the sweeps are this slow, the tail estimate may stop them (at this looser relative error). */
const TAIL_TOL = 1e-12;

export function transientSolve(
  sub: SparseSubstitution,
  active: Uint8Array,
  b: Float64Array,
  direction: "forward" | "backward",
  x: Float64Array = new Float64Array(b.length),
  options: TransientOptions = {},
): Float64Array {
  const n = b.length;
  const tol = options.tol ?? 1e-15;
  const maxSweeps = options.maxSweeps ?? 1_000_000;
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    if (active[i]) list.push(i);
    else x[i] = 0;
  }
  const start = direction === "forward" ? sub.rowStart : sub.colStart;
  const other = direction === "forward" ? sub.col : sub.colSource;
  const weight = direction === "forward" ? sub.prob : sub.colProb;
  let previous = Infinity;
  let triedDirect = false;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let change = 0;
    let scale = 1;
    for (let t = 0; t < list.length; t++) {
      const i = list[t];
      let v = b[i];
      for (let e = start[i]; e < start[i + 1]; e++) {
        const j = other[e];
        if (active[j]) v += weight[e] * x[j];
      }
      const d = Math.abs(v - x[i]);
      if (d > change) change = d;
      const a = Math.abs(v);
      if (a > scale) scale = a;
      x[i] = v;
    }
    if (change <= tol * scale) break;
    if (sweep + 1 < DIRECT_AFTER) {
      previous = change;
      continue;
    }
    if (!triedDirect && list.length <= DIRECT_MAX) {
      triedDirect = true;
      if (solveDirect(list, active, b, start, other, weight, x)) break;
    }
    // Changes shrink geometrically by q: what is left to move is about change·q/(1 − q).
    const q = change / previous;
    previous = change;
    if (q < 1 && (change * q) / (1 - q) <= Math.max(tol, TAIL_TOL) * scale) break;
  }
  return x;
}

/** Elimination on the active set; false (x untouched) if rounding makes the result unusable. */
function solveDirect(
  list: number[],
  active: Uint8Array,
  b: Float64Array,
  start: Int32Array,
  other: Int32Array,
  weight: Float64Array,
  x: Float64Array,
): boolean {
  const m = list.length;
  const local = new Map<number, number>();
  list.forEach((i, k) => local.set(i, k));
  const a = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  list.forEach((i, k) => {
    a[k * m + k] = 1;
    rhs[k] = b[i];
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = other[e];
      if (active[j]) a[k * m + (local.get(j) as number)] -= weight[e];
    }
  });
  const solved = denseSolve(a, rhs, m);
  for (const v of solved) if (!Number.isFinite(v)) return false;
  list.forEach((i, k) => (x[i] = solved[k]));
  return true;
}
