// The "Assort scenarios" sheet `assort sweep book.xlsx` adds to its copy of the workbook, laid out by
// src/sheet/scenariosSheet (the task pane draws the same layout with Office.js, src/excel/writeScenarios.ts).
// The sheet belongs to Assort: a re-run replaces it whole and touches no other sheet.

import type { Workbook } from "exceljs";
import type { Model, SweepResult } from "../../engine";
import { SCENARIOS_SHEET, scenariosSheet, type ScenariosBlock } from "../../sheet/scenariosSheet";

export { SCENARIOS_SHEET };

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

  const layout = scenariosSheet(model, result, how);
  const draw = (b: ScenariosBlock) =>
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(b.row + r + 1, b.column + c + 1);
        cell.value = v === "" ? null : v;
        if (b.header && r === 0) cell.font = { bold: true };
        else if (typeof v === "number" && b.formats[r][c] !== "General") cell.numFmt = b.formats[r][c];
      }),
    );
  draw(layout.points);
  draw(layout.plans);
  draw(layout.how);
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  return { replaced: position !== undefined };
}
