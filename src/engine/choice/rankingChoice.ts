// Customer types with a ranked list (rankings, or consideration sets in preference order): a customer of a
// type buys the first product of her list that is available, and leaves when none is. The list need not
// hold every product: what is not on it she would never buy.

import { aliasDraw, aliasTable } from "../random/alias";
import type { ChoiceModel, Purchase } from "./choiceModel";

export interface RankingType {
  /** Share of customers of this type (any non-negative weights; normalised). */
  weight: number;
  /** Product indices in preference order, no repeats. */
  ranking: readonly number[];
}

export function rankingChoice(n: number, types: readonly RankingType[]): ChoiceModel {
  let total = 0;
  for (const t of types) total += t.weight;
  if (!(total > 0)) throw new RangeError("the customer types' weights must add up to more than 0");
  const share = types.map((t) => t.weight / total);
  const draw = aliasTable(share);
  return {
    n,
    label: `rankings of ${types.length} customer type${types.length === 1 ? "" : "s"}`,
    probabilities(available): Purchase {
      const purchase = new Float64Array(n);
      let bought = 0;
      types.forEach((t, k) => {
        for (const j of t.ranking) {
          if (!available[j]) continue;
          purchase[j] += share[k];
          bought += share[k];
          return;
        }
      });
      return { purchase, noPurchase: Math.max(0, 1 - bought) };
    },
    substitutes() {
      // A customer who misses i can only end at a product later on a list that holds i.
      const seen = new Set<number>();
      const pairs: Array<[number, number]> = [];
      for (const t of types)
        for (let a = 0; a < t.ranking.length; a++)
          for (let b = a + 1; b < t.ranking.length; b++) {
            const i = t.ranking[a];
            const j = t.ranking[b];
            if (seen.has(i * n + j)) continue;
            seen.add(i * n + j);
            pairs.push([i, j]);
          }
      return pairs;
    },
    choose(available, u, missed): number {
      for (const j of types[aliasDraw(draw, u)].ranking) {
        if (available[j]) return j;
        if (missed) missed[j] = 1;
      }
      return -1;
    },
  };
}
