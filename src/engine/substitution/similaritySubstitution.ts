// Substitution ρ built from product attributes, for merchandisers with no history to estimate it from.
// A customer who finds product i missing accepts a substitute with probability strength_i (the user's
// figure: the share of customers who accept a substitute); she then picks among i's most similar products
// with weights similarity^sharpness (× popularity, when given), so each row sums to exactly strength_i.
//
// Similarity of i and j is the weighted mean over attributes of a per-attribute score in [0, 1]:
//   text (category, colour, price band "Low"/"Mid"/...): 1 when equal, else 0;
//   ordered sizes (XS … XXXL, or a user-given order): 1 − |rank difference| / (levels − 1);
//   numbers (price, a numeric band): 1 − |difference| / (largest − smallest).
// A missing value scores 0 against everything: unknown is not similar.

export type AttributeValue = string | number | null | undefined;

export type AttributeKind = "text" | "ordered" | "number";

export interface Attribute {
  name: string;
  /** One value per product, in product order. */
  values: readonly AttributeValue[];
  /** How values compare; detected when absent (all numbers → number, all apparel sizes → ordered, else text). */
  kind?: AttributeKind;
  /** For "ordered": the levels from smallest to largest (default: apparel sizes). */
  order?: readonly string[];
  /** Importance relative to the other attributes (default 1; 0 ignores the attribute). */
  weight?: number;
}

export interface SimilarityOptions {
  /** Share of customers who accept a substitute: one number for all products, or one per product; in [0, 1]. */
  strength: number | ArrayLike<number>;
  /** Substitutes per product, the most similar first (default 10); sparse rows keep planning fast. */
  maxSubstitutes?: number;
  /** Exponent on similarity: higher concentrates substitution on the closest products (default 2). */
  sharpness?: number;
  /** Optional demand per product: more popular substitutes attract more, in proportion (as under an MNL). */
  popularity?: ArrayLike<number>;
  /** Only products sharing this attribute's value are substitutes (e.g. "Category"). */
  sameValueOf?: string;
}

export interface SimilarityLink {
  from: number;
  to: number;
  probability: number;
}

export interface SimilarityResult {
  links: SimilarityLink[];
  /** Products for which no other product has any similarity: their customers all leave. */
  withoutSubstitutes: number[];
  /** The kind each attribute was compared as (detected or given), by attribute order. */
  kinds: AttributeKind[];
}

export const APPAREL_SIZES: readonly string[] = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];

/** Compiled per-attribute comparison: score(i, j) in [0, 1]. */
interface Scorer {
  weight: number;
  score(i: number, j: number): number;
}

export function similaritySubstitution(
  n: number,
  attributes: readonly Attribute[],
  options: SimilarityOptions,
): SimilarityResult {
  const strength = (i: number) => (typeof options.strength === "number" ? options.strength : options.strength[i]);
  for (let i = 0; i < n; i++) {
    const s = strength(i);
    if (!(s >= 0 && s <= 1))
      throw new RangeError(`the strength of product ${i + 1} is ${s}; it must be a share from 0 to 1`);
  }
  if (typeof options.strength !== "number" && options.strength.length !== n)
    throw new RangeError(`${options.strength.length} strengths for ${n} products`);
  const maxSubstitutes = options.maxSubstitutes ?? 10;
  if (!(maxSubstitutes >= 1)) throw new RangeError(`maxSubstitutes must be at least 1 (got ${maxSubstitutes})`);
  const sharpness = options.sharpness ?? 2;
  if (!(sharpness >= 0) || !Number.isFinite(sharpness))
    throw new RangeError(`sharpness must be 0 or more (got ${sharpness})`);
  const popularity = options.popularity;
  if (popularity) {
    if (popularity.length !== n) throw new RangeError(`${popularity.length} popularity values for ${n} products`);
    for (let i = 0; i < n; i++)
      if (!(popularity[i] >= 0) || !Number.isFinite(popularity[i]))
        throw new RangeError(`the popularity of product ${i + 1} is ${popularity[i]}; it must be 0 or more`);
  }
  let gate: readonly AttributeValue[] | undefined;
  if (options.sameValueOf !== undefined) {
    const a = attributes.find((x) => x.name.toLowerCase() === options.sameValueOf?.toLowerCase());
    if (!a) throw new RangeError(`there is no attribute '${options.sameValueOf}' to keep substitutes within`);
    gate = a.values;
  }

  const kinds: AttributeKind[] = [];
  const scorers: Scorer[] = [];
  for (const a of attributes) {
    if (a.values.length !== n)
      throw new RangeError(`attribute '${a.name}' has ${a.values.length} values for ${n} products`);
    const weight = a.weight ?? 1;
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new RangeError(`the weight of attribute '${a.name}' is ${weight}; it must be 0 or more`);
    const kind = a.kind ?? detectKind(a.values);
    kinds.push(kind);
    if (weight > 0) scorers.push({ weight, score: compile(a, kind) });
  }
  const totalWeight = scorers.reduce((s, x) => s + x.weight, 0);

  const links: SimilarityLink[] = [];
  const withoutSubstitutes: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = strength(i);
    const candidates: Array<{ j: number; similarity: number; weight: number }> = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (gate && (isMissing(gate[i]) || normalise(gate[i]) !== normalise(gate[j]))) continue;
      let sim = 0;
      for (const sc of scorers) sim += sc.weight * sc.score(i, j);
      sim = totalWeight > 0 ? sim / totalWeight : 0;
      const w = Math.pow(sim, sharpness) * (popularity ? popularity[j] : 1);
      if (sim > 0 && w > 0) candidates.push({ j, similarity: sim, weight: w });
    }
    // The most similar first; among equals the more popular, then input order (deterministic).
    candidates.sort((x, y) => y.similarity - x.similarity || y.weight - x.weight || x.j - y.j);
    const chosen = candidates.slice(0, maxSubstitutes);
    const total = chosen.reduce((acc, c) => acc + c.weight, 0);
    if (chosen.length === 0 || !(total > 0)) {
      if (s > 0) withoutSubstitutes.push(i);
      continue;
    }
    if (s === 0) continue;
    for (const c of chosen) links.push({ from: i, to: c.j, probability: (s * c.weight) / total });
  }
  const loop = closedLoop(n, links);
  if (loop.length > 0) {
    throw new RangeError(
      `with a strength of 1, customers of ${loop.map((i) => `product ${i + 1}`).join(", ")} would pass among them forever and never leave; use a strength below 1 for at least one of them`,
    );
  }
  return { links, withoutSubstitutes, kinds };
}

function isMissing(v: AttributeValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Text compares without case or surrounding spaces: "Navy " and "navy" are the same colour. */
function normalise(v: AttributeValue): string {
  return typeof v === "number"
    ? String(v)
    : String(v ?? "")
        .trim()
        .toLowerCase();
}

function detectKind(values: readonly AttributeValue[]): AttributeKind {
  const present = values.filter((v) => !isMissing(v));
  if (present.length === 0) return "text";
  if (present.every((v) => typeof v === "number" || (typeof v === "string" && Number.isFinite(Number(v)))))
    return "number";
  const sizes = new Set(APPAREL_SIZES.map((s) => s.toLowerCase()));
  if (present.every((v) => sizes.has(normalise(v)))) return "ordered";
  return "text";
}

function compile(a: Attribute, kind: AttributeKind): (i: number, j: number) => number {
  const v = a.values;
  if (kind === "number") {
    const x = v.map((e) => (isMissing(e) ? NaN : Number(e)));
    const present = x.filter((e) => Number.isFinite(e));
    const range = present.length ? Math.max(...present) - Math.min(...present) : 0;
    return (i, j) => {
      if (!Number.isFinite(x[i]) || !Number.isFinite(x[j])) return 0;
      return range > 0 ? 1 - Math.abs(x[i] - x[j]) / range : 1;
    };
  }
  if (kind === "ordered") {
    const order = (a.order ?? APPAREL_SIZES).map((s) => s.trim().toLowerCase());
    const rank = v.map((e) => (isMissing(e) ? -1 : order.indexOf(normalise(e))));
    const unknown = v.find((e, i) => !isMissing(e) && rank[i] < 0);
    if (unknown !== undefined)
      throw new RangeError(
        `attribute '${a.name}': '${unknown}' is not one of its levels (${(a.order ?? APPAREL_SIZES).join(", ")})`,
      );
    const span = Math.max(1, order.length - 1);
    // Scale by the levels in use, so S vs XL is far apart even when XXS and XXXL are absent.
    const used = rank.filter((r) => r >= 0);
    const usedSpan = used.length ? Math.max(...used) - Math.min(...used) : 0;
    const scale = usedSpan > 0 ? usedSpan : span;
    return (i, j) => (rank[i] < 0 || rank[j] < 0 ? 0 : 1 - Math.abs(rank[i] - rank[j]) / scale);
  }
  const key = v.map((e) => (isMissing(e) ? null : normalise(e)));
  return (i, j) => (key[i] !== null && key[i] === key[j] ? 1 : 0);
}

/** Products from which no walk can reach a row summing below 1 (closed loops), if any. */
function closedLoop(n: number, links: readonly SimilarityLink[]): number[] {
  const rowSum = new Float64Array(n);
  const into: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) {
    rowSum[l.from] += l.probability;
    into[l.to].push(l.from);
  }
  // Products that can reach an exit: start from rows below 1 and walk the links backwards.
  const canExit = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < n; i++)
    if (rowSum[i] < 1 - 1e-12) {
      canExit[i] = 1;
      stack.push(i);
    }
  while (stack.length) {
    const j = stack.pop() as number;
    for (const i of into[j])
      if (!canExit[i]) {
        canExit[i] = 1;
        stack.push(i);
      }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!canExit[i]) out.push(i);
  return out;
}
