// The "Assort scenarios" sheet as data, one layout for `assort sweep book.xlsx` (exceljs) and the task pane's
// "Write the curve" (Office.js): the points table at A1 (the layout ASSORT.SWEEP spills), then below it each
// point's plan as a column of units per product, so two budgets can be compared product by product; a last
// line says how the sweep was made; and where the curve's chart reads its series and its categories.

import type { Model, SweepResult } from "../engine";
import type { Area } from "./planSheet";
import { escapeCells } from "./escape";
import { sweepCells, sweepNumberFormats, sweepPlanCells } from "./sweepTable";

export const SCENARIOS_SHEET = "Assort scenarios";
export const SCENARIOS_CHART = "AssortWhatIf";

export interface ScenariosBlock {
  /** 0-based top-left cell. */
  row: number;
  column: number;
  /** Text already escaped (nothing reads as a formula); "" is an empty cell. */
  values: (string | number)[][];
  /** Number formats, the shape of values. */
  formats: string[][];
  /** The first row is a header (bold). */
  header: boolean;
}

export interface ScenariosSheet {
  points: ScenariosBlock;
  plans: ScenariosBlock;
  how: ScenariosBlock;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** The chart: expected profit, its 95% band and the upper bound (with their header row) against the rule. */
  chart: { series: Area; categories: Area; title: string; xTitle: string; yTitle: string };
}

const GENERAL = "General";

export function scenariosSheet(model: Model, result: SweepResult, how: string): ScenariosSheet {
  const points = escapeCells(sweepCells(result)) as (string | number)[][];
  const numFormats = sweepNumberFormats(result.rule);
  const pointFormats = points.map((row, r) =>
    row.map((v, c) => (r > 0 && typeof v === "number" ? numFormats[c] : GENERAL)),
  );
  const plans = escapeCells(sweepPlanCells(model, result)) as (string | number)[][];
  const plansRow = points.length + 1;
  const k = result.points.length;
  const ruleHeader = String(points[0][0]);
  return {
    points: { row: 0, column: 0, values: points, formats: pointFormats, header: true },
    plans: {
      row: plansRow,
      column: 0,
      values: plans,
      formats: plans.map((row, r) => row.map((v) => (r > 0 && typeof v === "number" ? "#,##0" : GENERAL))),
      header: true,
    },
    how: { row: plansRow + plans.length + 1, column: 0, values: [[how]], formats: [[GENERAL]], header: false },
    widths: points[0].map((h) => Math.max(12, String(h).length + 2)),
    // Columns B:E are Expected profit, Profit low 95%, Profit high 95%, Upper bound (sweepColumns' order).
    chart: {
      series: { row: 0, column: 1, rows: k + 1, columns: 4 },
      categories: { row: 1, column: 0, rows: k, columns: 1 },
      title: `Expected profit against ${ruleHeader.toLowerCase()}, with its 95% interval and the upper bound`,
      xTitle: ruleHeader,
      yTitle: "Profit",
    },
  };
}
