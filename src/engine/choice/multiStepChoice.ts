// A realistic customer for demos and benchmarks (issue 7): she searches with one of many queries (a few
// popular, a long tail), sees the products ranked for that query, examines position r with probability
// attention[r] (high at the top, decaying), and picks by MNL among the examined products that are available,
// or leaves. Sold-out products drop out of the list (the rest move up) unless `hideUnavailable` is false.
// Demand is heavy-tailed because popularity compounds: popular queries × top positions × quality.
//
// Choice probabilities are computed exactly (to ~1e-12) rather than simulated. With weights scaled so the
// no-purchase weight is 1, and C the examined available products (independent Bernoulli(a_k)),
//   P(buy j | query) = a_j·w_j·E[1 / (1 + w_j + Σ_{k∈C, k≠j} w_k)]
//                    = a_j·w_j·∫_0^∞ e^{−t(1+w_j)} Π_{k≠j} (1 − a_k + a_k·e^{−t·w_k}) dt,
// using 1/x = ∫ e^{−tx} dt. In y = ln t the integrand is analytic in a strip and decays doubly exponentially,
// so the trapezoid rule converges geometrically (step 0.25 ⇒ error ≪ 1e-12).
//
// The chain that best mimics it (Blanchet, Gallego and Goyal 2016): λ_i = P_i(all),
// ρ[i][j] = (P_j(all∖i) − P_j(all)) / P_i(all). It reproduces the offered sets "all" and "all but one"
// exactly; measureChainApproximation says how far off it is on other sets.

import { seedKey } from "../random/hash";
import type { InstanceInput, ProductInput, SubstitutionLink } from "../model/instance";
import { Rng } from "../random/rng";
import { chainPurchase } from "./chainPurchase";

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

export interface MultiStepOptions {
  n: number;
  /** Number of distinct searches (default max(3, n/4)). */
  queries?: number;
  /** Products shown per search (default min(n, 24)). */
  listLength?: number;
  /** Chance of examining the first position (default 0.95). */
  topAttention?: number;
  /** Attention at position r is topAttention·r^(−decay) (default 0.8). */
  attentionDecay?: number;
  /** Zipf exponent of query popularity (default 1). */
  queryExponent?: number;
  /** Spread (σ) of log product quality (default 1). */
  qualitySpread?: number;
  /** Weight of leaving relative to an average product (default 4: several examined products compete with it). */
  noPurchaseWeight?: number;
  /** Products per category (default 20): searches mostly target one category. */
  categorySize?: number;
  hideUnavailable?: boolean;
  seed?: number | string;
}

export interface MultiStepProduct {
  id: string;
  category: number;
  colour: number;
  size: number;
  price: number;
}

export interface GeneratedMultiStep {
  model: MultiStepModel;
  products: MultiStepProduct[];
}

const COLOURS = ["BLK", "WHT", "NVY", "GRY", "RED", "GRN", "BLU", "BEI"];
const SIZES = ["XS", "S", "M", "L", "XL"];

/** Draws a random catalogue and its searchers. Deterministic for a seed. */
export function generateMultiStepModel(options: MultiStepOptions): GeneratedMultiStep {
  const n = options.n;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be a whole number of at least 2 (got ${n})`);
  const rng = new Rng(seedKey(options.seed ?? 1));
  const listLength = Math.max(1, Math.min(n, options.listLength ?? 24));
  const nq = Math.max(1, options.queries ?? Math.max(3, Math.round(n / 4)));
  const top = options.topAttention ?? 0.95;
  const decay = options.attentionDecay ?? 0.8;
  const categorySize = Math.max(2, options.categorySize ?? 20);
  const categories = Math.max(1, Math.ceil(n / categorySize));
  const sigma = options.qualitySpread ?? 1;
  const v0 = options.noPurchaseWeight ?? 4;

  const products: MultiStepProduct[] = [];
  const style: Array<[number, number]> = [];
  const weights = new Float64Array(n);
  const basePrice = Array.from({ length: categories }, () => 15 * Math.exp(rng.next() * 1.5));
  for (let i = 0; i < n; i++) {
    const category = i % categories;
    const colour = Math.floor(rng.next() * COLOURS.length);
    const size = Math.floor(rng.next() * SIZES.length);
    const priceLevel = rng.next();
    const price = Math.round(basePrice[category] * (0.7 + 0.6 * priceLevel) * 100) / 100;
    const id = `Q${String(category + 1).padStart(2, "0")}-${COLOURS[colour]}-${SIZES[size]}-${String(i + 1).padStart(4, "0")}`;
    products.push({ id, category, colour, size, price });
    style.push([colour / COLOURS.length, size / SIZES.length]);
    // Quality lognormal; dearer versions of a product are a little less attractive at equal quality.
    weights[i] = Math.exp(sigma * rng.normal() - 0.5 * priceLevel);
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += weights[i] / n;
  for (let i = 0; i < n; i++) weights[i] /= mean * v0;

  const depth = Math.min(n, 3 * listLength);
  const queries: MultiStepQuery[] = [];
  let shareTotal = 0;
  for (let q = 0; q < nq; q++) {
    const category = Math.floor(rng.next() * categories);
    const target: [number, number] = [rng.next(), rng.next()];
    const score = Array.from({ length: n }, (_, i) => {
      const d = Math.hypot(style[i][0] - target[0], style[i][1] - target[1]);
      // Relevance: the searched category, closeness in style, a bit of the site's own noise, and quality.
      return (products[i].category === category ? 3 : 0) - 2 * d + 0.3 * rng.normal() + 0.2 * Math.log(weights[i] * v0);
    });
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
    const share = Math.pow(q + 1, -(options.queryExponent ?? 1));
    shareTotal += share;
    queries.push({ share, ranking: Int32Array.from(order.slice(0, depth)) });
  }
  for (const q of queries) q.share /= shareTotal;
  const attention = Float64Array.from({ length: listLength }, (_, r) => Math.min(1, top * Math.pow(r + 1, -decay)));
  return { model: { n, weights, queries, attention, hideUnavailable: options.hideUnavailable ?? true }, products };
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

export interface MultiStepInstanceOptions extends MultiStepOptions {
  /** Customers in the season (all searchers, including those who will buy nothing). */
  traffic: number;
  /** Gross margin range (default 0.45–0.65 of price). */
  margin?: [number, number];
  /** Salvage as a share of cost (default 0.3). */
  salvageShare?: number;
}

/** A planning instance whose demand and substitution come from the multi-step customer (via its chain). */
export function generateMultiStepInstance(options: MultiStepInstanceOptions): {
  instance: InstanceInput;
  generated: GeneratedMultiStep;
  chain: ConvertedChain;
} {
  const generated = generateMultiStepModel(options);
  const chain = multiStepToMarkovChain(generated.model);
  const rng = new Rng(seedKey(`${options.seed ?? 1}/prices`));
  const [lo, hi] = options.margin ?? [0.45, 0.65];
  const products: ProductInput[] = generated.products.map((p, i) => {
    const cost = Math.round(p.price * (1 - (lo + (hi - lo) * rng.next())) * 100) / 100;
    return {
      id: p.id,
      price: p.price,
      cost,
      salvage: Math.round(cost * (options.salvageShare ?? 0.3) * 100) / 100,
      // D_i: the season's customers whose first choice is i (the no-purchase share never buys).
      demand: Math.round(options.traffic * chain.lambda[i] * 1e4) / 1e4,
    };
  });
  const substitution: SubstitutionLink[] = chain.links.map((l) => ({
    from: generated.products[l.from].id,
    to: generated.products[l.to].id,
    probability: l.probability,
  }));
  return { instance: { products, substitution, customers: { distribution: "poisson" } }, generated, chain };
}
