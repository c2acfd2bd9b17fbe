// The fluid upper bound (docs/model.md §4), exactly and without a general LP solver:
//   LP = max Σ (p_i − c_i)·z_i  s.t.  z_i + w_i = D_i + Σ_j ρ[j][i]·w_j,  z, w ≥ 0.
// Its dual is the optimal-stopping fixed point u_i = max(m_i, Σ_j ρ[i][j]·u_j) with exit worth 0, solved by
// policy iteration; the stopping set S (u_i = m_i) is an optimal fluid assortment, and one linear solve for
// the pass-through flows w gives the sales z. Strong duality: Σ m_i z_i = Σ D_i u_i.

import type { Model, SparseSubstitution } from "../model/instance";
import { transientSolve } from "../choice/transientSolve";

export interface FluidSolution {
  /** The LP optimum Σ m_i z_i (expected profit no plan can exceed). */
  value: number;
  /** Σ D_i u_i, equal to value up to rounding (a certificate). */
  dualValue: number;
  /** Fluid sales z_i (customers served by i). */
  sales: Float64Array;
  /** Pass-through w_i (customers who move on from i). */
  passThrough: Float64Array;
  /** Dual u_i: value of a customer standing at i. */
  dual: Float64Array;
  /** 1 where i is in the fluid assortment. */
  offered: Uint8Array;
  iterations: number;
}

/** Solves the fluid LP for margins m, demand D and substitution ρ; `allowed` (optional) limits the assortment. */
export function solveFluid(
  margin: Float64Array,
  demand: Float64Array,
  sub: SparseSubstitution,
  allowed?: Uint8Array,
): FluidSolution {
  const n = margin.length;
  let mMax = 0;
  for (let i = 0; i < n; i++) mMax = Math.max(mMax, Math.abs(margin[i]));
  const tol = 1e-12 * Math.max(1, mMax);
  const offered = new Uint8Array(n);
  for (let i = 0; i < n; i++) offered[i] = margin[i] > 0 && (!allowed || allowed[i]) ? 1 : 0;
  const u = new Float64Array(n);
  const rhs = new Float64Array(n);
  const cont = new Uint8Array(n);
  let iterations = 0;
  for (; iterations < 10 * n + 10; iterations++) {
    // Policy evaluation: u = m on S, u = ρu on the rest.
    for (let i = 0; i < n; i++) {
      cont[i] = offered[i] ? 0 : 1;
      let b = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        const j = sub.col[e];
        if (offered[j]) b += sub.prob[e] * margin[j];
      }
      rhs[i] = b;
    }
    transientSolve(sub, cont, rhs, "forward", u);
    for (let i = 0; i < n; i++) if (offered[i]) u[i] = margin[i];
    // Policy improvement: stop where selling beats walking on, walk on where it does not.
    let changed = false;
    for (let i = 0; i < n; i++) {
      let walk = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) walk += sub.prob[e] * u[sub.col[e]];
      if (offered[i] && walk > margin[i] + tol) {
        offered[i] = 0;
        changed = true;
      } else if (!offered[i] && margin[i] > 0 && (!allowed || allowed[i]) && margin[i] > u[i] + tol) {
        offered[i] = 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const passThrough = new Float64Array(n);
  for (let i = 0; i < n; i++) cont[i] = offered[i] ? 0 : 1;
  transientSolve(sub, cont, demand, "backward", passThrough);
  const sales = new Float64Array(n);
  let value = 0;
  let dualValue = 0;
  for (let j = 0; j < n; j++) {
    dualValue += demand[j] * u[j];
    if (!offered[j]) continue;
    let z = demand[j];
    for (let e = sub.colStart[j]; e < sub.colStart[j + 1]; e++) {
      const k = sub.colSource[e];
      if (!offered[k]) z += sub.colProb[e] * passThrough[k];
    }
    sales[j] = z;
    value += margin[j] * z;
  }
  return { value, dualValue, sales, passThrough, dual: u, offered, iterations: iterations + 1 };
}

/** The unconstrained fluid bound of a model: margins p − c (a fluid plan stocks exactly its sales). */
export function fluidBound(model: Model): FluidSolution {
  const margin = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) margin[i] = model.price[i] - model.cost[i];
  const allowed = new Uint8Array(model.n);
  for (let i = 0; i < model.n; i++) allowed[i] = model.exclude[i] ? 0 : 1;
  return solveFluid(margin, model.demand, model.substitution, allowed);
}
