// Where the EM of the Markov chain fit (fitMarkovChain.ts) starts: the uniform point, or a previous estimate
// (a warm start, e.g. the chain before a refit on a few more offered sets) blended with a little of it.
// EM keeps zeros at zero, so a warm start alone would freeze every link the previous fit dropped; the
// uniform share keeps every allowed parameter positive, so the refit can still reach the same maximum.

import type { FitStartPoint } from "./fitTypes";

/** Share of the uniform point in a warm start: small, so the start stays close to the previous estimate. */
export const WARM_UNIFORM_SHARE = 1e-3;

/**
 * λ (n), λ_0 and the link probabilities (in the fit's (from, to) order) to start from. `offered` marks the
 * products in some offered set: the others get no first-choice share (see fitMarkovChain.ts).
 */
export function fitStart(
  n: number,
  from: readonly number[],
  to: readonly number[],
  offered: Uint8Array,
  estimateNoPurchase: boolean,
  warm?: FitStartPoint,
): { lambda: Float64Array; lambda0: number; links: Float64Array } {
  const m = from.length;
  const outDegree = new Int32Array(n);
  for (let e = 0; e < m; e++) outDegree[from[e]]++;
  let offeredCount = 0;
  for (let i = 0; i < n; i++) offeredCount += offered[i];
  const starts = offeredCount + (estimateNoPurchase ? 1 : 0);
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) lambda[i] = offered[i] ? 1 / starts : 0;
  let lambda0 = estimateNoPurchase ? 1 / starts : 0;
  const links = new Float64Array(m);
  for (let e = 0; e < m; e++) links[e] = 1 / (outDegree[from[e]] + 1);
  if (!warm) return { lambda, lambda0, links };

  if (warm.lambda.length !== n)
    throw new RangeError(`the warm start has ${warm.lambda.length} first-choice shares for ${n} products`);
  // The previous shares on the products this fit can give a share to, rescaled to sum to 1 with λ_0.
  let total = estimateNoPurchase ? Math.max(0, warm.noPurchaseShare) : 0;
  for (let i = 0; i < n; i++) if (offered[i]) total += Math.max(0, warm.lambda[i]);
  if (!(total > 0)) return { lambda, lambda0, links };
  const u = WARM_UNIFORM_SHARE;
  for (let i = 0; i < n; i++)
    lambda[i] = offered[i] ? (1 - u) * (Math.max(0, warm.lambda[i]) / total) + u * lambda[i] : 0;
  lambda0 = estimateNoPurchase ? (1 - u) * (Math.max(0, warm.noPurchaseShare) / total) + u * lambda0 : 0;
  // Links by (from, to) key; a row above 1 (not a chain) is scaled back to 1 before the blend.
  const index = new Map<number, number>();
  for (let e = 0; e < m; e++) index.set(from[e] * n + to[e], e);
  const previous = new Float64Array(m);
  const row = new Float64Array(n);
  for (const l of warm.links) {
    const e = index.get(l.from * n + l.to);
    if (e === undefined || !(l.probability > 0)) continue;
    previous[e] = l.probability;
    row[l.from] += l.probability;
  }
  for (let e = 0; e < m; e++) {
    const scale = row[from[e]] > 1 ? 1 / row[from[e]] : 1;
    links[e] = (1 - u) * previous[e] * scale + u * links[e];
  }
  return { lambda, lambda0, links };
}
