// The plan-wide rules a what-if can move (budget, capacity, maxProducts, maxChanges): reading a rule's
// limit, a copy of the model with it moved, and how much of it a plan uses (binding or slack).
// maxChanges (at most k products added or dropped against the current range) needs the current range;
// it is read only when the model carries it, so this works with and without that rule.

import type { Model } from "../model/instance";
import { highestUnits, lowestUnits, mayCarry, usage } from "../model/planLimits";
import type { RuleName, RuleUse } from "../compare/compareTypes";

export const RULES: readonly RuleName[] = ["budget", "capacity", "maxProducts", "maxChanges"];

/** The rules whose limit is a whole number of products. */
export function isCountRule(rule: RuleName): boolean {
  return rule === "maxProducts" || rule === "maxChanges";
}

type Limits = Record<string, number | null | undefined>;

/** The rule's limit on this model, or null when the model has none. */
export function ruleLimit(model: Model, rule: RuleName): number | null {
  const v = (model.constraints as unknown as Limits)[rule];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The same model with one rule's limit set (null lifts it); everything else is shared, not copied. */
export function withRule(model: Model, rule: RuleName, limit: number | null): Model {
  if (!RULES.includes(rule)) throw new RangeError(`unknown rule '${String(rule)}'; use one of ${RULES.join(", ")}`);
  if (limit !== null && !(Number.isFinite(limit) && limit >= 0))
    throw new RangeError(`the ${rule} limit must be a number, 0 or more (got ${limit})`);
  if (limit !== null && isCountRule(rule) && !Number.isInteger(limit))
    throw new RangeError(`the ${rule} limit must be a whole number (got ${limit})`);
  if (rule === "maxChanges" && currentUnits(model) === undefined)
    throw new RangeError("maxChanges needs the current range (Current units); this instance has none");
  return { ...model, constraints: { ...model.constraints, [rule]: limit } };
}

function currentUnits(model: Model): ArrayLike<number> | undefined {
  return (model as unknown as { currentUnits?: ArrayLike<number> }).currentUnits;
}

/** Products added or dropped relative to the current range. */
function changes(model: Model, units: ArrayLike<number>): number {
  const now = currentUnits(model);
  if (!now) return 0;
  let k = 0;
  for (let i = 0; i < model.n; i++) if (units[i] > 0 !== now[i] > 0) k++;
  return k;
}

/** The cheapest step up any product could still take, in the rule's measure (Infinity when none). */
function cheapestStep(model: Model, units: ArrayLike<number>, weight: Float64Array): number {
  let best = Infinity;
  for (let i = 0; i < model.n; i++) {
    if (!mayCarry(model, i) || units[i] >= highestUnits(model, i)) continue;
    const step = units[i] > 0 ? model.packSize[i] : lowestUnits(model, i);
    best = Math.min(best, weight[i] * step);
  }
  return best;
}

/** How much of each rule the plan uses; a rule is binding when not even the cheapest step up still fits. */
export function ruleUses(model: Model, units: ArrayLike<number>): RuleUse[] {
  const u = usage(model, units);
  const out: RuleUse[] = [];
  for (const rule of RULES) {
    const limit = ruleLimit(model, rule);
    if (limit === null) continue;
    let used: number;
    let binding: boolean;
    if (rule === "budget") {
      used = u.spend;
      binding = limit - used < cheapestStep(model, units, model.cost);
    } else if (rule === "capacity") {
      used = u.space;
      binding = limit - used < cheapestStep(model, units, model.size);
    } else if (rule === "maxProducts") {
      used = u.carried;
      binding = used >= limit;
    } else {
      used = changes(model, units);
      binding = used >= limit;
    }
    out.push({ rule, used, limit, binding });
  }
  return out;
}

/** The default what-if step of a rule: 10% more budget or space, one more product or change. */
export function relaxedLimit(rule: RuleName, limit: number): number {
  return isCountRule(rule) ? limit + 1 : limit * 1.1;
}
