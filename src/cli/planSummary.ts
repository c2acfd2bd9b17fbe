// The summary lines printed above a plan, shared by `assort optimize` and `assort plan` so both describe a
// plan the same way: profit with its interval, the bound, what is carried and dropped, sales, limits used,
// and how the plan was found.

import { CEILING_CAVEAT, usage } from "../engine";
import type { Model, OptimizeResult } from "../engine";
import { formatNumber, formatPercent, plural } from "./table";

/**
 * The realistic ceiling, printed under the summary (its own paragraph: the summary's label column stays as
 * it was): value ± standard error, how it was computed, the plan's share, and the caveat.
 */
export function planCeilingText(r: OptimizeResult): string {
  const c = r.bound.ceiling;
  if (!c) return "";
  const share = formatPercent(c.value > 0 ? r.evaluation.expectedProfit / c.value : NaN);
  const tighter = r.shareOfBoundBasis === "ceiling" ? " (the tighter bound, used for % of bound)" : "";
  return `Realistic ceiling ${formatNumber(c.value)} ± ${formatNumber(c.stdError)} (${c.label}); this plan reaches ${share} of it${tighter}; ${CEILING_CAVEAT}.\n`;
}

export function planSummaryRows(model: Model, r: OptimizeResult): [string, string][] {
  const e = r.evaluation;
  const half = (e.ci95[1] - e.ci95[0]) / 2;
  const u = usage(model, r.units);
  const totalUnits = r.units.reduce((a, b) => a + b, 0);
  const { budget, capacity, maxProducts } = model.constraints;
  const limits: string[] = [];
  if (budget !== null) limits.push(`budget ${formatNumber(u.spend)} of ${formatNumber(budget)}`);
  if (capacity !== null) limits.push(`space ${formatNumber(u.space)} of ${formatNumber(capacity)}`);
  if (maxProducts !== null) limits.push(`${u.carried} of at most ${maxProducts} products`);
  const rows: [string, string][] = [
    [
      "Expected profit",
      `${formatNumber(e.expectedProfit)} ± ${formatNumber(half)} (95% interval ${formatNumber(e.ci95[0])} to ${formatNumber(e.ci95[1])})`,
    ],
    [
      "Upper bound",
      `${formatNumber(r.bound.value)} (${r.bound.label}); this plan reaches ${formatPercent(r.bound.value > 0 ? e.expectedProfit / r.bound.value : NaN)} of it: no plan can exceed it`,
    ],
    [
      "Plan",
      `carry ${plural(u.carried, "product")}, drop ${formatNumber(model.n - u.carried, 0)}; ${plural(totalUnits, "unit")}, purchase cost ${formatNumber(e.purchaseCost)}`,
    ],
    [
      "Sales",
      `${formatNumber(e.expectedUnitsSold, 1)} units expected, revenue ${formatNumber(e.expectedRevenue)}, ${formatNumber(totalUnits - e.expectedUnitsSold, 1)} left over`,
    ],
  ];
  if (limits.length > 0) rows.push(["Limits", limits.join("; ")]);
  rows.push([
    "Method",
    `${r.method}, seed ${String(r.seed)}, ${formatNumber(r.elapsedMs / 1000, 1)} s${r.stoppedEarly ? " (stopped by the time limit)" : ""}; judged on ${plural(e.reps, "fresh season")}`,
  ]);
  return rows;
}
