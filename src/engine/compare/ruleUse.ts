// Each plan-wide rule with how much of it the plan uses (used / limit) and whether it binds: the plan could
// not grow along it, because no single step up (one pack more of a carried product, or a product added at
// its lowest quantity) fits under the limit, or a budget or space is used to USED_UP of it (at 99.7% of a
// budget a cheap unit may still fit, but a merchandiser, and the value of relaxing it, say it binds).

import type { Model } from "../model/instance";
import { changeDelta, highestUnits, lowestUnits, mayCarry, usage } from "../model/planLimits";
import type { RuleUse } from "./compareTypes";

const SLACK = 1e-9;
/** Share of a budget or capacity past which it counts as used up, whatever small step still fits. */
const USED_UP = 0.99;

/** The cheapest single step up in `weight` (Infinity when no product can grow). */
function cheapestStep(model: Model, units: ArrayLike<number>, weight: Float64Array): number {
  let best = Infinity;
  for (let i = 0; i < model.n; i++) {
    if (!mayCarry(model, i)) continue;
    const x = units[i];
    const to = x === 0 ? lowestUnits(model, i) : x + model.packSize[i];
    if (to > highestUnits(model, i)) continue;
    best = Math.min(best, weight[i] * (to - x));
  }
  return best;
}

export function ruleUses(model: Model, units: ArrayLike<number>): RuleUse[] {
  const u = usage(model, units);
  const { budget, capacity, maxProducts } = model.constraints;
  const maxChanges = model.constraints.maxChanges ?? null;
  const out: RuleUse[] = [];
  const fits = (used: number, step: number, limit: number) =>
    used < USED_UP * limit && used + step <= limit * (1 + SLACK) + SLACK;
  if (budget !== null)
    out.push({
      rule: "budget",
      used: u.spend,
      limit: budget,
      binding: !fits(u.spend, cheapestStep(model, units, model.cost), budget),
    });
  if (capacity !== null)
    out.push({
      rule: "capacity",
      used: u.space,
      limit: capacity,
      binding: !fits(u.space, cheapestStep(model, units, model.size), capacity),
    });
  if (maxProducts !== null)
    out.push({ rule: "maxProducts", used: u.carried, limit: maxProducts, binding: u.carried >= maxProducts });
  if (maxChanges !== null) {
    // Binding when one more change would break it: some product could still be added or dropped.
    let couldChange = false;
    for (let i = 0; i < model.n && !couldChange; i++) {
      if (!mayCarry(model, i)) continue;
      const to = units[i] > 0 ? 0 : lowestUnits(model, i);
      couldChange = changeDelta(model, i, units[i], to) > 0;
    }
    out.push({
      rule: "maxChanges",
      used: u.changes,
      limit: maxChanges,
      binding: couldChange && u.changes >= maxChanges,
    });
  }
  return out;
}
