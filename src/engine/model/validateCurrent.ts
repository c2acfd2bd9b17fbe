// The current range (what the merchandiser buys today, without Assort) and the rules that refer to it:
// per product currentUnits and lock, and constraints.maxChanges. Checked apart from the rest of the instance
// because they only make sense together: a Lock needs current units to keep, maxChanges needs a current
// range to count changes against.

import { show } from "../text/format";
import type { InstanceInput, Model, Problem } from "./instance";
import { isRecord } from "./isRecord";

/** Product fields read here (validate.ts accepts them as known fields). */
export const CURRENT_PRODUCT_FIELDS = ["currentUnits", "lock"];
/** Constraint fields read here. */
export const CURRENT_CONSTRAINT_FIELDS = ["maxChanges"];

const INT32_MAX = 2147483647;

export interface CurrentRange {
  currentUnits: Int32Array | null;
  lock: Uint8Array;
  maxChanges: number | null;
}

/** The per-product rules a lock must agree with. */
export type ProductRules = Pick<Model, "n" | "ids" | "minQty" | "maxQty" | "packSize" | "mustOffer" | "exclude">;

function unitsProblem(raw: unknown): string | undefined {
  if (typeof raw !== "number") return `${show(raw)} is not a number`;
  if (!Number.isFinite(raw)) return `${show(raw)} is not a finite number`;
  if (raw < 0) return `${show(raw)} is negative`;
  if (!Number.isInteger(raw)) return `${show(raw)} is not a whole number`;
  if (raw > INT32_MAX) return `${show(raw)} is too large (at most ${INT32_MAX})`;
  return undefined;
}

/** Reads and checks the current range; pushes every problem found onto `problems`. */
export function validateCurrent(input: InstanceInput, rules: ProductRules, problems: Problem[]): CurrentRange {
  const n = rules.n;
  const current = new Int32Array(n);
  const lock = new Uint8Array(n);
  let given = false;
  const products = Array.isArray(input.products) ? input.products : [];
  products.forEach((raw, i) => {
    if (!isRecord(raw) || i >= n) return;
    const label = `Product ${rules.ids[i]}`;
    const where = { section: "products" as const, index: i, productId: rules.ids[i] };
    if (raw.currentUnits !== undefined && raw.currentUnits !== null) {
      given = true;
      const bad = unitsProblem(raw.currentUnits);
      if (bad === undefined) current[i] = raw.currentUnits as number;
      else
        problems.push({
          ...where,
          field: "currentUnits",
          value: raw.currentUnits,
          message: `${label}, currentUnits: ${bad}; give the units bought today as a whole number, 0 or more (0 or blank = not carried now).`,
        });
    }
    if (raw.lock !== undefined && raw.lock !== null) {
      if (typeof raw.lock === "boolean" || raw.lock === 0 || raw.lock === 1)
        lock[i] = raw.lock === true || raw.lock === 1 ? 1 : 0;
      else
        problems.push({
          ...where,
          field: "lock",
          value: raw.lock,
          message: `${label}, lock: ${show(raw.lock)} is not true or false; use true/false (or 1/0).`,
        });
    }
  });
  for (let i = 0; i < n; i++) {
    if (!lock[i]) continue;
    const label = `Product ${rules.ids[i]}`;
    const where = { section: "products" as const, index: i, productId: rules.ids[i], field: "lock", value: true };
    const x = current[i];
    if (x === 0) {
      const raw = products[i] as unknown as Record<string, unknown>;
      if (raw.currentUnits !== undefined && raw.currentUnits !== null && unitsProblem(raw.currentUnits) !== undefined)
        continue; // the currentUnits problem says it already
      problems.push({
        ...where,
        message: `${label}: marked lock, but it has no current units (currentUnits ${given ? "is 0 or blank" : "is not given for any product"}); lock keeps the current units exactly, so give its currentUnits above 0, or mark it exclude to keep it out.`,
      });
      continue;
    }
    if (rules.exclude[i]) {
      problems.push({
        ...where,
        message: `${label}: marked both lock (keep its ${x} current units) and exclude (do not carry it); keep one of the two.`,
      });
      continue;
    }
    const pack = rules.packSize[i];
    const broken: string[] = [];
    if (x < rules.minQty[i]) broken.push(`below its minQty ${rules.minQty[i]}`);
    if (x > rules.maxQty[i]) broken.push(`above its maxQty ${rules.maxQty[i]}`);
    if (pack > 1 && x % pack !== 0) broken.push(`not a whole number of packs of ${pack}`);
    if (broken.length > 0)
      problems.push({
        ...where,
        message: `${label}: marked lock at its current ${x} units, which is ${broken.join(" and ")}; change the current units, the rule, or unmark lock.`,
      });
  }

  let maxChanges: number | null = null;
  const c = input.constraints;
  if (isRecord(c) && c.maxChanges !== undefined && c.maxChanges !== null) {
    const raw = c.maxChanges;
    const where = { section: "constraints" as const, field: "maxChanges", value: raw };
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0)
      problems.push({
        ...where,
        message: `Constraints, maxChanges: ${show(raw)} is not a whole number, 0 or more; give how many products at most may be added or dropped relative to the current range.`,
      });
    else if (!given)
      problems.push({
        ...where,
        message: `Constraints, maxChanges: ${raw} limits the products added or dropped relative to the current range, but no product gives currentUnits; give the current units (what is bought today) or remove maxChanges.`,
      });
    else maxChanges = raw;
  }
  return { currentUnits: given ? current : null, lock, maxChanges };
}
