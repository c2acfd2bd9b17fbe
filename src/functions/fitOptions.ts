// FIT's [Options]: two columns, Name and Value (a header row is optional), with the settings of `assort fit`:
// max iterations, tolerance, min probability. As in OPTIMIZE's Options, a value left blank or 0 keeps its
// default: Excel hands a blank cell over as 0, and 0 is no use as any of them.

import { show, suggest } from "../engine";
import { excelError, isBlankOrZero, normalizeName, numberOf, plain, textOf, trimRange } from "../sheet/cells";
import { RANGE_ORIGIN, type Origin } from "../sheet/location";
import type { SheetProblem } from "../sheet/sheetProblem";

export interface FitSettings {
  maxIterations?: number;
  tolerance?: number;
  minProbability?: number;
}

type Key = keyof FitSettings;

const NAMES: Record<Key, string[]> = {
  maxIterations: ["maxiterations", "iterations", "maxiter", "maximumiterations"],
  tolerance: ["tolerance", "tol"],
  minProbability: ["minprobability", "minimumprobability", "minprob", "threshold"],
};
const TITLES: Record<Key, string> = {
  maxIterations: "max iterations",
  tolerance: "tolerance",
  minProbability: "min probability",
};
const KEY_OF = new Map<string, Key>();
for (const [key, names] of Object.entries(NAMES) as [Key, string[]][]) for (const n of names) KEY_OF.set(n, key);
const HEADER_WORDS = new Set(["name", "option", "options", "setting", "settings", "parameter", "parameters"]);
/** EM runs about a thousand iterations a second on small histories; more than this belongs in `assort fit`. */
const MAX_ITERATIONS = 1_000_000;

/** A message for a value that does not fit the option, or undefined when it does. */
function check(key: Key, v: unknown): string | undefined {
  if (key === "maxIterations") {
    return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_ITERATIONS
      ? undefined
      : `${show(v)} is not a number of iterations; give a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-US")} (default 5,000).`;
  }
  if (key === "tolerance") {
    return typeof v === "number" && v > 0 && Number.isFinite(v)
      ? undefined
      : `${show(v)} is not a tolerance; give the smallest gain in log-likelihood per customer that counts as progress, e.g. 1e-9 (the default).`;
  }
  return typeof v === "number" && v > 0 && v < 1
    ? undefined
    : `${show(v)} is not a probability; give the smallest substitution probability to list, above 0 and below 1 (default 0.001).`;
}

export function readFitOptions(
  raw: unknown[][] | null | undefined,
  origin: Origin = RANGE_ORIGIN,
): { settings: FitSettings; problems: SheetProblem[] } {
  const cells = trimRange(raw);
  const settings: FitSettings = {};
  const problems: SheetProblem[] = [];
  const seen = new Map<Key, number>();
  cells.forEach((row, r) => {
    if (row.every(isBlankOrZero)) return;
    const rowNo = origin.row + r;
    const name = textOf(row[0]) ?? "";
    const norm = normalizeName(row[0]);
    if (r === 0 && HEADER_WORDS.has(norm)) return;
    const problem = (message: string) =>
      problems.push({
        range: "Options",
        row: rowNo,
        column: name,
        message: `Options row ${rowNo}${name ? ` (${name})` : ""}: ${message}`,
      });
    const key = KEY_OF.get(norm);
    if (key === undefined) {
      if (name === "") return problem("a value without a name; put the option's name in the first column.");
      const guess = suggest(norm, [...KEY_OF.keys()]);
      return problem(
        `'${name}' is not an option of ASSORT.FIT` +
          (guess
            ? `; did you mean '${TITLES[KEY_OF.get(guess) as Key]}'?`
            : `; its options are ${Object.values(TITLES).join(", ")}.`),
      );
    }
    if (seen.has(key))
      return problem(`${TITLES[key]} is already given in row ${seen.get(key)}; give each option once.`);
    seen.set(key, rowNo);
    const cell = row[1];
    const err = excelError(cell);
    if (err) return problem(`holds the Excel error ${err}; fix the formula or the data it refers to.`);
    if (isBlankOrZero(cell)) return;
    const v = numberOf(plain(cell));
    const bad = check(key, v);
    if (bad) return problem(bad);
    settings[key] = v as number;
  });
  return { settings, problems };
}
