/// <reference types="office-js" />
// Where the inputs are: an address saved in this workbook (the user's own choice) wins, then an Excel table
// called Products / Substitution / Options (without its Totals row), then a named range of that name. Two
// syncs in all.

import { splitAddress } from "../sheet/address";
import { INPUT_KEYS, INPUT_TITLES, type FoundInputs, type InputKey } from "./inputs";

/** A1 references the pane accepts from settings: cells, blocks, whole columns or whole rows. */
const REF = /^([A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?|[A-Z]{1,3}:[A-Z]{1,3}|\d+:\d+)$/i;

export async function findInputs(
  context: Excel.RequestContext,
  saved: Partial<Record<InputKey, string>> = {},
): Promise<FoundInputs> {
  const wb = context.workbook;
  const savedRanges = new Map<InputKey, { sheet: Excel.Worksheet; ref: string }>();
  for (const key of INPUT_KEYS) {
    const address = saved[key];
    if (typeof address !== "string") continue;
    const { sheet, ref } = splitAddress(address);
    if (sheet === undefined || !REF.test(ref)) continue;
    savedRanges.set(key, { sheet: wb.worksheets.getItemOrNullObject(sheet), ref });
  }
  const tables = new Map<InputKey, Excel.Table>();
  const names = new Map<InputKey, Excel.NamedItem>();
  for (const key of INPUT_KEYS) {
    const table = wb.tables.getItemOrNullObject(INPUT_TITLES[key]);
    const name = wb.names.getItemOrNullObject(INPUT_TITLES[key]);
    table.load("isNullObject, showTotals");
    name.load("isNullObject, type");
    tables.set(key, table);
    names.set(key, name);
  }
  for (const { sheet } of savedRanges.values()) sheet.load("isNullObject, name");
  await context.sync();

  // A saved range whose sheet was deleted or renamed is forgotten; the names are tried instead.
  const ranges = new Map<InputKey, { range: Excel.Range; source: "saved" | "table" | "name"; totals?: true }>();
  for (const key of INPUT_KEYS) {
    const s = savedRanges.get(key);
    const table = tables.get(key) as Excel.Table;
    const name = names.get(key) as Excel.NamedItem;
    if (s && !s.sheet.isNullObject) ranges.set(key, { range: s.sheet.getRange(s.ref), source: "saved" });
    else if (!table.isNullObject && table.showTotals)
      // A Totals row sums the columns: read as a product it would be "Total" with all the demand again.
      ranges.set(key, { range: table.getRange().getResizedRange(-1, 0), source: "table", totals: true });
    else if (!table.isNullObject) ranges.set(key, { range: table.getRange(), source: "table" });
    else if (!name.isNullObject && name.type === "Range") ranges.set(key, { range: name.getRange(), source: "name" });
  }
  for (const { range } of ranges.values()) range.load("address");
  await context.sync();
  const found: FoundInputs = {};
  for (const [key, { range, source, totals }] of ranges)
    found[key] = totals
      ? { address: range.address, source, totalsRowSkipped: true }
      : { address: range.address, source };
  return found;
}
