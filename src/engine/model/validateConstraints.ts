// Validation of the plan constraints (docs/model.md §1): maxProducts, budget and capacity, each optional.

import { Collector, isRecord, numberField, type NumberRule, unknownFields } from "./validateFields";
import type { Constraints } from "./instance";
import { show } from "../text/format";
import { CURRENT_CONSTRAINT_FIELDS } from "./validateCurrent";

type Limit = "maxProducts" | "budget" | "capacity";

const RULES: Record<Limit, NumberRule> = {
  maxProducts: { min: 0, integer: true, allowed: "use a whole number of products, 0 or more" },
  budget: { min: 0, allowed: "use an amount of 0 or more" },
  capacity: { min: 0, allowed: "use a space of 0 or more" },
};

export function readConstraints(out: Collector, raw: unknown): Constraints {
  const c: Constraints = { maxProducts: null, budget: null, capacity: null };
  if (raw === undefined || raw === null) return c;
  if (!isRecord(raw)) {
    out.add({
      section: "constraints",
      value: raw,
      message: `Constraints: ${show(raw)} is not an object like {"budget": 50000}.`,
    });
    return c;
  }
  // maxChanges is read with the current range (validateCurrent.ts).
  unknownFields(out, "constraints", "Constraints", raw, [...Object.keys(RULES), ...CURRENT_CONSTRAINT_FIELDS], {});
  for (const field of Object.keys(RULES) as Limit[]) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    c[field] = numberField(out, "constraints", "Constraints", field, value, RULES[field], {});
  }
  return c;
}
