// A plan: how many units of each product to stock. Read from its JSON form {"plan": [{"id", "quantity"}]}
// (products not listed get 0 units), and checked against the instance's rules.
//
// Reading is strict (a wrong id or quantity is an InputError, every problem listed at once); breaking a
// rule (budget, minQty, …) is only a warning, because evaluating an infeasible plan is still useful: it
// tells the user what the rule costs.

import { show } from "../text/format";
import { InputError, type Model, type Problem } from "./instance";
import { suggest } from "../text/suggest";
import { isRecord } from "./isRecord";
import { money } from "../text/format";

/** Units are stored in Int32Array by the simulator. */
const INT32_MAX = 2147483647;
const ENTRY_FIELDS = ["id", "quantity", "name"];
/** Budget and capacity sums are floating point: do not warn about rounding dust. */
const RELATIVE_SLACK = 1e-9;

/** One line of a plan file. `name` is free text for people and is ignored. */
export interface PlanEntry {
  id: string;
  quantity: number;
  name?: string;
}

export interface PlanInput {
  plan: PlanEntry[];
}

/** Same id rules as the instance: text (trimmed) or a finite number. */
function entryId(raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string" && raw.trim().length > 0) return raw.trim();
  return undefined;
}

function quantityProblem(raw: unknown): string | undefined {
  if (raw === undefined) return "the quantity is missing";
  if (typeof raw !== "number") return `the quantity ${show(raw)} is not a number`;
  if (!Number.isFinite(raw)) return `the quantity ${show(raw)} is not a finite number`;
  if (raw < 0) return `the quantity ${show(raw)} is negative`;
  if (!Number.isInteger(raw)) return `the quantity ${show(raw)} is not a whole number`;
  if (raw > INT32_MAX) return `the quantity ${show(raw)} is too large (at most ${INT32_MAX})`;
  return undefined;
}

/**
 * Reads a plan for `model`: units per product in the model's order. Other top-level fields are ignored, so
 * the JSON written by `assort evaluate --json` (which has a "plan" field) can be read back as a plan.
 * Throws InputError (section "plan") listing every problem.
 */
export function planFromJson(model: Model, json: unknown): Int32Array {
  const shape = 'a plan is an object like {"plan": [{"id": "P1", "quantity": 12}, ...]}';
  if (!isRecord(json)) {
    throw new InputError([
      { section: "plan", value: json, message: `Plan: ${show(json)} is not an object; ${shape}.` },
    ]);
  }
  if (!Array.isArray(json.plan)) {
    const what = json.plan === undefined ? 'there is no "plan" list' : `"plan" is ${show(json.plan)}, not a list`;
    throw new InputError([{ section: "plan", field: "plan", value: json.plan, message: `Plan: ${what}; ${shape}.` }]);
  }
  const units = new Int32Array(model.n);
  const problems: Problem[] = [];
  const firstEntry = new Map<string, number>();
  json.plan.forEach((raw: unknown, e: number) => {
    const label = `Plan entry ${e + 1}`;
    if (!isRecord(raw)) {
      problems.push({
        section: "plan",
        index: e,
        value: raw,
        message: `${label}: ${show(raw)} is not an object like {"id": "P1", "quantity": 12}.`,
      });
      return;
    }
    const id = entryId(raw.id);
    const named = id === undefined ? label : `${label} ('${id}')`;
    for (const key of Object.keys(raw)) {
      if (ENTRY_FIELDS.includes(key)) continue;
      const guess = suggest(key, ENTRY_FIELDS);
      problems.push({
        section: "plan",
        index: e,
        field: key,
        productId: id,
        message:
          `${named}: unknown field '${key}'` +
          (guess ? `; did you mean '${guess}'?` : `; allowed fields are ${ENTRY_FIELDS.join(", ")}.`),
      });
    }
    let known = false;
    if (id === undefined) {
      const why = raw.id === undefined ? "the id is missing" : `the id ${show(raw.id)} is not a product id`;
      problems.push({
        section: "plan",
        index: e,
        field: "id",
        value: raw.id,
        message: `${label}: ${why}; give the id of a product in the instance.`,
      });
    } else if (!model.index.has(id)) {
      const guess = suggest(id, model.ids);
      problems.push({
        section: "plan",
        index: e,
        field: "id",
        value: raw.id,
        productId: id,
        message:
          `${label}: product '${id}' is not in the instance` +
          (guess ? `; did you mean '${guess}'?` : "; a plan may only list the instance's products."),
      });
    } else if (firstEntry.has(id)) {
      problems.push({
        section: "plan",
        index: e,
        field: "id",
        value: raw.id,
        productId: id,
        products: [id],
        message: `${label}: product '${id}' is already given in entry ${(firstEntry.get(id) as number) + 1}; list each product once.`,
      });
    } else {
      firstEntry.set(id, e);
      known = true;
    }
    const bad = quantityProblem(raw.quantity);
    if (bad !== undefined) {
      problems.push({
        section: "plan",
        index: e,
        field: "quantity",
        value: raw.quantity,
        productId: id,
        message: `${named}: ${bad}; use a whole number of units, 0 or more.`,
      });
    } else if (known) {
      units[model.index.get(id as string) as number] = raw.quantity as number;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return units;
}

/** The plan as JSON entries (products with units only), the inverse of planFromJson. */
export function planToJson(model: Model, units: ArrayLike<number>): PlanInput {
  const plan: PlanEntry[] = [];
  for (let i = 0; i < model.n; i++) if (units[i] > 0) plan.push({ id: model.ids[i], quantity: units[i] });
  return { plan };
}

/**
 * Where a plan breaks the instance's rules (docs/model.md §1): non-fatal Problems (section "plan"), one per
 * product and rule, then one per broken total (budget, capacity, maxProducts).
 */
export function planWarnings(model: Model, units: ArrayLike<number>): Problem[] {
  const out: Problem[] = [];
  const warn = (i: number, field: string, message: string) =>
    out.push({
      section: "plan",
      index: i,
      productId: model.ids[i],
      field,
      value: units[i],
      message: `Plan, product '${model.ids[i]}': ${message}`,
    });
  let carried = 0;
  let spend = 0;
  let space = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (x > 0) carried++;
    spend += model.cost[i] * x;
    space += model.size[i] * x;
    if (model.exclude[i] && x > 0)
      warn(i, "exclude", `${x} units stocked, but the product is marked exclude (must not be carried).`);
    if (model.mustOffer[i] && x === 0) {
      warn(
        i,
        "mustOffer",
        `not stocked, but the product is marked mustOffer (at least ${Math.max(1, model.minQty[i])} units).`,
      );
    }
    // minQty applies to carried products (x = 0 means not offered), as docs/model.md §1 says.
    if (x > 0 && x < model.minQty[i]) warn(i, "minQty", `${x} units is below its minQty ${model.minQty[i]}.`);
    if (x > model.maxQty[i]) warn(i, "maxQty", `${x} units is above its maxQty ${model.maxQty[i]}.`);
    if (model.packSize[i] > 1 && x % model.packSize[i] !== 0) {
      warn(i, "packSize", `${x} units is not a whole number of packs of ${model.packSize[i]}.`);
    }
  }
  const { budget, capacity, maxProducts } = model.constraints;
  if (budget !== null && spend > budget * (1 + RELATIVE_SLACK) + RELATIVE_SLACK) {
    out.push({
      section: "plan",
      field: "budget",
      value: spend,
      message: `Plan: the purchase cost ${money(spend)} is above the budget ${money(budget)}.`,
    });
  }
  if (capacity !== null && space > capacity * (1 + RELATIVE_SLACK) + RELATIVE_SLACK) {
    out.push({
      section: "plan",
      field: "capacity",
      value: space,
      message: `Plan: the stock takes ${money(space)} of space, above the capacity ${money(capacity)}.`,
    });
  }
  if (maxProducts !== null && carried > maxProducts) {
    out.push({
      section: "plan",
      field: "maxProducts",
      value: carried,
      message: `Plan: ${carried} products are carried, more than maxProducts ${maxProducts}.`,
    });
  }
  return out;
}
