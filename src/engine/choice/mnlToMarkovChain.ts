// An MNL model is exactly a Markov chain choice model (Blanchet, Gallego and Goyal 2016):
// λ_i = v_i / (v_0 + Σ v), ρ[i][j] = λ_j / (1 − λ_i).

export interface MarkovChain {
  /** First-choice probabilities λ_i. */
  lambda: Float64Array;
  /** Dense ρ, row = from. */
  rho: Float64Array[];
}

export function mnlToMarkovChain(weights: ArrayLike<number>, noPurchaseWeight: number): MarkovChain {
  const n = weights.length;
  let total = noPurchaseWeight;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i]))
      throw new RangeError(`MNL weight ${i + 1} is ${weights[i]}; weights must be finite and 0 or more`);
    total += weights[i];
  }
  if (!(noPurchaseWeight > 0))
    throw new RangeError("the no-purchase weight must be above 0 (otherwise every customer buys something, always)");
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) lambda[i] = weights[i] / total;
  const rho: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) if (j !== i) row[j] = lambda[j] / (1 - lambda[i]);
    rho.push(row);
  }
  return { lambda, rho };
}
