// Where a cell is, said the way a user finds it. Row numbers count from the range's first row as 1 unless
// the range's address is known (a custom function with parameter addresses, or the task pane), in which
// case they are the sheet's own row numbers and column letters.

export interface Origin {
  /** Sheet row number of the range's first row (1-based). */
  row: number;
  /** Sheet column number of the range's first column (1-based). */
  column: number;
}

export const RANGE_ORIGIN: Origin = { row: 1, column: 1 };

/** 1 → "A", 28 → "AB". */
export function columnLetter(column: number): string {
  let s = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The origin of an address such as "Sheet1!B3:F20", "'My sheet'!$B$3" or "B3"; undefined when it names no
 * cell (a whole column "A:F", a name, a blank address).
 */
export function originOf(address: string | null | undefined): Origin | undefined {
  if (typeof address !== "string") return undefined;
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(:|$)/.exec(ref);
  if (m) return { row: Number(m[2]), column: columnNumber(m[1]) };
  // A whole-column reference (A:F) starts at row 1.
  const col = /^\$?([A-Za-z]{1,3}):\$?[A-Za-z]{1,3}$/.exec(ref);
  if (col) return { row: 1, column: columnNumber(col[1]) };
  return undefined;
}

/** Sheet row number of range row r (0-based). */
export function sheetRow(origin: Origin, r: number): number {
  return origin.row + r;
}

/** "C" when the sheet position is known, else the column's position in the range ("column 3"). */
export function columnName(origin: Origin, c: number, known: boolean): string {
  return known ? columnLetter(origin.column + c) : String(c + 1);
}
