// The rules a plan must keep (docs/model.md §1): per product (exclude, mustOffer, minQty, maxQty, packSize, lock)
// and in total (budget, capacity, maxProducts, maxChanges). Shared by every method so that no method can return a plan the
// user ruled out, and checked once up front so an impossible set of rules is reported, not half-obeyed.

import { InputError, type Model, type Problem } from "./instance";
import { listNames, money } from "../text/format";

/** Products named in a rule message: quoted, six at the most. */
const IDS = { max: 6, quote: true };

/** Whether i must keep its current units exactly (Lock). */
export function isLocked(model: Model, i: number): boolean {
  return model.lock[i] === 1 && model.currentUnits !== null;
}

/** Whether i must be in every plan: must-offer, or locked at its current units. */
export function mustCarry(model: Model, i: number): boolean {
  return model.mustOffer[i] === 1 || isLocked(model, i);
}

/** Whether i is carried in the current range. */
export function carriedNow(model: Model, i: number): boolean {
  return model.currentUnits !== null && model.currentUnits[i] > 0;
}

/** Units of i that are allowed: 0 (unless mustOffer) or a multiple of packSize in [lowest, highest]. */
export function lowestUnits(model: Model, i: number): number {
  if (isLocked(model, i)) return (model.currentUnits as Int32Array)[i];
  const pack = model.packSize[i];
  return Math.ceil(Math.max(1, model.minQty[i]) / pack) * pack;
}

export function highestUnits(model: Model, i: number): number {
  if (isLocked(model, i)) return (model.currentUnits as Int32Array)[i];
  const pack = model.packSize[i];
  const max = Math.min(model.maxQty[i], 1e9);
  return Math.floor(max / pack) * pack;
}

/** Whether i may be carried at all. */
export function mayCarry(model: Model, i: number): boolean {
  if (isLocked(model, i)) return true;
  return !model.exclude[i] && lowestUnits(model, i) <= highestUnits(model, i);
}

/** The nearest allowed quantity to x for product i (rounding half up in packs). */
export function allowedUnits(model: Model, i: number, x: number): number {
  if (!mayCarry(model, i)) return 0;
  if (isLocked(model, i)) return lowestUnits(model, i);
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
  /** Products added or dropped relative to the current range (0 without one). */
  changes: number;
}

/** How moving i from `from` to `to` units changes the count of products added or dropped. */
export function changeDelta(model: Model, i: number, from: number, to: number): number {
  if (model.currentUnits === null || from > 0 === to > 0) return 0;
  const now = model.currentUnits[i] > 0;
  return to > 0 !== now ? 1 : -1;
}

export function usage(model: Model, units: ArrayLike<number>): Usage {
  let spend = 0;
  let space = 0;
  let carried = 0;
  let changes = 0;
  const current = model.currentUnits;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (current !== null && x > 0 !== current[i] > 0) changes++;
    if (x === 0) continue;
    spend += model.cost[i] * x;
    space += model.size[i] * x;
    carried++;
  }
  return { spend, space, carried, changes };
}

const SLACK = 1e-9;

export function withinTotals(model: Model, u: Usage): boolean {
  const { budget, capacity, maxProducts } = model.constraints;
  if (budget !== null && u.spend > budget * (1 + SLACK) + SLACK) return false;
  if (capacity !== null && u.space > capacity * (1 + SLACK) + SLACK) return false;
  if (maxProducts !== null && u.carried > maxProducts) return false;
  const maxChanges = model.constraints.maxChanges ?? null;
  if (maxChanges !== null && u.changes > maxChanges) return false;
  return true;
}

/**
 * maxChanges against the other rules: the changes no plan can avoid (must-offer products not carried now are
 * added, excluded products carried now are dropped, current products beyond maxProducts are dropped) must fit,
 * and so must the budget and capacity when only the allowed number of current products can be dropped.
 */
function changesFeasible(model: Model, problems: Problem[]): void {
  const k = model.constraints.maxChanges ?? null;
  if (k === null || model.currentUnits === null) return;
  const adds: number[] = [];
  const drops: number[] = [];
  const optional: number[] = [];
  let keepable = 0;
  for (let i = 0; i < model.n; i++) {
    const now = carriedNow(model, i);
    if (mustCarry(model, i) && !now) adds.push(i);
    if (now && !mayCarry(model, i)) drops.push(i);
    if (now && mayCarry(model, i)) keepable++;
    if (now && mayCarry(model, i) && !mustCarry(model, i)) optional.push(i);
  }
  keepable += adds.length;
  const { maxProducts, budget, capacity } = model.constraints;
  const extra = maxProducts !== null ? Math.max(0, keepable - maxProducts) : 0;
  const forced = adds.length + drops.length + extra;
  if (forced > k) {
    const parts: string[] = [];
    if (adds.length)
      parts.push(
        `adding must-offer ${listNames(
          adds.map((i) => model.ids[i]),
          IDS,
        )} (not carried now)`,
      );
    if (drops.length)
      parts.push(
        `dropping ${listNames(
          drops.map((i) => model.ids[i]),
          IDS,
        )} (carried now, but excluded or no quantity fits)`,
      );
    if (extra) parts.push(`dropping ${extra} of the current products to stay within maxProducts ${maxProducts}`);
    problems.push({
      section: "constraints",
      field: "maxChanges",
      value: k,
      products: [...adds, ...drops].map((i) => model.ids[i]),
      message: `Every plan changes at least ${forced} products against the current range (${parts.join("; ")}), more than maxChanges ${k}; raise maxChanges or change those rules.`,
    });
    return;
  }
  // Current products that may still be dropped: the rest stay, each at least at its lowest quantity.
  const mayDrop = k - adds.length - drops.length;
  const mustStay = Math.max(0, optional.length - mayDrop);
  if (mustStay === 0) return;
  const check = (limit: number | null, weight: Float64Array, rule: string, words: string) => {
    if (limit === null) return;
    let fixed = 0;
    for (let i = 0; i < model.n; i++) if (mustCarry(model, i)) fixed += weight[i] * lowestUnits(model, i);
    const least = optional.map((i) => weight[i] * lowestUnits(model, i)).sort((a, b) => a - b);
    let need = fixed;
    for (let j = 0; j < mustStay; j++) need += least[j];
    if (need > limit * (1 + SLACK) + SLACK)
      problems.push({
        section: "constraints",
        field: rule,
        value: limit,
        message: `With maxChanges ${k}, at least ${mustStay} of the ${optional.length} current products stay in the range, and with the must-offer and locked products they ${words} at least ${money(need)}, above the ${rule} ${money(limit)}; raise maxChanges or the ${rule}.`,
      });
  };
  check(budget, model.cost, "budget", "cost");
  check(capacity, model.size, "capacity", "take a space of");
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
  // Locked products are in every plan at their current units, like must-offer ones at their minimum.
  let locked = 0;
  for (let i = 0; i < model.n; i++)
    if (isLocked(model, i) && !model.mustOffer[i]) {
      must.push(i);
      locked++;
    }
  const ids = must.map((i) => model.ids[i]);
  const list = listNames(ids, IDS);
  const what = locked === 0 ? "must-offer" : locked === must.length ? "locked" : "must-offer and locked";
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
      message: `${must.length} products must be offered (${list}), more than maxProducts ${maxProducts}; raise maxProducts or unmark some ${what} products.`,
    });
  }
  if (budget !== null && u.spend > budget * (1 + SLACK) + SLACK) {
    problems.push({
      section: "constraints",
      field: "budget",
      value: budget,
      products: ids,
      message: `The ${what} products (${list}) cost ${money(u.spend)} at their ${locked ? "fixed or minimum" : "minimum"} quantities, above the budget ${money(budget)}; raise the budget or lower their ${locked ? "units" : "minimums"}.`,
    });
  }
  if (capacity !== null && u.space > capacity * (1 + SLACK) + SLACK) {
    problems.push({
      section: "constraints",
      field: "capacity",
      value: capacity,
      products: ids,
      message: `The ${what} products (${list}) take ${money(u.space)} of space at their ${locked ? "fixed or minimum" : "minimum"} quantities, above the capacity ${money(capacity)}; raise the capacity or lower their ${locked ? "units" : "minimums"}.`,
    });
  }
  if (problems.length === 0) changesFeasible(model, problems);
  if (problems.length > 0) throw new InputError(problems);
}
