// The cell a problem is about, so the pane can select it: problems name the sheet row and the column as the
// user wrote it (a header, an option's name, a product id across a matrix, or a letter), which is looked up
// in the range's first rows. A problem about a whole row selects that row's first cell.

import type { SheetProblem } from "../sheet/sheetProblem";
import { columnLetter, originOf } from "../sheet/address";
import { columnNumber, sheetPrefix, splitAddress } from "../sheet/address";

/** Rows searched for a column's header (a header row may sit under a title or a blank row). */
const HEADER_ROWS = 5;

function cellText(v: unknown): string {
  return typeof v === "string" ? v.trim().toLowerCase() : typeof v === "number" ? String(v) : "";
}

export function problemCell(
  problem: SheetProblem,
  address: string | undefined,
  values: unknown[][],
): string | undefined {
  if (!address) return undefined;
  const origin = originOf(address);
  const { sheet } = splitAddress(address);
  if (!origin || sheet === undefined) return undefined;
  const row = problem.row ?? origin.row;
  let column = origin.column;
  const label = problem.column;
  if (label !== undefined) {
    const wanted = label.trim().toLowerCase();
    let found = -1;
    for (let r = 0; r < Math.min(HEADER_ROWS, values.length) && found < 0; r++)
      found = values[r].findIndex((v) => cellText(v) === wanted);
    // Options problems are named by the option; the value beside it is what needs fixing.
    if (found >= 0) column = origin.column + found + (problem.range === "Options" ? 1 : 0);
    else if (/^[A-Z]{1,3}$/.test(label)) column = columnNumber(label);
  }
  return `${sheetPrefix(sheet)}${columnLetter(column)}${row}`;
}
