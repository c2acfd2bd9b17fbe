// The building blocks every part of validation shares: a collector of problems and warnings, and readers
// for one number, boolean or set of field names that record a located problem instead of throwing.

import { show } from "../text/format";
import type { Problem, Section } from "./instance";
import { suggest } from "../text/suggest";
import { isRecord } from "./isRecord";

export { isRecord };

/** Gathers every problem (fatal) and warning (shown, not fatal) so the user sees them all at once. */
export class Collector {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  add(p: Problem): void {
    this.problems.push(p);
  }
  warn(p: Problem): void {
    this.warnings.push(p);
  }
}

export interface NumberRule {
  min?: number;
  greaterThan?: number;
  max?: number;
  integer?: boolean;
  /** What would be right, appended to every message. */
  allowed: string;
}

/** A number field: returns the number, or null after recording a problem. */
export function numberField(
  out: Collector,
  section: Section,
  label: string,
  field: string,
  value: unknown,
  rule: NumberRule,
  where: Partial<Problem>,
): number | null {
  const bad = (why: string) => {
    out.add({ section, field, value, ...where, message: `${label}, ${field}: ${why}; ${rule.allowed}.` });
    return null;
  };
  if (value === undefined) return bad("missing");
  if (typeof value !== "number") return bad(`${show(value)} is not a number`);
  if (Number.isNaN(value)) return bad("NaN is not a number");
  if (!Number.isFinite(value)) return bad(`${show(value)} is not a finite number`);
  if (rule.greaterThan !== undefined && !(value > rule.greaterThan)) return bad(`${show(value)} is too small`);
  if (rule.min !== undefined && value < rule.min) return bad(`${show(value)} is negative`);
  if (rule.integer && !Number.isInteger(value)) return bad(`${show(value)} is not a whole number`);
  if (rule.max !== undefined && value > rule.max) return bad(`${show(value)} is too large (at most ${rule.max})`);
  return value;
}

export function booleanField(
  out: Collector,
  label: string,
  field: string,
  value: unknown,
  where: Partial<Problem>,
): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  out.add({
    section: "products",
    field,
    value,
    ...where,
    message: `${label}, ${field}: ${show(value)} is not true or false; use true/false (or 1/0).`,
  });
  return false;
}

/** Records every key of obj not in allowed, with the nearest allowed name when one is close. */
export function unknownFields(
  out: Collector,
  section: Section,
  label: string,
  obj: Record<string, unknown>,
  allowed: string[],
  where: Partial<Problem>,
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const guess = suggest(key, allowed);
    out.add({
      section,
      field: key,
      ...where,
      message:
        `${label}: unknown field '${key}'` +
        (guess ? `; did you mean '${guess}'?` : `; allowed fields are ${allowed.join(", ")}.`),
    });
  }
}
