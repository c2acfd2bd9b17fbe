// A capacity-bound, zero-cost benchmark family: customers who rank products (each type has a short
// preference list), turned into a Markov chain the usual way (λ_i = share of customers ranking i first;
// ρ_ij = share of appearances of i in a list that are followed by j), revenue only (cost and salvage 0),
// at most `capacity` units in total. Strong substitution and a binding limit: the setting where a search
// can park most of the capacity on one product.

import { seedKey } from "../random/hash";
import type { InstanceInput, ProductInput, SubstitutionLink } from "../model/instance";
import { Rng } from "../random/rng";

export interface RankingChainOptions {
  /** Number of products. */
  n: number;
  /** Customer types (preference lists). */
  types: number;
  /** Length of each list, drawn in [lo, hi] (longer lists: stronger substitution). */
  listLength: [number, number];
  /** Units allowed in total. */
  capacity: number;
  /** Expected customers as a multiple of the capacity. */
  trafficPerUnit: number;
  seed?: number | string;
}

export function rankingChain(o: RankingChainOptions): InstanceInput {
  const rng = new Rng(seedKey(o.seed ?? 1));
  const n = o.n;
  const ids = Array.from({ length: n }, (_, i) => `R${String(i + 1).padStart(3, "0")}`);
  // Prices 1–10: revenue only, so only prices and the chain matter.
  const price = ids.map(() => Math.round((1 + 9 * rng.next()) * 100) / 100);
  // Popular products appear in more lists (a mild Zipf weight for being picked).
  const pick = ids.map((_, i) => 1 / Math.sqrt(i + 1));
  const first = new Float64Array(n);
  const follows = new Map<number, number>();
  const appears = new Float64Array(n);
  for (let t = 0; t < o.types; t++) {
    const w = 0.2 + rng.next();
    const len = Math.min(n, o.listLength[0] + Math.floor(rng.next() * (o.listLength[1] - o.listLength[0] + 1)));
    const list: number[] = [];
    while (list.length < len) {
      let total = 0;
      for (let i = 0; i < n; i++) if (!list.includes(i)) total += pick[i];
      let x = rng.next() * total;
      let chosen = -1;
      for (let i = 0; i < n; i++) {
        if (list.includes(i)) continue;
        chosen = i;
        x -= pick[i];
        if (x <= 0) break;
      }
      list.push(chosen);
    }
    first[list[0]] += w;
    for (let k = 0; k < list.length; k++) {
      appears[list[k]] += w;
      if (k + 1 < list.length) {
        const key = list[k] * n + list[k + 1];
        follows.set(key, (follows.get(key) ?? 0) + w);
      }
    }
  }
  const totalFirst = first.reduce((a, b) => a + b, 0);
  const demand = o.capacity * o.trafficPerUnit;
  const products: ProductInput[] = ids.map((id, i) => ({
    id,
    price: price[i],
    cost: 0,
    demand: Math.round(((demand * first[i]) / totalFirst) * 1e4) / 1e4,
  }));
  const substitution: SubstitutionLink[] = [];
  for (const [key, w] of [...follows.entries()].sort((a, b) => a[0] - b[0])) {
    const i = Math.floor(key / n);
    const j = key % n;
    // Round down so a row never creeps above the share of lists that go on.
    const p = Math.floor((w / appears[i]) * 1e6) / 1e6;
    if (p > 0) substitution.push({ from: ids[i], to: ids[j], probability: p });
  }
  // A product nobody ranks first has zero demand; the engine accepts that (it may still get substitutes).
  return {
    products,
    substitution,
    customers: { distribution: "poisson" },
    constraints: { capacity: o.capacity },
  };
}
