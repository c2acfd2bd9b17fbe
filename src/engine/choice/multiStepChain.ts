// The chain that best mimics the multi-step shopper by one removal (Blanchet, Gallego and Goyal 2016):
// λ_i = P_i(all), ρ[i][j] = (P_j(all∖i) − P_j(all)) / P_i(all). It reproduces the offered sets "all" and
// "all but one" exactly; measureChainApproximation says how far off it is on other sets.

import { seedKey } from "../random/hash";
import { Rng } from "../random/rng";
import { chainPurchase } from "./chainPurchase";
import { multiStepProbabilities, type MultiStepModel, type MultiStepProbabilities } from "./multiStepModel";

export interface ConvertedChain {
  /** λ_i = P_i(all). */
  lambda: Float64Array;
  /** λ_0 = P_0(all): customers who buy nothing even when everything is there. */
  noPurchaseShare: number;
  links: Array<{ from: number; to: number; probability: number }>;
  /** Pairs where removing i lowered j's sales (set to 0 in ρ): the process is not a Markov chain there. */
  negativeLinks: number;
  /** Rows whose total exceeded 1 and were scaled down to 1. */
  scaledRows: number;
}

/** The Blanchet–Gallego–Goyal chain of the multi-step model, from n + 1 exact evaluations. */
export function multiStepToMarkovChain(model: MultiStepModel, minProbability = 1e-6): ConvertedChain {
  const n = model.n;
  const all = new Uint8Array(n).fill(1);
  const base = multiStepProbabilities(model, all);
  const links: ConvertedChain["links"] = [];
  let negativeLinks = 0;
  let scaledRows = 0;
  for (let i = 0; i < n; i++) {
    if (!(base.purchase[i] > 0)) continue;
    all[i] = 0;
    const without = multiStepProbabilities(model, all);
    all[i] = 1;
    const row: Array<{ to: number; p: number }> = [];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const p = (without.purchase[j] - base.purchase[j]) / base.purchase[i];
      if (p < -1e-9) negativeLinks++;
      if (p >= minProbability) {
        row.push({ to: j, p });
        sum += p;
      }
    }
    // Just below 1, so a scaled row still lets some customers leave (no closed loops by rounding).
    const scale = sum > 1 ? (1 - 1e-9) / sum : 1;
    if (sum > 1) scaledRows++;
    for (const { to, p } of row) links.push({ from: i, to, probability: p * scale });
  }
  return { lambda: base.purchase, noPurchaseShare: base.noPurchase, links, negativeLinks, scaledRows };
}

/** Purchase probabilities of the chain including its no-purchase share λ_0. */
export function chainProbabilities(
  chain: ConvertedChain,
  n: number,
  available: ArrayLike<number | boolean>,
): MultiStepProbabilities {
  return chainPurchase(chain, n, available);
}

export interface ApproximationOptions {
  /** Random offered sets to compare on (default 200). */
  sets?: number;
  /** Each product is offered with this probability (default: drawn per set from [0.3, 0.95]). */
  offerShare?: number;
  seed?: number | string;
}

export interface ApproximationReport {
  sets: number;
  /** Total-variation distance ½Σ|P_MS − P_chain| over products and leaving, per set: mean, 95th percentile, max. */
  meanTv: number;
  p95Tv: number;
  maxTv: number;
  /** Relative error of the share of customers who buy (1 − P_0): mean and max of |chain/MS − 1|. */
  meanSalesError: number;
  maxSalesError: number;
  /** The same TV distance for a model without substitution (P_j = λ_j for offered j): the baseline. */
  meanTvNoSubstitution: number;
  meanSalesErrorNoSubstitution: number;
}

/** How well the chain reproduces the multi-step model's choice probabilities on random offered sets. */
export function measureChainApproximation(
  model: MultiStepModel,
  chain: ConvertedChain,
  options: ApproximationOptions = {},
): ApproximationReport {
  const n = model.n;
  const sets = options.sets ?? 200;
  const rng = new Rng(seedKey(options.seed ?? 7));
  const tv: number[] = [];
  const salesErr: number[] = [];
  const tvBase: number[] = [];
  const salesErrBase: number[] = [];
  const available = new Uint8Array(n);
  while (tv.length < sets) {
    const share = options.offerShare ?? 0.3 + 0.65 * rng.next();
    let any = false;
    for (let i = 0; i < n; i++) {
      available[i] = rng.next() < share ? 1 : 0;
      if (available[i]) any = true;
    }
    if (!any) continue;
    const ms = multiStepProbabilities(model, available);
    const mc = chainProbabilities(chain, n, available);
    let d = Math.abs(ms.noPurchase - mc.noPurchase);
    let dBase = 0;
    let boughtBase = 0;
    for (let j = 0; j < n; j++) {
      d += Math.abs(ms.purchase[j] - mc.purchase[j]);
      const base = available[j] ? chain.lambda[j] : 0;
      boughtBase += base;
      dBase += Math.abs(ms.purchase[j] - base);
    }
    dBase += Math.abs(ms.noPurchase - (1 - boughtBase));
    tv.push(d / 2);
    tvBase.push(dBase / 2);
    const bought = 1 - ms.noPurchase;
    salesErr.push(Math.abs((1 - mc.noPurchase) / bought - 1));
    salesErrBase.push(Math.abs(boughtBase / bought - 1));
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const sorted = [...tv].sort((x, y) => x - y);
  return {
    sets,
    meanTv: mean(tv),
    p95Tv: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))],
    maxTv: sorted[sorted.length - 1],
    meanSalesError: mean(salesErr),
    maxSalesError: Math.max(...salesErr),
    meanTvNoSubstitution: mean(tvBase),
    meanSalesErrorNoSubstitution: mean(salesErrBase),
  };
}
