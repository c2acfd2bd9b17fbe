// The values of `assort sweep --budget 40000:100000:10000` (from:to:step) or `--budget 40000,60000,80000` (a
// list): 2 to 50 points, checked before anything is solved, with a message that says what would be right.

import { MAX_SWEEP_POINTS, MIN_SWEEP_POINTS, type SweepRule } from "../engine";
import { UsageError } from "./errors";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function numberOf(flag: string, raw: string, text: string): number {
  const t = text.trim();
  if (!NUMBER.test(t))
    throw new UsageError(
      `${flag} '${raw}': '${t}' is not a number; give a list a,b,c or a range from:to:step`,
      "sweep",
    );
  return Number(t);
}

export function parseSweepRange(flag: string, rule: SweepRule, raw: string): number[] {
  const parts = raw.split(":");
  let values: number[];
  if (parts.length === 3) {
    const [from, to, step] = parts.map((p) => numberOf(flag, raw, p));
    if (from > to)
      throw new UsageError(
        `${flag} '${raw}': from (${from}) is above to (${to}); write from:to:step with from ≤ to`,
        "sweep",
      );
    if (!(step > 0)) throw new UsageError(`${flag} '${raw}': the step must be above 0 (got ${step})`, "sweep");
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_POINTS)
      throw new UsageError(
        `${flag} '${raw}' gives ${count.toLocaleString("en-US")} points; a sweep takes ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} (use a larger step)`,
        "sweep",
      );
    values = Array.from({ length: count }, (_, k) => +(from + k * step).toPrecision(12));
  } else if (parts.length === 1) {
    values = raw.split(",").map((p) => numberOf(flag, raw, p));
  } else {
    throw new UsageError(`${flag} '${raw}' is neither a list a,b,c nor a range from:to:step`, "sweep");
  }
  for (const v of values) {
    if (v < 0) throw new UsageError(`${flag} '${raw}': a ${rule} cannot be negative (got ${v})`, "sweep");
    if (rule === "maxProducts" && !Number.isInteger(v))
      throw new UsageError(`${flag} '${raw}': a number of products must be whole (got ${v})`, "sweep");
  }
  const distinct = new Set(values).size;
  if (distinct < MIN_SWEEP_POINTS)
    throw new UsageError(
      `${flag} '${raw}' gives ${distinct} point; a sweep needs ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS} different values`,
      "sweep",
    );
  if (distinct > MAX_SWEEP_POINTS)
    throw new UsageError(
      `${flag} '${raw}' gives ${distinct} points; a sweep takes at most ${MAX_SWEEP_POINTS}`,
      "sweep",
    );
  return values;
}
