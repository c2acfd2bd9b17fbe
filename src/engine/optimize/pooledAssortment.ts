// The paper's first step (El Housni et al. 2021), as we reconstruct it (docs/model.md §5): start from the fluid
// assortment and drop long-tail products whose customers are better pooled into substitutes.
//
// Our rule, documented in docs/methods.md: a carried product i with fluid sales z_i below τ = threshold·√(ΣD/N)
// (the paper's order √(T/N)) is a candidate. Dropping it costs, in the fluid model, the value its customers
// lose by walking on, z_i·(m_i − Σ_j ρ_ij u_j) with u the fluid dual (exact for a small change); it saves
// what demand randomness costs a product stocked on its own, m_i·z_i − max_x newsvendor(z_i, x). We drop
// when the saving exceeds the cost, i.e. only when substitutes retain enough of the revenue ("pooling without
// cannibalising"), a batch of mutually unrelated candidates at a time, re-solving the fluid problem after
// each batch so the dropped products' customers flow to their substitutes before the next decision.

import { solveFluid, type FluidSolution } from "../bound/fluidBound";
import type { Model } from "../model/instance";
import { criticalFractile, newsvendorProfit, poissonQuantile } from "../random/poissonNewsvendor";

export interface PooledAssortment {
  /** 1 where the product stays in the assortment. */
  offered: Uint8Array;
  /** 1 where the pooling step dropped it (it was in the fluid assortment). */
  pooled: Uint8Array;
  fluid: FluidSolution;
  threshold: number;
}

/** Expected profit lost to randomness by a product stocked alone for Poisson(z) customers. */
export function randomnessCost(price: number, cost: number, salvage: number, z: number): number {
  if (!(z > 0) || price <= cost) return 0;
  const x = poissonQuantile(z, criticalFractile(price, cost, salvage));
  return (price - cost) * z - Math.max(0, newsvendorProfit(z, x, price, cost, salvage));
}

export function pooledAssortment(
  model: Model,
  margin: Float64Array,
  allowed: Uint8Array,
  thresholdFactor = 1,
): PooledAssortment {
  const n = model.n;
  const sub = model.substitution;
  const threshold = thresholdFactor * Math.sqrt(model.totalDemand / Math.max(1, n));
  const open = allowed.slice();
  const pooled = new Uint8Array(n);
  let fluid = solveFluid(margin, model.demand, sub, open);
  const batch = new Uint8Array(n);
  for (let round = 0; round < n; round++) {
    const candidates: number[] = [];
    for (let i = 0; i < n; i++)
      if (fluid.offered[i] && !model.mustOffer[i] && fluid.sales[i] < threshold) candidates.push(i);
    candidates.sort((a, b) => fluid.sales[a] - fluid.sales[b] || a - b);
    batch.fill(0);
    let dropped = 0;
    for (const i of candidates) {
      // Skip products linked to one dropped in this batch: each decision assumes its substitutes stay.
      let linked = false;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1] && !linked; e++) linked = batch[sub.col[e]] === 1;
      for (let e = sub.colStart[i]; e < sub.colStart[i + 1] && !linked; e++) linked = batch[sub.colSource[e]] === 1;
      if (linked) continue;
      let walkOn = 0;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) walkOn += sub.prob[e] * fluid.dual[sub.col[e]];
      const loss = fluid.sales[i] * (margin[i] - walkOn);
      const saving = randomnessCost(model.price[i], model.cost[i], model.salvage[i], fluid.sales[i]);
      if (saving > loss) {
        batch[i] = 1;
        open[i] = 0;
        pooled[i] = 1;
        dropped++;
      }
    }
    if (dropped === 0) break;
    fluid = solveFluid(margin, model.demand, sub, open);
  }
  return { offered: fluid.offered.slice(), pooled, fluid, threshold };
}
