// The Options range: two columns, Name and Value (a header row is optional; two rows of names over values are
// read too). Names are matched without regard to case or spaces. Customers and constraints go to the engine,
// which checks them; method, seed, time limit and precision are checked here because only the optimiser
// reads them.

import { METHODS, show, suggest } from "../engine";
import type { ConstraintsInput, CustomersInput, Method, OptimizeOptions } from "../engine";
import { numberOf, textOf, type Cells } from "./cells";
import { optionProblem, readNameValues } from "./nameValue";
import { RANGE_ORIGIN, type Origin } from "./address";
import type { SheetProblem } from "./sheetProblem";

export type OptionKey =
  | "customers"
  | "cv"
  | "budget"
  | "capacity"
  | "maxProducts"
  | "maxChanges"
  | "method"
  | "seed"
  | "timeLimit"
  | "precision";

/** Normalized names per option; the first is the documented one. */
const OPTION_NAMES: Record<OptionKey, string[]> = {
  customers: ["customers", "distribution", "traffic", "demandmodel", "customerdistribution"],
  cv: ["cv", "coefficientofvariation", "variation"],
  budget: ["budget", "maxbudget", "buybudget", "openingbudget"],
  capacity: ["capacity", "space", "shelfspace", "maxspace"],
  maxProducts: ["maxproducts", "maxitems", "maximumproducts", "productlimit", "maxskus", "products"],
  maxChanges: ["maxchanges", "changes", "maximumchanges", "changelimit", "maxchurn"],
  method: ["method", "algorithm"],
  seed: ["seed", "randomseed"],
  timeLimit: ["timelimit", "time", "timelimitseconds", "timelimits", "seconds", "maxtime"],
  precision: ["precision", "relativeerror", "targetrelativeerror"],
};

/** Shown in messages: the name users write. */
export const OPTION_TITLES: Record<OptionKey, string> = {
  customers: "customers",
  cv: "cv",
  budget: "budget",
  capacity: "capacity",
  maxProducts: "maxProducts",
  maxChanges: "maxChanges",
  method: "method",
  seed: "seed",
  timeLimit: "time limit",
  precision: "precision",
};

/** Longer runs belong in the task pane or the CLI, where progress is visible. */
const MAX_TIME_LIMIT_S = 3600;

export interface OptionsSheet {
  customers?: CustomersInput;
  constraints?: ConstraintsInput;
  optimize: OptimizeOptions;
  /** Row number and name as written, for each option given. */
  rows: Partial<Record<OptionKey, { row: number; name: string }>>;
  problems: SheetProblem[];
}

export function readOptions(raw: Cells | null | undefined, origin: Origin = RANGE_ORIGIN): OptionsSheet {
  // 0 is "not set" for every option but the seed and maxChanges (0 changes: keep the current assortment).
  const read = readNameValues<OptionKey>(
    raw,
    { names: OPTION_NAMES, titles: OPTION_TITLES, zeroIsValue: ["seed", "maxChanges"] },
    origin,
  );
  const out: OptionsSheet = { optimize: {}, rows: read.rows, problems: read.problems };
  const values = read.values;
  const check = (key: OptionKey, message: string) => out.problems.push(optionProblem(read, key, message));
  if (values.customers !== undefined) out.customers = { distribution: textOf(values.customers) ?? values.customers };
  if (values.cv !== undefined)
    out.customers = { ...(out.customers ?? { distribution: "negbin" }), cv: numberOf(values.cv) };
  for (const key of ["budget", "capacity", "maxProducts", "maxChanges"] as const) {
    if (values[key] !== undefined) out.constraints = { ...out.constraints, [key]: numberOf(values[key]) };
  }
  if (values.method !== undefined) {
    const m = (textOf(values.method) ?? "").toLowerCase();
    if ((METHODS as readonly string[]).includes(m)) out.optimize.method = m as Method;
    else {
      const guess = suggest(m, METHODS);
      check(
        "method",
        `${show(textOf(values.method) ?? values.method)} is not a method` +
          (guess ? `; did you mean '${guess}'?` : `; use one of ${METHODS.join(", ")}.`),
      );
    }
  }
  if (values.seed !== undefined) {
    const s = numberOf(values.seed);
    if (typeof s === "number" && Number.isInteger(s)) out.optimize.seed = s;
    else if (typeof s === "string" && s.trim() !== "") out.optimize.seed = s.trim();
    else check("seed", `${show(s)} is not a seed; use a whole number (or any text).`);
  }
  if (values.timeLimit !== undefined) {
    const t = numberOf(values.timeLimit);
    if (typeof t === "number" && t > 0 && t <= MAX_TIME_LIMIT_S) out.optimize.timeLimitMs = Math.round(t * 1000);
    else
      check(
        "timeLimit",
        `${show(t)} is not a time limit; give the search time in seconds, above 0 and at most ${MAX_TIME_LIMIT_S}.`,
      );
  }
  if (values.precision !== undefined) {
    const p = numberOf(values.precision);
    if (typeof p === "number" && p > 0 && p < 1) out.optimize.targetRelativeError = p;
    else
      check(
        "precision",
        `${show(p)} is not a precision; give the standard error of the profit as a share of it, e.g. 0.002 (or 0.2%).`,
      );
  }
  return out;
}
