// Random catalogues of multi-step shoppers (choice/multiStepModel.ts): queries, attention, quality; and
// planning instances made from them through the one-removal chain. Demand is heavy-tailed because
// popularity compounds: popular queries × top positions × quality. Deterministic for a seed.

import { seedKey } from "../random/hash";
import type { InstanceInput, ProductInput, SubstitutionLink } from "../model/instance";
import { Rng } from "../random/rng";
import type { MultiStepModel, MultiStepQuery } from "../choice/multiStepModel";
import { multiStepToMarkovChain, type ConvertedChain } from "../choice/multiStepChain";

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
