// FIT's [Options]: two columns, Name and Value (a header row is optional), with the settings of `assort fit`:
// max iterations, tolerance, min probability. As in OPTIMIZE's Options, a value left blank or 0 keeps its
// default: Excel hands a blank cell over as 0, and 0 is no use as any of them.

import { show } from "../engine";
import { numberOf } from "../sheet/cells";
import { optionProblem, readNameValues } from "../sheet/nameValue";
import { RANGE_ORIGIN, type Origin } from "../sheet/address";
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
  const read = readNameValues<Key>(raw, { names: NAMES, titles: TITLES, owner: "ASSORT.FIT" }, origin);
  const settings: FitSettings = {};
  for (const key of Object.keys(read.values) as Key[]) {
    const v = numberOf(read.values[key]);
    const bad = check(key, v);
    if (bad) read.problems.push(optionProblem(read, key, bad));
    else settings[key] = v as number;
  }
  return { settings, problems: read.problems };
}
