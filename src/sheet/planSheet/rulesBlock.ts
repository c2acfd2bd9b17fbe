// The rules that limit the whole plan (budget, space, number of products, number of changes): how much of
// each the plan uses, its limit, whether it binds, and for a binding rule what relaxing it is worth (the
// plan re-optimised with the rule moved, its profit gain paired on the same seasons, with its interval).
// Rows and columns that the result does not carry are left out.

import type { Relaxation, RuleName, RuleUse } from "../../engine";
import { halfWidth } from "./reportShapes";
import { COUNT, DECIMAL, MONEY, type SheetValue } from "./sheetSpec";

export const RULE_LABELS: Record<RuleName, string> = {
  budget: "Budget",
  capacity: "Space",
  maxProducts: "Max products",
  maxChanges: "Max changes",
};

const RULE_FORMATS: Record<RuleName, string> = {
  budget: MONEY,
  capacity: DECIMAL,
  maxProducts: COUNT,
  maxChanges: COUNT,
};

/** Live formulas for what a rule uses, where the table holds what it needs. */
export type RuleFormulas = Partial<Record<RuleName, string>>;

export interface RulesGrid {
  values: SheetValue[][];
  formats: string[][];
}

export function rulesGrid(
  rules: readonly RuleUse[],
  relaxations: readonly Relaxation[],
  formulas: RuleFormulas,
  skip: number,
): RulesGrid | undefined {
  if (rules.length === 0) return undefined;
  const relaxed = new Map(relaxations.map((r) => [r.rule, r]));
  const withRelax = rules.some((r) => relaxed.has(r.rule));
  const pad = new Array<SheetValue>(skip - 1).fill(null);
  const header: SheetValue[] = ["Rules", ...pad, "Used", "Limit", "Status"];
  if (withRelax) header.push("Relaxed to", "Profit gained", "± 95%");
  const values: SheetValue[][] = [header];
  const formats: string[][] = [header.map(() => "General")];
  for (const r of rules) {
    const f = RULE_FORMATS[r.rule];
    const used = formulas[r.rule];
    const row: SheetValue[] = [
      RULE_LABELS[r.rule],
      ...pad,
      used ? { formula: used, value: r.used } : r.used,
      r.limit,
      r.binding ? "binding" : "slack",
    ];
    const rowFormats = [...new Array<string>(skip).fill("General"), f, f, "General"];
    const x = relaxed.get(r.rule);
    if (withRelax) {
      row.push(x ? x.to : null, x ? x.gain.mean : null, x ? halfWidth(x.gain) : null);
      rowFormats.push(f, MONEY, MONEY);
    }
    values.push(row);
    formats.push(rowFormats);
  }
  return { values, formats };
}
