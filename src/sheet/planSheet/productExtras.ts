// The user's own Products columns that Assort does not read (Style, Colour, Size label, Brand...), so the plan
// sheet can carry them beside each product and the plan can be filtered and pivoted by them. Rows are walked
// as readProducts walks them (header = first non-blank row; blank rows skipped) and keyed by product id.

import { isBlank, isBlankOrZero, plain, textOf, trimRange, type Cells } from "../cells";
import { unescapeText } from "../escape";
import { readHeader } from "../productColumns";
import type { SheetValue } from "./sheetSpec";

export interface ProductExtras {
  /** The headers as the user wrote them, in the range's order. */
  headers: string[];
  /** Each product's cells under those headers, by id. */
  byId: Map<string, SheetValue[]>;
}

export const NO_EXTRAS: ProductExtras = { headers: [], byId: new Map() };

/** A cell as the plan sheet can hold it: numbers, text and yes/no as they are; dates as ISO text. */
function extraValue(raw: unknown): SheetValue {
  const v = plain(raw);
  if (isBlank(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "string") return unescapeText(v);
  return textOf(v) ?? null;
}

/**
 * The columns of a Products range that match no Assort field, leaving out any whose header (ignoring case)
 * is in `reserved` (a column the plan sheet writes itself, such as Reason) or repeats an earlier one.
 */
export function readProductExtras(raw: Cells | null | undefined, reserved: readonly string[] = []): ProductExtras {
  const cells = trimRange(raw);
  let first = 0;
  while (first < cells.length && cells[first].every(isBlankOrZero)) first++;
  if (first >= cells.length) return NO_EXTRAS;
  const header = readHeader(cells[first]);
  const idColumn = header.columns.id;
  if (!idColumn) return NO_EXTRAS;
  const taken = new Set(reserved.map((h) => h.trim().toLowerCase()));
  const kept = header.unknown.filter((u) => {
    const key = u.header.trim().toLowerCase();
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  if (kept.length === 0) return NO_EXTRAS;
  const byId = new Map<string, SheetValue[]>();
  for (let r = first + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankOrZero)) continue;
    const id = textOf(row[idColumn.index]);
    if (id === undefined) continue;
    const key = unescapeText(id);
    if (!byId.has(key))
      byId.set(
        key,
        kept.map((u) => extraValue(row[u.index])),
      );
  }
  return { headers: kept.map((u) => u.header.trim()), byId };
}
