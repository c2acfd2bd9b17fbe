// The What-if section's fields read into a sweep: the rule, From and To, and the number of points (2 to 50,
// default 7), evenly spaced. Every bad entry gets a sentence naming the field and saying what would do.

import { MAX_SWEEP_POINTS, MIN_SWEEP_POINTS, SWEEP_RULES, type SweepRule } from "../engine";
import { evenlySpaced, SweepArgumentError } from "../sheet/sweepRequest";
import { ruleLabel } from "../sheet/sweepTable";

export const DEFAULT_POINTS = 7;

export interface WhatIfFields {
  rule: string;
  from: string;
  to: string;
  points: string;
}

export interface WhatIfRequest {
  rule: SweepRule;
  values: number[];
}

/** "50,000", " 50000 " and "50 000" are all 50000 (as the Parameters fields read them). */
function numberText(s: string): number {
  const t = s.trim().replace(/[,\s]/g, "");
  return t === "" ? NaN : Number(t);
}

export function readWhatIf(f: WhatIfFields): { request?: WhatIfRequest; problems: string[] } {
  const problems: string[] = [];
  const rule = SWEEP_RULES.find((r) => r === f.rule);
  if (!rule) return { problems: [`Rule: choose budget, capacity or max products.`] };
  const label = ruleLabel(rule);
  const whole = rule === "maxProducts";
  const limit = (name: string, raw: string): number => {
    if (raw.trim() === "") {
      problems.push(`${name}: give the ${label.toLowerCase()} the curve ${name === "From" ? "starts" : "ends"} at.`);
      return NaN;
    }
    const v = numberText(raw);
    if (!Number.isFinite(v)) problems.push(`${name}: '${raw.trim()}' is not a number.`);
    else if (v < 0) problems.push(`${name}: a ${label.toLowerCase()} cannot be negative (got ${raw.trim()}).`);
    else if (whole && !Number.isInteger(v))
      problems.push(`${name}: a number of products is whole (got ${raw.trim()}).`);
    else return v;
    return NaN;
  };
  const from = limit("From", f.from);
  const to = limit("To", f.to);
  let points = DEFAULT_POINTS;
  if (f.points.trim() !== "") {
    points = numberText(f.points);
    if (!(Number.isInteger(points) && points >= MIN_SWEEP_POINTS && points <= MAX_SWEEP_POINTS))
      problems.push(
        `Points: '${f.points.trim()}' is not a number of points; give a whole number from ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS}.`,
      );
  }
  if (problems.length > 0) return { problems };
  if (from > to)
    return {
      problems: [`From (${from.toLocaleString("en-US")}) is above To (${to.toLocaleString("en-US")}): swap them.`],
    };
  if (from === to) return { problems: [`From and To are both ${from.toLocaleString("en-US")}: give a range.`] };
  try {
    const values = evenlySpaced(rule, from, to, points);
    return { request: { rule, values }, problems: [] };
  } catch (err) {
    if (err instanceof SweepArgumentError) return { problems: [err.message] };
    throw err;
  }
}
