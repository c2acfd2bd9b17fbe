// Column widths, in characters, wide enough for every header and every figure as it shows under its number
// format (a number wider than its column shows as ####), with room for a table header's filter button.
// Long text (reasons, the stamp's command) is capped: it runs over into the empty cells to its right.

import { isFormula, MONEY, COUNT, DECIMAL, PERCENT, PERCENT_1, type SheetValue } from "./sheetSpec";

export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
/** A table header's filter button covers about this many characters. */
export const FILTER_BUTTON = 3;

const DECIMALS: Record<string, number> = { [MONEY]: 2, [COUNT]: 0, [DECIMAL]: 1, "0": 0 };

/** The text a cell shows under its format (as en-US Excel shows it). */
export function shownText(value: SheetValue, format: string): string {
  const v = isFormula(value) ? value.value : value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (format === PERCENT || format === PERCENT_1) return `${(100 * v).toFixed(format === PERCENT ? 0 : 1)}%`;
  const d = DECIMALS[format];
  if (d !== undefined)
    return v.toLocaleString("en-US", {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      useGrouping: format !== "0",
    });
  return String(Number(v.toPrecision(10)));
}

/** Room for the text and a character of padding, within the limits. */
export function widthFor(text: string, extra = 0): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, text.length + 1 + extra));
}
