// ASSORT.SWEEP's and the task pane's sweep arguments: which rule ("budget", "capacity", "maxProducts" in
// any case, spaces allowed) and its values (a column or row of numbers, or from/to/points for the pane),
// checked with messages that say what would be right. The instance itself is read as for OPTIMIZE.

import { MAX_SWEEP_POINTS, MIN_SWEEP_POINTS, SWEEP_RULES, sweepValues, type SweepRule } from "../engine";
import type { Cells } from "./cells";

export class SweepArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SweepArgumentError";
  }
}

export function readSweepRule(raw: unknown): SweepRule {
  const text = typeof raw === "string" ? raw.replace(/[\s_-]/g, "").toLowerCase() : "";
  const rule = SWEEP_RULES.find((r) => r.toLowerCase() === text);
  if (!rule)
    throw new SweepArgumentError(
      `Rule: '${String(raw ?? "")}' is not a rule to sweep; use "budget", "capacity" or "maxProducts".`,
    );
  return rule;
}

/** The values from a column or a row of cells (blank cells skipped). */
export function readSweepValues(rule: SweepRule, cells: Cells | null | undefined): number[] {
  const values: number[] = [];
  (cells ?? []).forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      if (!Number.isFinite(x))
        throw new SweepArgumentError(`Values: row ${r + 1}, column ${c + 1} holds '${String(v)}', not a number.`);
      values.push(x);
    }),
  );
  try {
    return sweepValues(rule, values);
  } catch (err) {
    throw new SweepArgumentError(`Values: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

/** `points` evenly spaced values from `from` to `to` (whole numbers for maxProducts): the pane's choice. */
export function evenlySpaced(rule: SweepRule, from: number, to: number, points: number): number[] {
  if (!(Number.isFinite(from) && Number.isFinite(to))) throw new SweepArgumentError("From and To must be numbers.");
  if (from > to) throw new SweepArgumentError(`From (${from}) is above To (${to}).`);
  if (!(Number.isInteger(points) && points >= MIN_SWEEP_POINTS && points <= MAX_SWEEP_POINTS))
    throw new SweepArgumentError(`Points must be a whole number from ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS}.`);
  const raw = Array.from({ length: points }, (_, k) => from + ((to - from) * k) / (points - 1));
  const values = rule === "maxProducts" ? raw.map(Math.round) : raw.map((v) => +v.toPrecision(10));
  try {
    return sweepValues(rule, values);
  } catch (err) {
    throw new SweepArgumentError(`${err instanceof Error ? err.message : String(err)}.`);
  }
}
