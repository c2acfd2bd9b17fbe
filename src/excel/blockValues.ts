/// <reference types="office-js" />
// Reading and writing a block of a sheet a slice of rows at a time, each slice its own request, to stay
// under Excel on the web's 5 MB per request (docs/office.md §3).

import { blockRef, type Block } from "../sheet/address";
import { CELLS_PER_READ } from "./readValues";

function rowsPerSlice(columns: number, cells: number): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}

export async function readBlock(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  b: Block,
  cells = CELLS_PER_READ,
): Promise<unknown[][]> {
  const step = rowsPerSlice(b.columns, cells);
  const out: unknown[][] = [];
  for (let r = 0; r < b.rows; r += step) {
    const range = ws.getRange(blockRef(b.row + r, b.column, Math.min(step, b.rows - r), b.columns));
    range.load("values");
    await context.sync();
    out.push(...range.values);
  }
  return out;
}

/** Writes values (and optionally number formats of the same shape) starting at the block's top-left cell. */
export async function writeBlock(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  row: number,
  column: number,
  values: unknown[][],
  formats?: string[][],
  cells = CELLS_PER_READ,
): Promise<void> {
  if (values.length === 0) return;
  const columns = values[0].length;
  const step = rowsPerSlice(columns, cells);
  for (let r = 0; r < values.length; r += step) {
    const rows = Math.min(step, values.length - r);
    const range = ws.getRange(blockRef(row + r, column, rows, columns));
    // Formats first: under General, Excel would turn an id such as "00123" into the number 123.
    if (formats) range.numberFormat = formats.slice(r, r + rows);
    range.values = values.slice(r, r + rows) as Excel.Range["values"];
    await context.sync();
  }
}
