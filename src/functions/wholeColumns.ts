// Whole-column arguments (A:F) are refused with a hint: Excel on the web counts a function's arguments in its
// 5 MB payload limit and answers #CALC! for them (office-js issues 4613, 4654), and on the desktop they cost a
// million rows of blanks per call. A table (Products[#All]) grows with the data and works everywhere.

/** Rows of an Excel sheet: a range this tall is a whole column. */
export const SHEET_ROWS = 1048576;

/** "Sheet1!A:F", "'My sheet'!$A:$F", "A1:F1048576": references that span every row. */
export function isWholeColumn(address: string | null | undefined): boolean {
  if (typeof address !== "string") return false;
  const ref = address.slice(address.lastIndexOf("!") + 1).trim();
  if (/^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(ref)) return true;
  const m = /^\$?[A-Za-z]{1,3}\$?1:\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(ref);
  return m !== null && Number(m[1]) >= SHEET_ROWS;
}

/**
 * One message per argument that is a whole column, by its address or, when Excel gave none, by its height.
 * @param ranges the arguments by the name messages use ("Products"), in parameter order
 * @param addresses the parameters' addresses, in the same order
 */
export function wholeColumnProblems(
  ranges: Record<string, unknown>,
  addresses: readonly (string | undefined)[],
): string[] {
  const problems: string[] = [];
  Object.entries(ranges).forEach(([label, values], k) => {
    const address = addresses[k];
    const tall = Array.isArray(values) && values.length >= SHEET_ROWS;
    if (!isWholeColumn(address) && !tall) return;
    const what = address ? `${address} is a whole-column reference` : "the range is a whole column";
    problems.push(
      `${label}: ${what} (${SHEET_ROWS.toLocaleString("en-US")} rows); use a table (${label}[#All]) or the rows in use ` +
        `(such as A1:F301) rather than whole columns, which Excel on the web cannot pass to a function`,
    );
  });
  return problems;
}
