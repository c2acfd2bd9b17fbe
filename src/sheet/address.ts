// A1 addresses, the one module for them: where a cell is, said the way a user finds it, and addresses as
// Excel reports them ("Sheet1!A1:F11", "'My sheet'!$B$3") split into sheet and cells, parsed into blocks and
// put back together with the sheet name quoted when Excel would quote it. Row numbers in messages count
// from the range's first row as 1 unless the range's address is known (a custom function with parameter
// addresses, or the task pane), in which case they are the sheet's own row numbers and column letters.

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

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
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

export interface SplitAddress {
  /** Sheet name without quotes, or undefined when the address names no sheet. */
  sheet?: string;
  /** The cells part without "$": "A1:F11". */
  ref: string;
}

export function splitAddress(address: string): SplitAddress {
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  if (bang < 0) return { ref };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref };
}

/** Sheet names with anything but letters, digits and underscores are quoted ('Assort plan'!A1). */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** "A1:C4" for a block of rows × columns whose top-left cell is at (row, column), both 0-based. */
export function blockRef(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetter(column + 1)}${row + 1}`;
  if (rows <= 1 && columns <= 1) return first;
  return `${first}:${columnLetter(column + columns)}${row + rows}`;
}

export interface Block {
  /** 0-based top row and left column, and the size. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** The block whose top-left and bottom-right cells are at these sheet positions (1-based, in either order). */
export function blockSpanning(a: Origin, b: Origin): Block {
  return {
    row: Math.min(a.row, b.row) - 1,
    column: Math.min(a.column, b.column) - 1,
    rows: Math.abs(b.row - a.row) + 1,
    columns: Math.abs(b.column - a.column) + 1,
  };
}

/** The sheet row and column (1-based) of the block's top-left cell. */
export function blockOrigin(b: Block): Origin {
  return { row: b.row + 1, column: b.column + 1 };
}

/** The sheet row and column (1-based) of the block's bottom-right cell. */
export function blockEnd(b: Block): Origin {
  return { row: b.row + b.rows, column: b.column + b.columns };
}

/** "A1:C4" of a block ("A1" for one cell), without the sheet. */
export function blockAddress(b: Block): string {
  return blockRef(b.row, b.column, b.rows, b.columns);
}

/** "B3:D10" (or "B3", with or without a sheet) as a block; undefined for whole columns, rows or names. */
export function parseBlock(address: string): Block | undefined {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(splitAddress(address).ref);
  if (!m) return undefined;
  const first = { row: Number(m[2]), column: columnNumber(m[1]) };
  return blockSpanning(first, m[3] ? { row: Number(m[4]), column: columnNumber(m[3]) } : first);
}

export function inBlock(block: Block, row: number, column: number): boolean {
  return (
    row >= block.row && row < block.row + block.rows && column >= block.column && column < block.column + block.columns
  );
}

/** Whether two blocks share a cell. */
export function blocksOverlap(a: Block, b: Block): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
