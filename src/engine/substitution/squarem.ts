// SQUAREM (Varadhan and Roland 2008), the accelerator of the Markov chain fit: from θ, θ1 = EM(θ) and
// θ2 = EM(θ1), a jump to θ − 2α·r + α²·v (r = θ1 − θ, v = θ2 − 2θ1 + θ), the step length halved towards
// plain EM until the point is feasible. The caller keeps the jump only if its log-likelihood is at least
// θ1's, so the recorded log-likelihood never decreases.

/**
 * The jump from θ, or undefined when no step longer than plain EM is feasible. The first `shares` entries
 * are shares summing to 1 (λ and λ_0), put back on the simplex after the jump.
 */
export function squaremJump(
  theta: Float64Array,
  theta1: Float64Array,
  theta2: Float64Array,
  shares: number,
  feasible: (candidate: Float64Array) => boolean,
): Float64Array | undefined {
  const size = theta.length;
  let rr = 0;
  let vv = 0;
  for (let k = 0; k < size; k++) {
    const r = theta1[k] - theta[k];
    const v = theta2[k] - 2 * theta1[k] + theta[k];
    rr += r * r;
    vv += v * v;
  }
  let alpha = vv > 0 ? Math.min(-1, -Math.sqrt(rr / vv)) : -1;
  for (let tries = 0; tries < 8 && alpha < -1; tries++) {
    const cand = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      const r = theta1[k] - theta[k];
      const v = theta2[k] - 2 * theta1[k] + theta[k];
      cand[k] = theta[k] - 2 * alpha * r + alpha * alpha * v;
    }
    if (feasible(cand)) {
      // Affine steps keep Σλ + λ_0 = 1 only up to rounding, which a long jump (|α| ≫ 1) magnifies; a
      // likelihood with shares summing above 1 would flatter the jump, so put them back on the simplex.
      let total = 0;
      for (let k = 0; k < shares; k++) total += cand[k];
      for (let k = 0; k < shares; k++) cand[k] /= total;
      return cand;
    }
    alpha = (alpha - 1) / 2;
  }
  return undefined;
}
