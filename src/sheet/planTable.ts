// What ASSORT.OPTIMIZE spills (and the task pane writes): one row per product with the decision and its
// reason, then a blank row and the summary (profit with its 95% interval, the bound and the share reached).

import type { Model, OptimizeResult } from "../engine";
import { ceilingLines, describeBound, shareNote } from "./bound";
import { escapeCells } from "./escape";
import { blankRow, cellNumber, summaryRows, type SummaryLine } from "./summaryBlock";

export const PLAN_HEADER = ["Product", "Carry", "Units", "Expected sales", "Stock-out risk", "Decision reason"];
/** With a current range (a Current units column), the action and the current units follow the id. */
export const CURRENT_PLAN_HEADER = [PLAN_HEADER[0], "Action", "Current units", ...PLAN_HEADER.slice(1)];

export function planTable(model: Model, result: OptimizeResult): unknown[][] {
  const withCurrent = result.comparison !== undefined || result.decisions.some((d) => d.currentUnits !== undefined);
  const header = withCurrent ? CURRENT_PLAN_HEADER : PLAN_HEADER;
  const width = header.length;
  const rows: unknown[][] = [header];
  for (const d of result.decisions) {
    rows.push([
      d.id,
      ...(withCurrent ? [d.action ?? "", d.currentUnits ?? 0] : []),
      d.carry,
      d.units,
      cellNumber(d.expectedSales),
      d.carry ? cellNumber(d.stockoutProbability) : "",
      d.reason,
    ]);
  }
  const ev = result.evaluation;
  let carried = 0;
  let units = 0;
  for (let i = 0; i < result.units.length; i++) {
    if (result.units[i] > 0) carried++;
    units += result.units[i];
  }
  const lines: SummaryLine[] = [
    ["Expected profit", cellNumber(ev.expectedProfit)],
    [
      "± 95% interval",
      cellNumber((ev.ci95[1] - ev.ci95[0]) / 2),
      `${formatted(ev.ci95[0])} to ${formatted(ev.ci95[1])}`,
    ],
    ["Upper bound", cellNumber(result.bound.value), describeBound(result.bound)],
    ...ceilingLines(result.bound),
    ["% of bound", cellNumber(100 * result.shareOfBound), shareNote(result.bound)],
    ["Products carried", carried, `of ${model.n}`],
    ["Units", units],
    ["Purchase cost", cellNumber(ev.purchaseCost)],
    ["Expected revenue", cellNumber(ev.expectedRevenue)],
    ["Expected units sold", cellNumber(ev.expectedUnitsSold)],
    ["Sell-through %", units > 0 ? cellNumber((100 * ev.expectedUnitsSold) / units) : ""],
    ...(result.comparison
      ? [
          [
            "Gain over current",
            cellNumber(result.comparison.gain.profit.mean),
            `± ${formatted((result.comparison.gain.profit.high - result.comparison.gain.profit.low) / 2)} (95%), paired on ${result.comparison.seasons} seasons`,
          ] as SummaryLine,
        ]
      : []),
    ["Method", result.method],
    ["Seed", result.seed, `${ev.reps} seasons simulated`],
  ];
  if (result.stoppedEarly) lines.push(["Stopped early", true, "time limit or cancel: best plan found so far"]);
  for (const w of result.warnings) lines.push(["Warning", w]);
  rows.push(blankRow(width), ...summaryRows(lines, width));
  return escapeCells(rows);
}

/** A number as text for notes: 12,345.68. */
export function formatted(x: number): string {
  if (!Number.isFinite(x)) return "";
  return x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}
