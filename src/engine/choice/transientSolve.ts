// Solves the absorbing-chain systems behind choice probabilities, the bound's values and its flows,
// restricted to the products marked `active` (the unavailable ones):
//   forward  (values):  x_i = b_i + Σ_{j active} ρ[i][j]·x_j
//   backward (flows):   x_i = b_i + Σ_{k active} ρ[k][i]·x_k
// by Gauss–Seidel sweeps. They converge because every active product can reach an exit (validation rejects
// closed loops); the error shrinks at least as fast as the chance of still walking.

import type { SparseSubstitution } from "../model/instance";

export interface TransientOptions {
  /** Stop when no component changes by more than tol·max(1, max|x|). */
  tol?: number;
  maxSweeps?: number;
}

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
  }
  return x;
}
