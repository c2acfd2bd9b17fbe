// The plan-wide rules a what-if can move (budget, capacity, maxProducts, maxChanges): reading a rule's
// limit, a copy of the model with it moved, and how much of it a plan uses (binding or slack).
// maxChanges (at most k products added or dropped against the current range) needs the current range;
// it is read only when the model carries it, so this works with and without that rule.

import type { Model } from "../model/instance";
export { ruleUses } from "../compare/ruleUse";
import type { RuleName } from "../compare/compareTypes";

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
  return model.currentUnits ?? undefined;
}

/**
 * The default what-if step of a rule: 10% more budget or space, one more product or change. Rounded to 12
 * significant digits, so 100 becomes 110 and not 110.00000000000001 in the sheet's cell.
 */
export function relaxedLimit(rule: RuleName, limit: number): number {
  return isCountRule(rule) ? limit + 1 : Number((limit * 1.1).toPrecision(12));
}
