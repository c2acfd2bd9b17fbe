// A season simulated under the source choice model itself, not the chain made from it: Poisson customers
// arrive one by one and each buys what the model says among the products still in stock (a ranking
// customer her first product in stock, a logit customer by logit over those in stock), or leaves. Customers
// are independent, so the model's probabilities for the set in stock are exactly one customer's choice.
// It judges a plan made on a converted chain by the model it came from (`assort chain --check-plan`,
// bench/choice.ts). Common random numbers: a season's customer count and each customer's uniform depend
// only on the seed and the season's index, so two plans are compared on the same customers.

import { hashPair, seedKey } from "../random/hash";
import { samplePoisson } from "../random/poisson";
import { Rng } from "../random/rng";
import type { ChoiceModel } from "./choiceModel";

export interface SourcePlan {
  price: ArrayLike<number>;
  cost: ArrayLike<number>;
  salvage: ArrayLike<number>;
  units: ArrayLike<number>;
  /** Expected customers in the season (Poisson), including those who will want none of the products. */
  customers: number;
}

/** Revenue of one season; `missed` (if given) marks products a customer wanted but found sold out. */
export function sourceSeasonRevenue(
  model: ChoiceModel,
  plan: SourcePlan,
  season: number,
  key: number,
  missed?: Uint8Array,
): number {
  const n = model.n;
  const rng = new Rng(hashPair(key, season));
  const count = samplePoisson(rng, plan.customers);
  const stock = new Float64Array(n);
  const inStock = new Uint8Array(n);
  for (let j = 0; j < n; j++) inStock[j] = (stock[j] = Math.max(0, Math.floor(plan.units[j]))) > 0 ? 1 : 0;
  let cumulative: Float64Array | null = null;
  let revenue = 0;
  for (let c = 0; c < count; c++) {
    const u = rng.next();
    let j: number;
    if (model.choose) j = model.choose(inStock, u, missed);
    else {
      if (cumulative === null) {
        const p = model.probabilities(inStock).purchase;
        cumulative = new Float64Array(n);
        let s = 0;
        for (let k = 0; k < n; k++) cumulative[k] = s += p[k];
      }
      j = -1;
      if (u < cumulative[n - 1]) {
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (u < cumulative[mid]) hi = mid;
          else lo = mid + 1;
        }
        j = lo;
      }
    }
    if (j < 0) continue;
    revenue += plan.price[j];
    if (--stock[j] === 0) {
      inStock[j] = 0;
      cumulative = null;
    }
  }
  return revenue;
}

export interface SourceSimulation {
  seasons: number;
  meanProfit: number;
  /** Standard error of meanProfit. */
  standardError: number;
  /** Units bought × cost: the plan's fixed outlay, in meanProfit already. */
  purchaseCost: number;
}

/** Expected profit of a plan under the source model: revenue by simulation, salvage of what is left. */
export function simulateSourceModel(
  model: ChoiceModel,
  plan: SourcePlan,
  options: { seasons?: number; seed?: number | string } = {},
): SourceSimulation {
  const seasons = Math.max(2, Math.floor(options.seasons ?? 1000));
  const key = seedKey(options.seed ?? 1);
  let purchaseCost = 0;
  let salvageValue = 0;
  for (let j = 0; j < model.n; j++) {
    const u = Math.max(0, Math.floor(plan.units[j]));
    purchaseCost += plan.cost[j] * u;
    salvageValue += plan.salvage[j] * u;
  }
  // Salvage is earned on unsold units: profit = Σ (price − salvage)·sold + Σ (salvage − cost)·units.
  const net: SourcePlan = {
    ...plan,
    price: Array.from({ length: model.n }, (_, j) => plan.price[j] - plan.salvage[j]),
  };
  let sum = 0;
  let sumSq = 0;
  for (let s = 0; s < seasons; s++) {
    const r = sourceSeasonRevenue(model, net, s, key);
    sum += r;
    sumSq += r * r;
  }
  const mean = sum / seasons;
  const variance = Math.max(0, (sumSq - seasons * mean * mean) / (seasons - 1));
  return {
    seasons,
    meanProfit: mean + salvageValue - purchaseCost,
    standardError: Math.sqrt(variance / seasons),
    purchaseCost,
  };
}
