// Heavy-tailed benchmark instances: Zipf-like first-choice demand (a few hits, a long tail), substitution
// from the similarity of random product attributes (category, colour, size, price), tunable margins.
// Deterministic for a seed, so benchmarks and examples can be regenerated.

import { keepBest, type Scored } from "./keepBest";
import { seedKey } from "../random/hash";
import type { InstanceInput, ProductInput, SubstitutionLink } from "../model/instance";
import { Rng } from "../random/rng";

export interface GenerateOptions {
  /** Number of products. */
  n: number;
  /** Expected customers in the season, Σ D. */
  totalDemand: number;
  /** Zipf exponent of first-choice demand by popularity rank (0.8: long tail; 1.2: steeper). */
  tailExponent?: number;
  /** Substitutes per product (links per row). */
  substitutes?: number;
  /** Range of a row's total substitution (the share of customers who accept a substitute). */
  substitutionShare?: [number, number];
  /** "low" (15–30% of price) or "high" (45–65%) gross margins, or an explicit range. */
  margin?: "low" | "high" | [number, number];
  /** End-of-season value of a unit as a share of its cost. */
  salvageShare?: number;
  /** Products per category: substitution stays mostly within a category. */
  categorySize?: number;
  seed?: number | string;
}

const COLOURS = ["Black", "White", "Navy", "Grey", "Red", "Green", "Blue", "Beige"];
const SIZES = ["XS", "S", "M", "L", "XL"];

export interface GeneratedProduct {
  id: string;
  category: number;
  colour: number;
  size: number;
  priceLevel: number;
}

export interface GeneratedInstance {
  instance: InstanceInput;
  /** The attributes the substitution was built from (for examples and sheets). */
  attributes: GeneratedProduct[];
}

/**
 * A generated instance whose substitution comes row by row as it is consumed (once, in product order), so
 * that a million products with ten substitutes each need not hold ten million links at once.
 */
export interface GeneratedRows {
  products: ProductInput[];
  attributes: GeneratedProduct[];
  /** The links out of each product in turn (rows with no link are skipped); a single pass. */
  substitutionRows: Iterable<SubstitutionLink[]>;
  customers: InstanceInput["customers"];
}

export function generateInstance(options: GenerateOptions): GeneratedInstance {
  const { products, attributes, substitutionRows, customers } = generateInstanceRows(options);
  const substitution: SubstitutionLink[] = [];
  for (const row of substitutionRows) for (const link of row) substitution.push(link);
  return { instance: { products, substitution, customers }, attributes };
}

export function generateInstanceRows(options: GenerateOptions): GeneratedRows {
  const n = options.n;
  const rng = new Rng(seedKey(options.seed ?? 1));
  const exponent = options.tailExponent ?? 1;
  const k = Math.min(options.substitutes ?? 10, n - 1);
  const [shareLo, shareHi] = options.substitutionShare ?? [0.3, 0.8];
  const margin =
    options.margin === "low"
      ? [0.15, 0.3]
      : options.margin === "high" || options.margin === undefined
        ? [0.45, 0.65]
        : options.margin;
  const salvageShare = options.salvageShare ?? 0.3;
  const categorySize = Math.max(2, options.categorySize ?? 25);
  const categories = Math.max(1, Math.ceil(n / categorySize));

  // Popularity: a random permutation of ranks, demand ∝ rank^−s.
  const rank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const weight = rank.map((r) => Math.pow(r + 1, -exponent));
  const totalWeight = weight.reduce((a, b) => a + b, 0);

  const attributes: GeneratedProduct[] = [];
  const basePrice = Array.from({ length: categories }, () => 10 * Math.exp(1.2 * rng.next() + 0.5));
  const products: ProductInput[] = [];
  for (let i = 0; i < n; i++) {
    const category = i % categories;
    const colour = Math.floor(rng.next() * COLOURS.length);
    const size = Math.floor(rng.next() * SIZES.length);
    const priceLevel = rng.next();
    attributes.push({ id: "", category, colour, size, priceLevel });
    const price = round2(basePrice[category] * (0.7 + 0.6 * priceLevel));
    const m = margin[0] + (margin[1] - margin[0]) * rng.next();
    const cost = round2(price * (1 - m));
    const id = `C${String(category + 1).padStart(3, "0")}-${COLOURS[colour].slice(0, 3).toUpperCase()}-${SIZES[size]}-${String(i + 1).padStart(5, "0")}`;
    attributes[i].id = id;
    products.push({
      id,
      price,
      cost,
      salvage: round2(cost * salvageShare),
      demand: round4((options.totalDemand * weight[i]) / totalWeight),
    });
  }

  // Substitutes: the k most similar products (same category first), weighted by similarity and popularity.
  const members: number[][] = Array.from({ length: categories }, () => []);
  for (let i = 0; i < n; i++) members[attributes[i].category].push(i);
  function* rows(): Generator<SubstitutionLink[]> {
    for (let i = 0; i < n; i++) {
      const a = attributes[i];
      // The k best candidates by (score desc, j asc), kept in order as they are scored: the same choice as
      // sorting them all, without the sort (one category of 10,000 took 22 s to generate that way).
      const chosen: Scored[] = [];
      let seen = 0;
      for (let d = 0; seen < k && d < categories; d++) {
        for (const j of members[(a.category + d) % categories]) {
          if (j === i) continue;
          seen++;
          const b = attributes[j];
          const score =
            (a.category === b.category ? 3 : 0) +
            (a.colour === b.colour ? 1.5 : 0) +
            Math.max(0, 1.5 - Math.abs(a.size - b.size)) +
            (1 - Math.abs(a.priceLevel - b.priceLevel)) +
            0.5 * rng.next();
          keepBest(chosen, k, j, score);
        }
      }
      const share = shareLo + (shareHi - shareLo) * rng.next();
      const w = chosen.map(({ j, score }) => score * score * Math.sqrt(weight[j]));
      const total = w.reduce((x, y) => x + y, 0);
      const row: SubstitutionLink[] = [];
      chosen.forEach(({ j }, t) => {
        const p = round6((share * w[t]) / total);
        if (p > 0) row.push({ from: products[i].id as string, to: products[j].id as string, probability: p });
      });
      if (row.length > 0) yield row;
    }
  }
  return { products, attributes, substitutionRows: rows(), customers: { distribution: "poisson" } };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
function round6(x: number): number {
  // Round down so a row never creeps above its intended share (and never above 1).
  return Math.floor(x * 1e6) / 1e6;
}
