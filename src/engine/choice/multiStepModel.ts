// A realistic customer for demos and benchmarks (issue 7): she searches with one of many queries (a few
// popular, a long tail), sees the products ranked for that query, examines position r with probability
// attention[r] (high at the top, decaying), and picks by MNL among the examined products that are available,
// or leaves. Sold-out products drop out of the list (the rest move up) unless `hideUnavailable` is false.
//
// Choice probabilities are computed exactly (to ~1e-12) rather than simulated. With weights scaled so the
// no-purchase weight is 1, and C the examined available products (independent Bernoulli(a_k)),
//   P(buy j | query) = a_j·w_j·E[1 / (1 + w_j + Σ_{k∈C, k≠j} w_k)]
//                    = a_j·w_j·∫_0^∞ e^{−t(1+w_j)} Π_{k≠j} (1 − a_k + a_k·e^{−t·w_k}) dt,
// using 1/x = ∫ e^{−tx} dt. In y = ln t the integrand is analytic in a strip and decays doubly exponentially,
// so the trapezoid rule converges geometrically (step 0.25 ⇒ error ≪ 1e-12).
// Its generator is generate/multiStepGenerator.ts; the one-removal chain and its error, multiStepChain.ts.

import type { ChoiceModel } from "./choiceModel";

export interface MultiStepQuery {
  /** Share of customers who search with this query. */
  share: number;
  /** Product indices by relevance to the query, best first (longer than the list, to refill it). */
  ranking: Int32Array;
}

export interface MultiStepModel {
  n: number;
  /** MNL weights of the products relative to leaving (the no-purchase weight is 1). */
  weights: Float64Array;
  queries: MultiStepQuery[];
  /** Probability of examining the product at each list position (its length is the list length). */
  attention: Float64Array;
  /** True: unavailable products vanish from the list; false: they keep their place but cannot be bought. */
  hideUnavailable: boolean;
}

// Trapezoid nodes in y = ln t over [ln 1e-16, ln 45]: below, the integral is < 1e-16; above, e^{−t} < 1e-19.
const STEP = 0.25;
const NODES: { t: Float64Array; w: Float64Array } = (() => {
  const lo = Math.log(1e-16);
  const hi = Math.log(45);
  const count = Math.ceil((hi - lo) / STEP) + 1;
  const t = new Float64Array(count);
  const w = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    t[k] = Math.exp(lo + k * STEP);
    w[k] = STEP * t[k];
  }
  return { t, w };
})();

/** ln(1 − a + a·e^{−x}), exact for a = 1 (where log1p would give −∞ − −∞ later). */
function logFactor(a: number, x: number): number {
  return a === 1 ? -x : Math.log1p(a * Math.expm1(-x));
}

export interface MultiStepProbabilities {
  purchase: Float64Array;
  noPurchase: number;
}

/** Exact purchase probabilities of one customer facing the available products (1 = available). */
export function multiStepProbabilities(
  model: MultiStepModel,
  available: ArrayLike<number | boolean>,
): MultiStepProbabilities {
  const purchase = new Float64Array(model.n);
  const L = model.attention.length;
  const shown: number[] = [];
  const a: number[] = [];
  const logProd = new Float64Array(NODES.t.length);
  let logF = new Float64Array(0);
  for (const q of model.queries) {
    shown.length = 0;
    a.length = 0;
    // The list for this query: the first L products by relevance (available ones only, when hiding).
    for (let r = 0, pos = 0; r < q.ranking.length && pos < L; r++) {
      const i = q.ranking[r];
      if (available[i]) {
        shown.push(i);
        a.push(model.attention[pos]);
        pos++;
      } else if (!model.hideUnavailable) pos++;
    }
    if (shown.length === 0) continue;
    // ln of each shown product's factor at each node, computed once (Math calls dominate the cost).
    const K = NODES.t.length;
    if (logF.length < shown.length * K) logF = new Float64Array(shown.length * K);
    logProd.fill(0);
    for (let m = 0; m < shown.length; m++) {
      const w = model.weights[shown[m]];
      for (let k = 0; k < K; k++) {
        const f = logFactor(a[m], NODES.t[k] * w);
        logF[m * K + k] = f;
        logProd[k] += f;
      }
    }
    for (let m = 0; m < shown.length; m++) {
      const wj = model.weights[shown[m]];
      let integral = 0;
      // Her own factor is replaced by e^{−t·w_j}: she examined j, so it is in the denominator for sure.
      for (let k = 0; k < K; k++)
        integral += NODES.w[k] * Math.exp(-NODES.t[k] * (1 + wj) + logProd[k] - logF[m * K + k]);
      purchase[shown[m]] += q.share * a[m] * wj * integral;
    }
  }
  let bought = 0;
  for (let j = 0; j < model.n; j++) bought += purchase[j];
  return { purchase, noPurchase: Math.max(0, 1 - bought) };
}

/** The shopper as a ChoiceModel: what `assort chain` and ASSORT.CHAIN convert like any other model. */
export function multiStepChoice(model: MultiStepModel): ChoiceModel {
  return {
    n: model.n,
    label: `multi-step search, ${model.queries.length} quer${model.queries.length === 1 ? "y" : "ies"}`,
    probabilities: (available) => multiStepProbabilities(model, available),
  };
}
