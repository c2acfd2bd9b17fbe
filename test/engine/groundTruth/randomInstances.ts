// Random dense instances for tests, and their JSON form (docs/model.md §1) for validateInstance.

import type { DenseInstance } from "./exactDp";
import type { TestRandom } from "./testRandom";

export interface RandomInstanceOptions {
  n: number;
  totalDemand: number;
  /** Substitutes per product (at most n − 1). */
  linksPerRow: number;
  /** Share of eligible rows that sum to exactly 1 (only rows that link to a product with an exit). */
  fullRowShare?: number;
  /** Share of products whose price does not exceed the cost. */
  negativeMarginShare?: number;
  /** Share of products marked exclude. */
  excludeShare?: number;
  /** Give some products a salvage value (below cost). */
  salvage?: boolean;
}

/** Splits `total` sixteenths into k positive parts (exact in binary floating point). */
function dyadicSplit(rnd: TestRandom, k: number): number[] {
  const cuts = rnd
    .sample(15, k - 1)
    .map((c) => c + 1)
    .sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const c of [...cuts, 16]) {
    parts.push((c - prev) / 16);
    prev = c;
  }
  return parts;
}

/**
 * Rows of odd products (and of the last product) always leave an exit; an even product's row may sum to
 * exactly 1 (dyadic probabilities) but then it always links to the next product, which has an exit, so
 * no closed loop can form.
 */
export function randomDenseInstance(rnd: TestRandom, o: RandomInstanceOptions): DenseInstance {
  const n = o.n;
  const ids = Array.from({ length: n }, (_, i) => `P${i}`);
  const price: number[] = [];
  const cost: number[] = [];
  const salvage: number[] = [];
  const exclude: boolean[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = Math.round(rnd.uniform(5, 40) * 100) / 100;
    const negative = rnd.next() < (o.negativeMarginShare ?? 0);
    const c = Math.round((negative ? rnd.uniform(1, 1.3) : rnd.uniform(0.2, 0.9)) * p * 100) / 100;
    price.push(p);
    cost.push(c);
    salvage.push(o.salvage && rnd.next() < 0.6 ? Math.round(rnd.uniform(0, 0.8) * c * 100) / 100 : 0);
    exclude.push(rnd.next() < (o.excludeShare ?? 0));
    weight.push(rnd.uniform(0.1, 1) ** 2);
  }
  const wsum = weight.reduce((a, b) => a + b, 0);
  const demand = weight.map((w) => (w / wsum) * o.totalDemand);
  const rho = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const k = Math.min(o.linksPerRow, n - 1);
    if (k === 0) continue;
    const canBeFull = i % 2 === 0 && i + 1 < n;
    if (canBeFull && rnd.next() < (o.fullRowShare ?? 0)) {
      const targets = [i + 1, ...rnd.sample(n, Math.min(k, 16) - 1, i).filter((j) => j !== i + 1)].slice(
        0,
        Math.min(k, 16),
      );
      const parts = dyadicSplit(rnd, targets.length);
      targets.forEach((j, t) => (rho[i][j] = parts[t]));
    } else {
      const targets = rnd.sample(n, k, i);
      const rowSum = rnd.uniform(0.15, 0.95);
      const w = targets.map(() => rnd.uniform(0.05, 1));
      const ws = w.reduce((a, b) => a + b, 0);
      targets.forEach((j, t) => (rho[i][j] = (w[t] / ws) * rowSum));
    }
  }
  return { ids, price, cost, salvage, demand, rho, exclude };
}

export interface CustomersJson {
  distribution: "poisson" | "fixed" | "negbin";
  cv?: number;
}

/** The instance as JSON (docs/model.md §1), with substitution as a list or as a square matrix. */
export function toInstanceJson(
  inst: DenseInstance,
  customers: CustomersJson = { distribution: "poisson" },
  form: "list" | "matrix" = "list",
): Record<string, unknown> {
  const n = inst.ids.length;
  const products = inst.ids.map((id, i) => {
    const p: Record<string, unknown> = { id, price: inst.price[i], cost: inst.cost[i], demand: inst.demand[i] };
    if (inst.salvage[i] > 0) p.salvage = inst.salvage[i];
    if (inst.exclude?.[i]) p.exclude = true;
    return p;
  });
  let substitution: unknown;
  if (form === "list") {
    const links: { from: string; to: string; probability: number }[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (inst.rho[i][j] > 0) links.push({ from: inst.ids[i], to: inst.ids[j], probability: inst.rho[i][j] });
    substitution = links;
  } else {
    substitution = { ids: [...inst.ids], matrix: inst.rho.map((r) => [...r]) };
  }
  return { products, substitution, customers };
}
