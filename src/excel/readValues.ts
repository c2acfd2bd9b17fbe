/// <reference types="office-js" />
// Reads a range's values in row blocks: Excel on the web refuses requests or responses above 5 MB and a read
// beyond 5,000,000 cells may return null (docs/office.md §3), so a big Products or Substitution range is read a
// block at a time. Hidden and filtered-out rows are read like any other: a filter in the sheet does not drop
// products from the plan. A whole-column range (A:F) is cut to the sheet's used rows first.

import { splitAddress } from "../sheet/address";

/** Cells per request: about 1 MB of JSON for typical numbers and short ids, well under the 5 MB cap. */
export const CELLS_PER_READ = 50000;

export interface RangeValues {
  address: string;
  values: unknown[][];
}

export async function readValues(
  context: Excel.RequestContext,
  address: string,
  cellsPerRead = CELLS_PER_READ,
): Promise<RangeValues> {
  const { sheet, ref } = splitAddress(address);
  const ws =
    sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  const full = ws.getRange(ref);
  // Only the used part of the range: whole columns would otherwise mean a million rows of blanks.
  const used = full.getUsedRangeOrNullObject(true);
  full.load("address, rowIndex, columnIndex");
  used.load("isNullObject, address, rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (used.isNullObject) return { address: full.address, values: [] };
  // Keep the range's own top-left corner, so row numbers in messages match what the user selected.
  const top = { row: full.rowIndex, column: full.columnIndex };
  const rows = used.rowIndex + used.rowCount - top.row;
  const columns = used.columnIndex + used.columnCount - top.column;
  const step = Math.max(1, Math.floor(cellsPerRead / Math.max(1, columns)));
  const blocks: Excel.Range[] = [];
  for (let r = 0; r < rows; r += step) {
    const block = ws.getRangeByIndexes(top.row + r, top.column, Math.min(step, rows - r), columns);
    block.load("values");
    blocks.push(block);
    // One round trip per block keeps each response under the cap.
    await context.sync();
  }
  const values: unknown[][] = [];
  for (const b of blocks) for (const row of b.values) values.push(row);
  return { address: full.address, values };
}
