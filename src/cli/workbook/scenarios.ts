// The "Assort scenarios" sheet `assort sweep book.xlsx` adds to its copy of the workbook: the points table
// at A1 (the layout ASSORT.SWEEP spills), then below it each point's plan as a column of units per product,
// so two budgets can be compared product by product; a last line says how the sweep was made. The sheet
// belongs to Assort: a re-run replaces it whole and touches no other sheet.

import type { Workbook } from "exceljs";
import type { Model, SweepResult } from "../../engine";
import { escapeCells } from "../../sheet/escape";
import { sweepCells, sweepNumberFormats, sweepPlanCells } from "../../sheet/sweepTable";

export const SCENARIOS_SHEET = "Assort scenarios";

/** Writes (or rewrites) the sheet; returns whether an earlier one was replaced. */
export function writeScenariosSheet(
  wb: Workbook,
  model: Model,
  result: SweepResult,
  how: string,
): { replaced: boolean } {
  // Excel compares sheet names without case.
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === SCENARIOS_SHEET.toLowerCase());
  let position: number | undefined;
  if (old) {
    position = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(SCENARIOS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;

  const points = escapeCells(sweepCells(result)) as (string | number)[][];
  const formats = sweepNumberFormats(result.rule);
  points.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v === "" ? null : v;
      if (r === 0) cell.font = { bold: true };
      else if (typeof v === "number") cell.numFmt = formats[c];
    }),
  );
  const planTop = points.length + 2;
  const plans = escapeCells(sweepPlanCells(model, result)) as (string | number)[][];
  plans.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(planTop + r, c + 1);
      cell.value = v;
      if (r === 0) cell.font = { bold: true };
    }),
  );
  ws.getCell(planTop + plans.length + 1, 1).value = how;
  points[0].forEach((h, c) => (ws.getColumn(c + 1).width = Math.max(12, String(h).length + 2)));
  return { replaced: position !== undefined };
}
