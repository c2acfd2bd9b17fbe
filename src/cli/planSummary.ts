// The summary lines printed above a plan, shared by `assort optimize` and `assort plan` so both describe a
// plan the same way: profit with its interval, the bound, what is carried and dropped, sales, limits used,
// and how the plan was found.

import { usage } from "../engine";
import type { Model, OptimizeResult } from "../engine";
import { formatNumber, formatPercent, plural } from "./table";

function signed(x: number): string {
  return (x > 0 ? "+" : "") + formatNumber(x);
}

/** With a current range: the actions, the gain over the current range with its interval, the current range's rule breaks. */
export function comparisonRows(r: OptimizeResult): [string, string][] {
  const c = r.comparison;
  if (!c) return [];
  const a = c.actions;
  const out = r.decisions.filter((d) => d.action === "Keep" && d.units === 0).length;
  const g = c.gain.profit;
  const rows: [string, string][] = [
    [
      "Actions",
      `keep ${a.Keep}, add ${a.Add}, drop ${a.Drop}, more ${a.More}, fewer ${a.Fewer}` +
        (out > 0 ? ` (${out} of those kept stay out of the range)` : ""),
    ],
    [
      "Gain over current",
      `${signed(g.mean)} ± ${formatNumber(g.high - g.mean)} (95% interval ${signed(g.low)} to ${signed(g.high)}) on ${plural(c.seasons, "paired season")}; current range ${formatNumber(c.current.expectedProfit.mean)}`,
    ],
  ];
  if (c.currentBreaks.length > 0) rows.push(["Current range", `breaks the rules: ${c.currentBreaks.join("; ")}`]);
  return rows;
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
  const maxChanges = model.constraints.maxChanges ?? null;
  if (maxChanges !== null) limits.push(`${u.changes} of at most ${plural(maxChanges, "change")}`);
  const rows: [string, string][] = [
    [
      "Expected profit",
      `${formatNumber(e.expectedProfit)} ± ${formatNumber(half)} (95% interval ${formatNumber(e.ci95[0])} to ${formatNumber(e.ci95[1])})`,
    ],
    [
      "Upper bound",
      `${formatNumber(r.bound.value)} (${r.bound.label}); this plan reaches ${formatPercent(r.shareOfBound)} of it`,
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
  rows.push(...comparisonRows(r));
  rows.push([
    "Method",
    `${r.method}, seed ${String(r.seed)}, ${formatNumber(r.elapsedMs / 1000, 1)} s${r.stoppedEarly ? " (stopped by the time limit)" : ""}; judged on ${plural(e.reps, "fresh season")}`,
  ]);
  return rows;
}
