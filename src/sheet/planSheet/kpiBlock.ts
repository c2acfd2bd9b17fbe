// The figures a merchandiser reads first, at the top of the plan sheet: one column per figure, one row for
// the recommended plan, and when a current range is given one for it and one for the change (recommended −
// current on the same simulated seasons) with the 95% interval of that paired difference. Figures the
// result does not carry are left out; the change is shown only where it is measured or exact.

import type { Estimate } from "../../engine";
import { halfWidth, type ReportResult } from "./reportShapes";
import { COUNT, DECIMAL, MONEY, PERCENT_1, type SheetValue } from "./sheetSpec";

/** Live formulas for the recommended row, over the table's columns, so an edit of Units recomputes them. */
export interface KpiFormulas {
  units: string;
  buyCost: string;
  carried: string;
}

interface KpiColumn {
  label: string;
  format: string;
  recommended: SheetValue;
  current?: SheetValue;
  /** The paired change; a number when it is exact (units, cost), an Estimate when it is simulated. */
  change?: number | Estimate;
}

export const KPI_ROW_LABELS = {
  recommended: "Recommended",
  current: "Current range",
  change: "Change",
  interval: "Change ± 95%",
} as const;

function columns(result: ReportResult, f: KpiFormulas): KpiColumn[] {
  const ev = result.evaluation;
  const k = result.kpis;
  const cmp = result.comparison;
  const cur = cmp?.current;
  const gain = cmp?.gain;
  // The plan's own figures (its fresh evaluation, as in every summary); the change is the paired one.
  const rec = k ?? cmp?.recommended;
  let units = 0;
  let carried = 0;
  for (const x of result.units) {
    units += x;
    if (x > 0) carried++;
  }
  const diff = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a - b;
  const profit = rec?.expectedProfit.mean ?? ev.expectedProfit;
  const profitHalf = rec ? halfWidth(rec.expectedProfit) : (ev.ci95[1] - ev.ci95[0]) / 2;
  const out: (KpiColumn | false)[] = [
    {
      label: "Expected profit",
      format: MONEY,
      recommended: profit,
      current: cur?.expectedProfit.mean,
      change: gain?.profit,
    },
    {
      label: "± 95%",
      format: MONEY,
      recommended: profitHalf,
      current: cur ? halfWidth(cur.expectedProfit) : undefined,
      change: gain ? halfWidth(gain.profit) : undefined,
    },
    {
      label: "Revenue",
      format: MONEY,
      recommended: rec?.revenue ?? ev.expectedRevenue,
      current: cur?.revenue,
      change: gain?.revenue,
    },
    // Gross margin in money (revenue × margin rate = revenue − cost of goods sold), whose change is measured,
    // and as a share of revenue.
    rec !== undefined && {
      label: "Gross margin",
      format: MONEY,
      recommended: rec.revenue * rec.grossMarginRate,
      current: cur ? cur.revenue * cur.grossMarginRate : undefined,
      change: gain?.grossMargin,
    },
    rec !== undefined && {
      label: "Gross margin %",
      format: PERCENT_1,
      recommended: rec.grossMarginRate,
      current: cur?.grossMarginRate,
    },
    {
      label: "Units",
      format: COUNT,
      recommended: { formula: f.units, value: units },
      current: cur?.units,
      change: diff(units, cur?.units),
    },
    {
      label: "Buy cost",
      format: MONEY,
      recommended: { formula: f.buyCost, value: rec?.buyCost ?? ev.purchaseCost },
      current: cur?.buyCost,
      change: diff(rec?.buyCost ?? ev.purchaseCost, cur?.buyCost),
    },
    {
      label: "Products carried",
      format: COUNT,
      recommended: { formula: f.carried, value: carried },
      current: cur?.productsCarried,
      change: diff(carried, cur?.productsCarried),
    },
    rec !== undefined && { label: "Fill rate", format: PERCENT_1, recommended: rec.fillRate, current: cur?.fillRate },
    rec !== undefined && {
      label: "Lost customers",
      format: DECIMAL,
      recommended: rec.lostCustomers,
      current: cur?.lostCustomers,
      change: gain?.lostCustomers,
    },
    rec !== undefined && {
      label: "Leftover units",
      format: DECIMAL,
      recommended: rec.leftoverUnits,
      current: cur?.leftoverUnits,
      change: gain?.leftoverUnits,
    },
    rec !== undefined && {
      label: "Leftover value",
      format: MONEY,
      recommended: rec.leftoverValue,
      current: cur?.leftoverValue,
    },
    {
      label: "Sell-through",
      format: PERCENT_1,
      recommended: rec?.sellThrough ?? (units > 0 ? ev.expectedUnitsSold / units : null),
      current: cur?.sellThrough,
    },
    rec !== undefined && {
      label: "Likely sell-outs",
      format: COUNT,
      recommended: rec.likelySellOuts,
      current: cur?.likelySellOuts,
    },
    { label: "Upper bound", format: MONEY, recommended: result.bound.value },
    { label: "% of bound", format: PERCENT_1, recommended: result.shareOfBound },
  ];
  return out.filter((c): c is KpiColumn => c !== false);
}

const finite = (v: SheetValue | undefined): SheetValue =>
  v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v;

export interface KpiGrid {
  /** Header row (labels), then the rows; column 0 holds the row labels, the figures start at `skip`. */
  values: SheetValue[][];
  formats: string[][];
}

/**
 * The block: a header row of figure names, then Recommended, and with a current range Current range, Change
 * and Change ± 95%. Row labels sit in the first column; the figures start `skip` columns to its right (the
 * labels run over the empty cells between, under the table's Rank, Product and Name).
 */
export function kpiGrid(result: ReportResult, formulas: KpiFormulas, skip: number): KpiGrid {
  const cols = columns(result, formulas);
  const pad = new Array<SheetValue>(skip - 1).fill(null);
  const padF = new Array<string>(skip).fill("General");
  const row = (label: string, cell: (c: KpiColumn) => SheetValue | undefined): SheetValue[] => [
    label,
    ...pad,
    ...cols.map((c) => finite(cell(c))),
  ];
  const values: SheetValue[][] = [
    ["Plan figures", ...pad, ...cols.map((c) => c.label)],
    row(KPI_ROW_LABELS.recommended, (c) => c.recommended),
  ];
  if (result.comparison) {
    values.push(
      row(KPI_ROW_LABELS.current, (c) => c.current),
      row(KPI_ROW_LABELS.change, (c) => (typeof c.change === "object" ? c.change.mean : c.change)),
      // The profit's interval is in its own ± column; the others' here.
      row(KPI_ROW_LABELS.interval, (c) =>
        typeof c.change === "object" && c.label !== "Expected profit" ? halfWidth(c.change) : undefined,
      ),
    );
  }
  const formats = values.map((_, r) => [...padF, ...cols.map((c) => (r === 0 ? "General" : c.format))]);
  return { values, formats };
}
