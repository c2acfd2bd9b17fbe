// The Options range: two columns, Name and Value (a header row is optional; two rows of names over values are
// read too). Names are matched without regard to case or spaces. Customers and constraints go to the engine,
// which checks them; method, seed, time limit and precision are checked here because only the optimiser
// reads them.

import { METHODS, show, suggest } from "../engine";
import type { ConstraintsInput, CustomersInput, Method, OptimizeOptions } from "../engine";
import {
  excelError,
  isBlank,
  isBlankOrZero,
  normalizeName,
  numberOf,
  plain,
  textOf,
  trimRange,
  type Cells,
} from "./cells";
import { RANGE_ORIGIN, type Origin } from "./location";
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

const KEY_OF = new Map<string, OptionKey>();
for (const [key, names] of Object.entries(OPTION_NAMES) as [OptionKey, string[]][])
  for (const n of names) KEY_OF.set(n, key);

const HEADER_WORDS = new Set(["name", "option", "options", "setting", "settings", "parameter", "parameters"]);
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
  let cells = trimRange(raw);
  const out: OptionsSheet = { optimize: {}, rows: {}, problems: [] };
  if (cells.length === 0) return out;
  // Trimming drops a value column that is all blank or 0; put it back (the rows kept are the range's first ones).
  const rawWidth = Array.isArray(raw) ? raw.reduce((w, row) => Math.max(w, Array.isArray(row) ? row.length : 1), 0) : 0;
  if (rawWidth >= 2 && cells[0].length < 2)
    cells = cells.map((row, r) => [row[0], Array.isArray(raw?.[r]) ? (raw as Cells)[r][1] : null]);
  if (cells[0].length < 2) {
    out.problems.push({
      range: "Options",
      row: origin.row,
      message: `Options: one column only; give two columns, Name and Value (e.g. budget | 50000).`,
    });
    return out;
  }
  let rowNo = (r: number) => origin.row + r;
  // Names across the top, values below: read it as the usual two columns.
  if (cells.length === 2 && cells[0].length > 2) {
    cells = cells[0].map((_, c) => [cells[0][c], cells[1][c]]);
    rowNo = () => origin.row + 1;
  }
  const problem = (r: number, name: string, message: string) =>
    out.problems.push({
      range: "Options",
      row: rowNo(r),
      column: name,
      message: `Options row ${rowNo(r)} (${name}): ${message}`,
    });
  const values: Partial<Record<OptionKey, unknown>> = {};
  cells.forEach((row, r) => {
    if (row.every(isBlankOrZero)) return;
    const nameCell = row[0];
    const name = textOf(nameCell) ?? "";
    const norm = normalizeName(nameCell);
    if (r === 0 && HEADER_WORDS.has(norm)) return;
    const key = KEY_OF.get(norm);
    if (key === undefined) {
      if (name === "") {
        if (!isBlank(row[1]))
          out.problems.push({
            range: "Options",
            row: rowNo(r),
            message: `Options row ${rowNo(r)}: a value without a name; put the option's name in the first column.`,
          });
        return;
      }
      const guess = suggest(norm, Object.values(OPTION_NAMES).flat());
      const title = guess ? OPTION_TITLES[KEY_OF.get(guess) as OptionKey] : undefined;
      problem(
        r,
        name,
        `'${name}' is not an option` +
          (title ? `; did you mean '${title}'?` : `; the options are ${Object.values(OPTION_TITLES).join(", ")}.`),
      );
      return;
    }
    const prior = out.rows[key];
    if (prior) {
      problem(r, name, `${OPTION_TITLES[key]} is already given in row ${prior.row}; give each option once.`);
      return;
    }
    out.rows[key] = { row: rowNo(r), name };
    const cell = row[1];
    const err = excelError(cell);
    if (err) {
      problem(r, name, `holds the Excel error ${err}; fix the formula or the data it refers to.`);
      return;
    }
    // A listed option left empty keeps its default. A blank reaches a custom function as 0, and 0 is no
    // sensible budget, capacity, product limit, cv, time limit or model, so 0 means "not set" (seed 0 is a
    // seed; maxChanges 0 keeps the current assortment and changes quantities only).
    if (isBlank(cell) || (plain(cell) === 0 && key !== "seed" && key !== "maxChanges")) return;
    values[key] = plain(cell);
  });

  const check = (key: OptionKey, message: string) => {
    const where = out.rows[key] as { row: number; name: string };
    out.problems.push({
      range: "Options",
      row: where.row,
      column: where.name,
      message: `Options row ${where.row} (${where.name}): ${message}`,
    });
  };
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
