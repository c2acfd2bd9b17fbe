// What ASSORT.EVALUATE spills: per product, what the plan sells and leaves over; then the summary (profit with
// its 95% interval, the bound, revenue and customers) and any rule the plan breaks.

import type { Model, PlanBound, SimulationResult } from "../engine";
import { tighterBound } from "../engine";
import { ceilingLines, describeBound, shareNote } from "./bound";
import { escapeCells } from "./escape";
import { formatted } from "./planTable";
import { blankRow, cellNumber, summaryRows, type SummaryLine } from "./summaryBlock";

export const EVALUATION_HEADER = [
  "Product",
  "Units",
  "Expected sales",
  "Expected leftover",
  "Stock-out risk",
  "Fill rate",
  "Lost customers",
  "Sales from substitution",
];

export function evaluationTable(
  model: Model,
  units: ArrayLike<number>,
  sim: SimulationResult,
  bound: PlanBound,
  seed: number | string,
  warnings: string[],
): unknown[][] {
  const p = sim.products;
  const width = EVALUATION_HEADER.length;
  const rows: unknown[][] = [EVALUATION_HEADER];
  let total = 0;
  let carried = 0;
  for (let i = 0; i < model.n; i++) {
    total += units[i];
    if (units[i] > 0) carried++;
    rows.push([
      model.ids[i],
      units[i],
      cellNumber(p.expectedSales[i]),
      cellNumber(p.expectedLeftover[i]),
      cellNumber(p.stockoutProbability[i]),
      cellNumber(p.fillRate[i]),
      cellNumber(p.lostFirstChoice[i]),
      cellNumber(p.substitutionInflow[i]),
    ]);
  }
  const tighter = tighterBound(bound).value;
  const share = tighter > 0 ? (100 * sim.expectedProfit) / tighter : NaN;
  const lines: SummaryLine[] = [
    ["Expected profit", cellNumber(sim.expectedProfit)],
    [
      "± 95% interval",
      cellNumber((sim.ci95[1] - sim.ci95[0]) / 2),
      `${formatted(sim.ci95[0])} to ${formatted(sim.ci95[1])}`,
    ],
    ["Upper bound", cellNumber(bound.value), describeBound(bound)],
    ...ceilingLines(bound),
    ["% of bound", cellNumber(share), shareNote(bound)],
    ["Products carried", carried, `of ${model.n}`],
    ["Units", total],
    ["Purchase cost", cellNumber(sim.purchaseCost)],
    ["Expected revenue", cellNumber(sim.expectedRevenue)],
    ["Expected salvage", cellNumber(sim.expectedSalvage)],
    ["Expected units sold", cellNumber(sim.expectedUnitsSold)],
    ["Expected customers", cellNumber(sim.expectedCustomers)],
    ["Customers leaving without buying", cellNumber(sim.expectedLostCustomers)],
    ["Seed", seed, `${sim.reps} seasons simulated`],
  ];
  for (const w of warnings) lines.push(["Warning", w]);
  rows.push(blankRow(width), ...summaryRows(lines, width));
  return escapeCells(rows);
}
