// A sweep as cells, the one layout shared by ASSORT.SWEEP's spill, the task pane's "Assort scenarios" sheet
// and `assort sweep` (its table, --csv and the workbook copy): one row per point of the rule, the figures a
// merchandiser compares (profit with its 95% interval, the bound, what the plan buys and how it serves), the
// marginal profit of the rule between neighbouring points; and the points' plans side by side per product.

import type { Model, SweepPoint, SweepResult, SweepRule } from "../engine";

/** How a column's numbers read: money, a count, a share (a fraction, shown as %), or the rule's own unit. */
export type SweepFormat = "money" | "count" | "percent" | "rule";

export interface SweepColumn {
  header: string;
  format: SweepFormat;
  value(p: SweepPoint): number | null;
}

const RULE_LABEL: Record<SweepRule, string> = { budget: "Budget", capacity: "Capacity", maxProducts: "Max products" };
const PER_UNIT: Record<SweepRule, string> = {
  budget: "per 1 of budget",
  capacity: "per unit of space",
  maxProducts: "per product",
};

export function ruleLabel(rule: SweepRule): string {
  return RULE_LABEL[rule];
}

export function sweepColumns(rule: SweepRule): SweepColumn[] {
  return [
    { header: RULE_LABEL[rule], format: rule === "maxProducts" ? "count" : "rule", value: (p) => p.value },
    { header: "Expected profit", format: "money", value: (p) => p.expectedProfit.mean },
    { header: "Profit low 95%", format: "money", value: (p) => p.expectedProfit.low },
    { header: "Profit high 95%", format: "money", value: (p) => p.expectedProfit.high },
    { header: "Upper bound", format: "money", value: (p) => p.bound },
    { header: "Products carried", format: "count", value: (p) => p.productsCarried },
    { header: "Units", format: "count", value: (p) => p.units },
    { header: "Buy cost", format: "money", value: (p) => p.buyCost },
    { header: "Gross margin", format: "percent", value: (p) => p.grossMarginRate },
    { header: "Fill rate", format: "percent", value: (p) => p.fillRate },
    { header: `Marginal profit ${PER_UNIT[rule]}`, format: "money", value: (p) => p.marginalProfit?.mean ?? null },
    {
      header: "Marginal ± 95%",
      format: "money",
      value: (p) => (p.marginalProfit ? p.marginalProfit.high - p.marginalProfit.mean : null),
    },
  ];
}

/** Header row then one row per point; a missing figure (the first point's marginal) is "". */
export function sweepCells(result: SweepResult): (string | number)[][] {
  const cols = sweepColumns(result.rule);
  return [
    cols.map((c) => c.header),
    ...result.points.map((p) =>
      cols.map((c) => {
        const v = c.value(p);
        return v === null || !Number.isFinite(v) ? "" : v;
      }),
    ),
  ];
}

/** Excel number formats for the columns of sweepCells. */
export function sweepNumberFormats(rule: SweepRule): string[] {
  const f: Record<SweepFormat, string> = { money: "#,##0.00", count: "#,##0", percent: "0.0%", rule: "#,##0.##" };
  return sweepColumns(rule).map((c) => f[c.format]);
}

/** Units per product at each point: a Product column, then one column per point ("Budget 40,000"). */
export function sweepPlanCells(model: Model, result: SweepResult): (string | number)[][] {
  const head = ["Product", ...result.points.map((p) => `${RULE_LABEL[result.rule]} ${p.value}`)];
  return [head, ...model.ids.map((id, i) => [id, ...result.points.map((p) => p.plan[i])])];
}
