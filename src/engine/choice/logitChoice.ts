// The logit family: MNL, nested logit (nests with a dissimilarity each) and mixed logit as a few latent
// classes of MNL weights. Exact purchase probabilities for any available set.
//
// Nested logit (McFadden): nest k with members M_k and dissimilarity τ_k ∈ (0, 1] has inclusive value
// V_k = (Σ_{j ∈ M_k ∩ S} v_j^{1/τ_k})^{τ_k}; P(nest k) = V_k / (v_0 + Σ_l V_l), and within the nest
// P(j | k) = v_j^{1/τ_k} / Σ_{i ∈ M_k ∩ S} v_i^{1/τ_k}. With every τ = 1 it is the MNL.

import { mnlToMarkovChain } from "./mnlToMarkovChain";
import type { ChoiceModel, Purchase } from "./choiceModel";

function checkWeights(weights: ArrayLike<number>, noPurchase: number): void {
  for (let i = 0; i < weights.length; i++)
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i]))
      throw new RangeError(`weight ${i + 1} is ${weights[i]}; weights must be finite and 0 or more`);
  if (!(noPurchase >= 0) || !Number.isFinite(noPurchase))
    throw new RangeError(`the no-purchase weight is ${noPurchase}; it must be finite and 0 or more`);
}

function mnlProbabilities(
  weights: ArrayLike<number>,
  noPurchase: number,
  available: ArrayLike<number | boolean>,
): Purchase {
  const n = weights.length;
  const purchase = new Float64Array(n);
  let total = noPurchase;
  for (let j = 0; j < n; j++) if (available[j]) total += weights[j];
  if (!(total > 0)) return { purchase, noPurchase: 1 };
  for (let j = 0; j < n; j++) if (available[j]) purchase[j] = weights[j] / total;
  return { purchase, noPurchase: noPurchase / total };
}

export function mnlChoice(weights: ArrayLike<number>, noPurchase: number): ChoiceModel {
  checkWeights(weights, noPurchase);
  const w = Float64Array.from(weights);
  return {
    n: w.length,
    label: "MNL",
    probabilities: (available) => mnlProbabilities(w, noPurchase, available),
    exactChain: noPurchase > 0 ? mnlToMarkovChain(w, noPurchase) : undefined,
  };
}

export interface Nest {
  members: readonly number[];
  /** τ ∈ (0, 1]: 1 = no more alike than across nests; near 0 = near-perfect substitutes. */
  dissimilarity: number;
}

export function nestedLogitChoice(weights: ArrayLike<number>, noPurchase: number, nests: readonly Nest[]): ChoiceModel {
  checkWeights(weights, noPurchase);
  const n = weights.length;
  const w = Float64Array.from(weights);
  const inNest = new Int32Array(n).fill(-1);
  nests.forEach((nest, k) => {
    if (!(nest.dissimilarity > 0 && nest.dissimilarity <= 1))
      throw new RangeError(`nest ${k + 1}: dissimilarity ${nest.dissimilarity} must be above 0 and at most 1`);
    for (const j of nest.members) {
      if (inNest[j] >= 0)
        throw new RangeError(`product ${j + 1} is in nests ${inNest[j] + 1} and ${k + 1}; give each product one nest`);
      inNest[j] = k;
    }
  });
  // Products in no nest are nests of their own (τ = 1).
  const all: Nest[] = [...nests];
  for (let j = 0; j < n; j++) if (inNest[j] < 0) all.push({ members: [j], dissimilarity: 1 });
  return {
    n,
    label: `nested logit, ${nests.length} nest${nests.length === 1 ? "" : "s"}`,
    probabilities(available): Purchase {
      const purchase = new Float64Array(n);
      const inclusive = new Float64Array(all.length);
      const sums = new Float64Array(all.length);
      let total = noPurchase;
      all.forEach((nest, k) => {
        let s = 0;
        for (const j of nest.members) if (available[j]) s += Math.pow(w[j], 1 / nest.dissimilarity);
        sums[k] = s;
        inclusive[k] = s > 0 ? Math.pow(s, nest.dissimilarity) : 0;
        total += inclusive[k];
      });
      if (!(total > 0)) return { purchase, noPurchase: 1 };
      all.forEach((nest, k) => {
        if (!(sums[k] > 0)) return;
        const pNest = inclusive[k] / total;
        for (const j of nest.members)
          if (available[j]) purchase[j] = (pNest * Math.pow(w[j], 1 / nest.dissimilarity)) / sums[k];
      });
      return { purchase, noPurchase: noPurchase / total };
    },
  };
}

export interface LatentClass {
  /** Share of customers in the class (normalised). */
  share: number;
  weights: ArrayLike<number>;
  noPurchase: number;
}

export function mixedLogitChoice(classes: readonly LatentClass[]): ChoiceModel {
  if (classes.length === 0) throw new RangeError("a mixed logit needs at least one class");
  const n = classes[0].weights.length;
  let total = 0;
  for (const c of classes) {
    if (c.weights.length !== n) throw new RangeError("every class must give a weight to every product");
    checkWeights(c.weights, c.noPurchase);
    if (!(c.share >= 0)) throw new RangeError(`a class share is ${c.share}; shares must be 0 or more`);
    total += c.share;
  }
  if (!(total > 0)) throw new RangeError("the class shares must add up to more than 0");
  return {
    n,
    label: `mixed logit, ${classes.length} class${classes.length === 1 ? "" : "es"}`,
    probabilities(available): Purchase {
      const purchase = new Float64Array(n);
      let none = 0;
      for (const c of classes) {
        const p = mnlProbabilities(c.weights, c.noPurchase, available);
        const s = c.share / total;
        for (let j = 0; j < n; j++) purchase[j] += s * p.purchase[j];
        none += s * p.noPurchase;
      }
      return { purchase, noPurchase: none };
    },
  };
}
