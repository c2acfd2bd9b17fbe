// Excel refuses a custom function's result beyond 5 MB (docs/office.md §2.5). Results whose size depends on the
// data (FIT's links, SIMILARITY's list) are measured as the JSON they travel as, and refused well inside it.

export const MAX_RESULT_CHARS = 4_000_000;

export function fitsExcel(rows: unknown[][]): boolean {
  return JSON.stringify(rows).length <= MAX_RESULT_CHARS;
}
