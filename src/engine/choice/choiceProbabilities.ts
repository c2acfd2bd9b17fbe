// Purchase probabilities of one customer facing the available set S (docs/model.md §3):
//   R_i = λ_i + Σ_{k∉S} ρ[k][i]·R_k   for i ∉ S  (expected visits to unavailable products)
//   P_j = λ_j + Σ_{k∉S} ρ[k][j]·R_k   for j ∈ S

import type { SparseSubstitution } from "../model/instance";
import { transientSolve } from "./transientSolve";

export interface ChoiceProbabilities {
  /** P_j(S): probability of buying j (0 for j ∉ S). */
  purchase: Float64Array;
  /** Probability of leaving without buying. */
  noPurchase: number;
}

/**
 * @param firstChoice λ (any non-negative weights; normalised here)
 * @param available 1 where the product can be bought
 */
export function choiceProbabilities(
  firstChoice: ArrayLike<number>,
  sub: SparseSubstitution,
  available: ArrayLike<number | boolean>,
): ChoiceProbabilities {
  const n = firstChoice.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += firstChoice[i];
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) lambda[i] = total > 0 ? firstChoice[i] / total : 0;
  const unavailable = new Uint8Array(n);
  for (let i = 0; i < n; i++) unavailable[i] = available[i] ? 0 : 1;
  const visits = transientSolve(sub, unavailable, lambda, "backward");
  const purchase = new Float64Array(n);
  let bought = 0;
  for (let j = 0; j < n; j++) {
    if (unavailable[j]) continue;
    let p = lambda[j];
    for (let e = sub.colStart[j]; e < sub.colStart[j + 1]; e++) {
      const k = sub.colSource[e];
      if (unavailable[k]) p += sub.colProb[e] * visits[k];
    }
    purchase[j] = p;
    bought += p;
  }
  return { purchase, noPurchase: Math.max(0, 1 - bought) };
}
