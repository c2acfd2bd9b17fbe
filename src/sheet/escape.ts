// Text written to cells must never become a formula: Excel reads a value starting with = + - @ as one.
// A leading apostrophe makes it text (Excel hides the apostrophe); reading strips it again, so ids
// round-trip exactly (an id that itself starts with apostrophes before = + - @ gets one more).

const NEEDS_ESCAPE = /^'*[=+\-@]/;

export function escapeText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? "'" + s : s;
}

export function unescapeText(s: string): string {
  return s.startsWith("'") && NEEDS_ESCAPE.test(s) ? s.slice(1) : s;
}

/** Every text cell of an output escaped; numbers, booleans and blanks untouched. */
export function escapeCells(rows: unknown[][]): unknown[][] {
  return rows.map((row) => row.map((v) => (typeof v === "string" ? escapeText(v) : v)));
}
