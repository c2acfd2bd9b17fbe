// Whether a workbook is a planned copy that assort plan wrote and nobody has saved since, so that running the
// same `assort plan` again may replace it without --force. Two marks must both be there: the workbook's
// last-modified-by says assort (Excel and LibreOffice put the user's name there when they save it), and the
// plan sheet's stamp says it was made by assort plan. Anything else is the user's and needs --force.

import type { Workbook } from "exceljs";
import { PLAN_SHEET } from "../../sheet/planSheet";
import { MADE_BY } from "./planSheet";

export function isPlannedCopy(wb: Workbook): boolean {
  if (wb.lastModifiedBy !== MADE_BY) return false;
  const ws = wb.worksheets.find((w) => w.name === PLAN_SHEET);
  if (!ws) return false;
  let marked = false;
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      if (cell.value === "Made by" && row.getCell(c + 1).value === MADE_BY) marked = true;
    }),
  );
  return marked;
}
