// The result shown in the pane after a run, as label/value lines: profit with its interval, the upper bound
// and what it assumes, the share of the bound reached, what is carried and dropped, units, and the budget used.

import { CEILING_CAVEAT } from "../engine";
import type { Model, OptimizeResult } from "../engine";

export interface SummaryLine {
  label: string;
  value: string;
  note?: string;
}

export function money(x: number): string {
  return Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 0 }) : "–";
}

export function resultSummary(model: Model, result: OptimizeResult): SummaryLine[] {
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
  if (result.stoppedEarly)
    lines.push({ label: "Stopped early", value: "best plan found so far", note: "time limit or cancel" });
  return lines;
}
