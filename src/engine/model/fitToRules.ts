// Turns any wished-for quantities into a plan that keeps every rule: each product's own rules first
// (exclude, mustOffer, lock, minQty, maxQty, packs), then the totals (maxProducts, maxChanges, budget,
// capacity) by removing
// the units that are worth least per unit of the limit they use. A unit's worth is judged as if the product
// sold alone to Poisson(mean[i]) customers: a quick, monotone guide, since the search that follows (when
// there is one) re-judges every unit by simulation.

import type { Model } from "./instance";
import { IndexHeap } from "../optimize/indexHeap";
import { allowedUnits, carriedNow, lowestUnits, mayCarry, mustCarry, usage } from "./planLimits";
import { newsvendorProfit } from "../random/poissonNewsvendor";

/** Profit lost by going from x down to `to` units. */
function lossOf(model: Model, mean: Float64Array, i: number, x: number, to: number): number {
  const p = model.price[i];
  const c = model.cost[i];
  const s = model.salvage[i];
  return newsvendorProfit(mean[i], x, p, c, s) - newsvendorProfit(mean[i], to, p, c, s);
}

/** The next smaller allowed quantity (−1 when the product cannot go lower). */
function stepDown(model: Model, i: number, x: number): number {
  if (x === 0) return -1;
  const next = x - model.packSize[i];
  if (next >= lowestUnits(model, i)) return next;
  return mustCarry(model, i) ? -1 : 0;
}

/**
 * At most maxChanges products added or dropped: undo the changes that are worth least, first the added
 * products (each undone frees a product slot), then restore dropped current products while maxProducts allows.
 */
function keepChanges(model: Model, units: Int32Array, mean: Float64Array): void {
  const k = model.constraints.maxChanges ?? null;
  if (k === null || model.currentUnits === null) return;
  const current = model.currentUnits;
  const maxProducts = model.constraints.maxProducts;
  let u = usage(model, units);
  while (u.changes > k) {
    let best = -1;
    let bestLoss = Infinity;
    let bestTo = 0;
    for (let i = 0; i < model.n; i++) {
      const now = carriedNow(model, i);
      if (units[i] > 0 && !now && !mustCarry(model, i)) {
        const loss = lossOf(model, mean, i, units[i], 0);
        if (loss < bestLoss) [best, bestLoss, bestTo] = [i, loss, 0];
      } else if (units[i] === 0 && now && mayCarry(model, i) && (maxProducts === null || u.carried < maxProducts)) {
        const to = Math.max(lowestUnits(model, i), allowedUnits(model, i, current[i]));
        const loss = -lossOf(model, mean, i, to, 0);
        if (loss < bestLoss) [best, bestLoss, bestTo] = [i, loss, to];
      }
    }
    if (best < 0) return;
    units[best] = bestTo;
    u = usage(model, units);
  }
}

export function fitToRules(model: Model, wish: ArrayLike<number>, mean: Float64Array): Int32Array {
  const n = model.n;
  const units = new Int32Array(n);
  for (let i = 0; i < n; i++) units[i] = allowedUnits(model, i, wish[i]);
  const { budget, capacity, maxProducts } = model.constraints;

  // Too many products: drop whole products, least valuable first (must-offer ones stay).
  if (maxProducts !== null) {
    const carried: number[] = [];
    for (let i = 0; i < n; i++) if (units[i] > 0 && !mustCarry(model, i)) carried.push(i);
    let count = usage(model, units).carried;
    if (count > maxProducts) {
      // Products not carried now go first: dropping them also undoes a change.
      const added = (i: number) => (model.currentUnits !== null && !carriedNow(model, i) ? 0 : 1);
      carried.sort(
        (a, b) =>
          (model.constraints.maxChanges != null ? added(a) - added(b) : 0) ||
          lossOf(model, mean, a, units[a], 0) - lossOf(model, mean, b, units[b], 0) ||
          a - b,
      );
      for (const i of carried) {
        if (count <= maxProducts) break;
        units[i] = 0;
        count--;
      }
    }
  }

  keepChanges(model, units, mean);

  // Over budget or capacity: remove steps (a pack, or the last allowed quantity) with the least loss per
  // unit of the limit freed, until both fit.
  const trim = (limit: number | null, weight: Float64Array) => {
    if (limit === null) return;
    let used = 0;
    for (let i = 0; i < n; i++) used += weight[i] * units[i];
    if (used <= limit * (1 + 1e-9) + 1e-9) return;
    const heap = new IndexHeap(n);
    const maxChanges = model.constraints.maxChanges ?? null;
    let changes = usage(model, units).changes;
    // Dropping a product carried now is a change: not allowed once maxChanges is reached.
    const blocked = (i: number, to: number) =>
      maxChanges !== null && to === 0 && carriedNow(model, i) && changes >= maxChanges;
    const push = (i: number) => {
      const to = stepDown(model, i, units[i]);
      if (to < 0 || weight[i] <= 0 || blocked(i, to)) {
        heap.remove(i);
        return;
      }
      heap.set(i, lossOf(model, mean, i, units[i], to) / (weight[i] * (units[i] - to)));
    };
    for (let i = 0; i < n; i++) push(i);
    while (used > limit * (1 + 1e-9) + 1e-9 && heap.length > 0) {
      const i = heap.peek();
      const to = stepDown(model, i, units[i]);
      if (blocked(i, to)) {
        heap.remove(i);
        continue;
      }
      if (to === 0 && model.currentUnits !== null) changes += carriedNow(model, i) ? 1 : -1;
      used -= weight[i] * (units[i] - to);
      units[i] = to;
      push(i);
    }
  };
  trim(budget, model.cost);
  trim(capacity, model.size);
  return units;
}
