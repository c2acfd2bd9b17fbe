// A History or Attributes argument made ready for its sheet reader, which runs in the worker: plain values
// only (value objects and CustomFunctions.Error cannot cross postMessage as such), Excel error values reported
// with their cell (the readers would take "#N/A" for an id), and the blank cells Excel hands over as 0
// (docs/office.md §2.3) turned back into blanks where the caller says 0 cannot be meant.

import { excelError, isBlankOrZero, plain, textOf, trimRange } from "../sheet/cells";
import { RANGE_ORIGIN, columnLetter, type Origin } from "../sheet/address";

export interface RangeCells {
  cells: unknown[][];
  /** Located messages for the Excel error values found, one per cell. */
  errors: string[];
}

/**
 * @param label how the range is named in messages ("History")
 * @param origin the range's top-left cell when its address is known (then rows are sheet rows)
 * @param zeroIsBlank whether a 0 below the header in this column is a blank cell
 */
export function rangeCells(
  raw: unknown[][] | null | undefined,
  label: string,
  origin: Origin | undefined,
  zeroIsBlank: (column: number) => boolean,
): RangeCells {
  const at = origin ?? RANGE_ORIGIN;
  const cells = trimRange(raw);
  const header = cells[0] ?? [];
  const columnName = (c: number) => textOf(header[c]) ?? (origin ? columnLetter(at.column + c) : String(c + 1));
  const errors: string[] = [];
  const out = cells.map((row, r) => {
    // A row of blanks, even when they arrive as 0, is a gap, not a record.
    if (r > 0 && row.every(isBlankOrZero)) return row.map(() => "");
    return row.map((cell, c) => {
      const err = excelError(cell);
      if (err) {
        errors.push(
          `${label} row ${at.row + r}, column ${r === 0 ? (origin ? columnLetter(at.column + c) : String(c + 1)) : columnName(c)}: holds the Excel error ${err}; fix the formula or the data it refers to`,
        );
        return "";
      }
      const v = plain(cell);
      if (v === null || v === undefined) return "";
      if (r > 0 && v === 0 && zeroIsBlank(c)) return "";
      return typeof v === "object" ? "" : v; // an entity with nothing to show
    });
  });
  return { cells: out, errors };
}
