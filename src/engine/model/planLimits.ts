// The rules a plan must keep (docs/model.md §1): per product (exclude, mustOffer, minQty, maxQty, packSize) and
// in total (budget, capacity, maxProducts). Shared by every method so that no method can return a plan the
// user ruled out, and checked once up front so an impossible set of rules is reported, not half-obeyed.

import { InputError, type Model, type Problem } from "./instance";

/** Units of i that are allowed: 0 (unless mustOffer) or a multiple of packSize in [lowest, highest]. */
export function lowestUnits(model: Model, i: number): number {
  const pack = model.packSize[i];
  return Math.ceil(Math.max(1, model.minQty[i]) / pack) * pack;
}

export function highestUnits(model: Model, i: number): number {
  const pack = model.packSize[i];
  const max = Math.min(model.maxQty[i], 1e9);
  return Math.floor(max / pack) * pack;
}

/** Whether i may be carried at all. */
export function mayCarry(model: Model, i: number): boolean {
  return !model.exclude[i] && lowestUnits(model, i) <= highestUnits(model, i);
}

/** The nearest allowed quantity to x for product i (rounding half up in packs). */
export function allowedUnits(model: Model, i: number, x: number): number {
  if (!mayCarry(model, i)) return 0;
  const pack = model.packSize[i];
  const lo = lowestUnits(model, i);
  const hi = highestUnits(model, i);
  if (!(x > 0)) return model.mustOffer[i] ? lo : 0;
  let q = Math.round(x / pack) * pack;
  if (q < lo) q = !model.mustOffer[i] && x < lo / 2 ? 0 : lo;
  return Math.min(q, hi);
}

export interface Usage {
  spend: number;
  space: number;
  carried: number;
}

export function usage(model: Model, units: ArrayLike<number>): Usage {
  let spend = 0;
  let space = 0;
  let carried = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (x === 0) continue;
    spend += model.cost[i] * x;
    space += model.size[i] * x;
    carried++;
  }
  return { spend, space, carried };
}

const SLACK = 1e-9;

export function withinTotals(model: Model, u: Usage): boolean {
  const { budget, capacity, maxProducts } = model.constraints;
  if (budget !== null && u.spend > budget * (1 + SLACK) + SLACK) return false;
  if (capacity !== null && u.space > capacity * (1 + SLACK) + SLACK) return false;
  if (maxProducts !== null && u.carried > maxProducts) return false;
  return true;
}

function money(x: number): string {
  return String(+x.toFixed(2));
}

/**
 * Throws InputError when the rules contradict each other: must-offer products that cannot be carried, or
 * whose minimum stock alone breaks the budget, the capacity or the product limit. Names the products.
 */
export function checkRulesFeasible(model: Model): void {
  const problems: Problem[] = [];
  const must: number[] = [];
  for (let i = 0; i < model.n; i++) {
    if (!model.mustOffer[i]) continue;
    must.push(i);
    if (lowestUnits(model, i) > highestUnits(model, i)) {
      problems.push({
        section: "products",
        index: i,
        productId: model.ids[i],
        field: "maxQty",
        message: `Product '${model.ids[i]}' must be offered, but no quantity fits: at least ${lowestUnits(model, i)} units (minQty ${model.minQty[i]}, packs of ${model.packSize[i]}) and at most ${model.maxQty[i]}; raise maxQty or lower minQty.`,
      });
    }
  }
  const ids = must.map((i) => model.ids[i]);
  const list =
    ids.length <= 6
      ? ids.map((id) => `'${id}'`).join(", ")
      : `${ids
          .slice(0, 6)
          .map((id) => `'${id}'`)
          .join(", ")} and ${ids.length - 6} more`;
  const { budget, capacity, maxProducts } = model.constraints;
  const min = new Float64Array(model.n);
  for (const i of must) min[i] = lowestUnits(model, i);
  const u = usage(model, min);
  if (maxProducts !== null && must.length > maxProducts) {
    problems.push({
      section: "constraints",
      field: "maxProducts",
      value: maxProducts,
      products: ids,
      message: `${must.length} products must be offered (${list}), more than maxProducts ${maxProducts}; raise maxProducts or unmark some must-offer products.`,
    });
  }
  if (budget !== null && u.spend > budget * (1 + SLACK) + SLACK) {
    problems.push({
      section: "constraints",
      field: "budget",
      value: budget,
      products: ids,
      message: `The must-offer products (${list}) cost ${money(u.spend)} at their minimum quantities, above the budget ${money(budget)}; raise the budget or lower their minimums.`,
    });
  }
  if (capacity !== null && u.space > capacity * (1 + SLACK) + SLACK) {
    problems.push({
      section: "constraints",
      field: "capacity",
      value: capacity,
      products: ids,
      message: `The must-offer products (${list}) take ${money(u.space)} of space at their minimum quantities, above the capacity ${money(capacity)}; raise the capacity or lower their minimums.`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}
