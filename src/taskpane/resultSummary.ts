// The result shown in the pane after a run, as label/value lines: profit with its interval, the upper bound
// and what it assumes, the share of the bound reached, what is carried and dropped, units, the budget used, and
// what relaxing each binding rule is worth (the same figures as the plan sheet's Rules block).

import { CEILING_CAVEAT } from "../engine";
import type { Model, OptimizeResult, Relaxation, RuleName } from "../engine";
import { RULE_LABELS } from "../sheet/planSheet";

export interface SummaryLine {
  label: string;
  value: string;
  note?: string;
}

export function money(x: number): string {
  return Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 0 }) : "–";
}

/** The value of relaxing the binding rules, or why it was not measured. */
export interface RuleValues {
  relaxations: Relaxation[];
  missing?: string;
}

const signedMoney = (x: number) => (x >= 0 ? "+" : "−") + money(Math.abs(x));

/** A rule's limit as the plan sheet formats it: money, space to one decimal, counts whole. */
function limitText(rule: RuleName, x: number): string {
  if (rule === "budget") return money(x);
  return x.toLocaleString("en-US", { maximumFractionDigits: rule === "capacity" ? 1 : 0 });
}

export function relaxationLines(values: RuleValues): SummaryLine[] {
  const lines = values.relaxations.map((x) => ({
    label: `${RULE_LABELS[x.rule]} → ${limitText(x.rule, x.to)}`,
    value: `${signedMoney(x.gain.mean)} ± ${money((x.gain.high - x.gain.low) / 2)}`,
    note:
      `profit gained by relaxing it from ${limitText(x.rule, x.from)} (95% interval)` +
      (x.stoppedEarly ? "; its re-optimisation ran out of time, so it may be worth more" : ""),
  }));
  if (values.missing) lines.push({ label: "Relaxing the rules", value: "not measured", note: values.missing });
  return lines;
}

export function resultSummary(
  model: Model,
  result: OptimizeResult,
  rules: RuleValues = { relaxations: [] },
): SummaryLine[] {
  const ev = result.evaluation;
  const c = result.bound.ceiling;
  const half = (ev.ci95[1] - ev.ci95[0]) / 2;
  let carried = 0;
  let units = 0;
  for (const d of result.decisions) {
    if (d.carry) carried++;
    units += d.units;
  }
  const lines: SummaryLine[] = [
    { label: "Expected profit", value: `${money(ev.expectedProfit)} ± ${money(half)}`, note: "95% interval" },
    { label: "Upper bound", value: money(result.bound.value), note: `${result.bound.label}; no plan can exceed it` },
    ...(c
      ? [
          {
            label: "Realistic ceiling",
            value: `${money(c.value)} ± ${money(c.stdError)}`,
            note: `${c.label}; ${CEILING_CAVEAT}`,
          },
        ]
      : []),
    {
      label: "% of bound",
      value: Number.isFinite(result.shareOfBound) ? `${(100 * result.shareOfBound).toFixed(1)}%` : "–",
      note:
        result.shareOfBoundBasis === "ceiling" ? "of the realistic ceiling (the tighter bound)" : "of the fluid bound",
    },
    { label: "Products", value: `${carried} carried, ${model.n - carried} dropped` },
    { label: "Units", value: units.toLocaleString("en-US") },
  ];
  const budget = model.constraints.budget;
  lines.push(
    budget !== null && budget > 0
      ? {
          label: "Budget used",
          value: `${money(ev.purchaseCost)} of ${money(budget)}`,
          note: `${((100 * ev.purchaseCost) / budget).toFixed(1)}%`,
        }
      : { label: "Purchase cost", value: money(ev.purchaseCost), note: "no budget set" },
  );
  lines.push(...relaxationLines(rules));
  if (result.stoppedEarly)
    lines.push({ label: "Stopped early", value: "best plan found so far", note: "time limit or cancel" });
  return lines;
}
