// The reason for an action against the current range, in the merchandiser's words, including why the
// QUANTITY: the exact value of one more unit on the search's seasons (marginalValues.ts) says whether a
// further unit would pay, and when a budget or the space binds, which product earns more with it.

import type { Model } from "../model/instance";
import { highestUnits, isLocked, lowestUnits, mustCarry, usage } from "../model/planLimits";
import type { UnitValues } from "../simulate/sampledSeasons";
import { whereDemandGoes } from "../optimize/whereDemandGoes";
import type { Action } from "./compareTypes";

function amount(x: number): string {
  const a = Math.abs(x);
  return a >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100);
}

function units(x: number): string {
  return x === 1 ? "1 unit" : `${x} units`;
}

/**
 * The product whose last unit the plan would give up first to pay for one more unit of i: the carried,
 * movable j ≠ i whose last unit earns least per unit of `weight` (budget: cost; space: size); −1 if none.
 */
function cheapestLastUnit(
  model: Model,
  plan: ArrayLike<number>,
  v: UnitValues,
  weight: Float64Array,
  i: number,
): number {
  let best = -1;
  let bestRate = Infinity;
  for (let j = 0; j < model.n; j++) {
    if (j === i || plan[j] === 0 || weight[j] <= 0 || isLocked(model, j) || !Number.isFinite(v.fewer[j])) continue;
    if (mustCarry(model, j) && plan[j] - model.packSize[j] < lowestUnits(model, j)) continue;
    const rate = -v.fewer[j] / weight[j];
    if (rate < bestRate) [best, bestRate] = [j, rate];
  }
  return best;
}

/** Why i gets `plan[i]` units, not one more: "12 units: beyond these the budget earns more on TEE-WHT-M". */
export function quantityReason(model: Model, plan: ArrayLike<number>, v: UnitValues | undefined, i: number): string {
  const x = plan[i];
  const head = units(x);
  if (isLocked(model, i)) return `${head}: locked at the current units`;
  if (x >= highestUnits(model, i)) return `${head}: its maximum`;
  if (!v) return head;
  const more = v.more[i];
  if (!(more > 0)) return `${head}: one more would earn less than it costs (${amount(more)} on average)`;
  const u = usage(model, plan);
  const { budget, capacity } = model.constraints;
  const near = (used: number, limit: number | null) => limit !== null && used >= 0.98 * limit;
  for (const [limit, used, weight, name] of [
    [budget, u.spend, model.cost, "the budget"],
    [capacity, u.space, model.size, "the space"],
  ] as const) {
    if (!near(used, limit)) continue;
    const j = cheapestLastUnit(model, plan, v, weight, i);
    if (j < 0) return `${head}: ${name} is used up`;
    const mine = weight[i] > 0 ? more / weight[i] : -Infinity;
    if (-v.fewer[j] / weight[j] > mine) return `${head}: beyond these ${name} earns more on ${model.ids[j]}`;
    // The sampled values disagree with the plan here: say so rather than invent a reason.
    return `${head}: ${name} is used up; one more here (about ${amount(more)}) would earn more than the last unit of ${model.ids[j]} (about ${amount(-v.fewer[j])}), a swap the search did not make`;
  }
  return `${head}: one more would still add about ${amount(more)} on the seasons searched; a longer search may buy it`;
}

/** Why a product carried now is dropped: where its customers go, and what the product they go to gains. */
export function dropReason(model: Model, plan: ArrayLike<number>, i: number, fallback: string): string {
  const current = model.currentUnits as Int32Array;
  const available = new Uint8Array(model.n);
  for (let j = 0; j < model.n; j++) available[j] = plan[j] > 0 ? 1 : 0;
  const t = whereDemandGoes(model, available, i);
  const top = [...t.buys.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!top || t.retained < 0.3) return fallback;
  const [j, share] = top;
  const gained = plan[j] - current[j];
  const also = t.retained - share >= 0.05 ? ` (${Math.round(100 * t.retained)}% stay in the range)` : "";
  return (
    `${Math.round(100 * share)}% of its customers buy ${model.ids[j]} instead` +
    (current[j] === 0
      ? `, which is added with ${units(plan[j])}`
      : gained > 0
        ? `, which gains ${units(gained)}`
        : "") +
    also
  );
}

/** The sentence's opening for an action: "Keep", "Add", "Drop", "More (+3)", "Fewer (−2)". */
export function actionHead(action: Action, current: number, x: number): string {
  if (action === "More") return `More (+${x - current})`;
  if (action === "Fewer") return `Fewer (−${current - x})`;
  if (action === "Keep" && x === 0) return "Still not carried";
  return action;
}
