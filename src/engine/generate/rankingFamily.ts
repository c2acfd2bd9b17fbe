// Ranking customers for the choice benchmark (bench/choice.ts) and tests: customer types who consider a few
// products and buy the first one of their list in stock, revenue only. Two shapes of consideration set:
//   subsets    a random subset of 1..maxConsidered products, in a random preference order;
//   intervals  products sit on a line by price; a type considers a run of neighbours (a price band) and
//              prefers the cheaper ones first, the classic interval-consideration family.

import { seedKey } from "../random/hash";
import { Rng } from "../random/rng";
import type { RankingType } from "../choice/rankingChoice";

export type ConsiderationShape = "subsets" | "intervals";

export interface RankingFamilyOptions {
  n: number;
  types: number;
  shape: ConsiderationShape;
  /** Longest list (default 5). */
  maxConsidered?: number;
  seed?: number | string;
}

export interface RankingFamily {
  ids: string[];
  /** Prices 1–10. */
  price: Float64Array;
  types: RankingType[];
}

export function rankingFamily(o: RankingFamilyOptions): RankingFamily {
  const rng = new Rng(seedKey(o.seed ?? 1));
  const n = o.n;
  const most = Math.max(1, Math.min(n, o.maxConsidered ?? 5));
  const ids = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(3, "0")}`);
  const price = new Float64Array(n);
  for (let i = 0; i < n; i++) price[i] = Math.round((1 + 9 * rng.next()) * 100) / 100;
  if (o.shape === "intervals") price.sort();
  const types: RankingType[] = [];
  for (let t = 0; t < o.types; t++) {
    const size = 1 + Math.floor(rng.next() * most);
    let ranking: number[];
    if (o.shape === "intervals") {
      const start = Math.floor(rng.next() * (n - size + 1));
      ranking = Array.from({ length: size }, (_, k) => start + k); // cheapest first: prices are sorted
    } else {
      const chosen = new Set<number>();
      while (chosen.size < size) chosen.add(Math.floor(rng.next() * n));
      ranking = [...chosen]; // insertion order is random: a random preference order
    }
    types.push({ weight: 0.2 + rng.next(), ranking });
  }
  return { ids, price, types };
}
