/// <reference types="office-js" />
// "Insert sample data": adds the Products, Substitution and Options sheets, each with an Excel table of that
// name, so Optimize finds them at once. If any of those sheets, tables or names already exists nothing is
// written (the user's data is never touched) and the clashes are returned.

import { blockRef, sheetPrefix } from "../sheet/address";
import { writeBlock } from "./blockValues";
import { sampleSheets } from "./sampleData";

export type InsertSampleOutcome = { inserted: true; sheets: string[] } | { inserted: false; existing: string[] };

export async function insertSample(context: Excel.RequestContext): Promise<InsertSampleOutcome> {
  const wb = context.workbook;
  const sheets = sampleSheets();
  const checks = sheets.map((s) => ({
    s,
    sheet: wb.worksheets.getItemOrNullObject(s.sheet),
    table: wb.tables.getItemOrNullObject(s.table),
    name: wb.names.getItemOrNullObject(s.table),
  }));
  for (const c of checks) {
    c.sheet.load("isNullObject");
    c.table.load("isNullObject");
    c.name.load("isNullObject");
  }
  await context.sync();
  const existing: string[] = [];
  for (const c of checks) {
    if (!c.sheet.isNullObject) existing.push(`sheet ${c.s.sheet}`);
    if (!c.table.isNullObject) existing.push(`table ${c.s.table}`);
    if (!c.name.isNullObject) existing.push(`name ${c.s.table}`);
  }
  if (existing.length > 0) return { inserted: false, existing };

  for (const s of sheets) {
    const ws = wb.worksheets.add(s.sheet);
    const formats = s.rows.map((_, r) => (r === 0 ? s.formats.map(() => "General") : s.formats));
    await writeBlock(context, ws, 0, 0, s.rows, formats);
    // With no sheet in the address Excel would use the active sheet, not this new one.
    const table = ws.tables.add(sheetPrefix(s.sheet) + blockRef(0, 0, s.rows.length, s.rows[0].length), true);
    table.name = s.table;
    table.style = "TableStyleLight9";
    ws.getRange(blockRef(0, 0, s.rows.length, s.rows[0].length)).format.autofitColumns();
  }
  wb.worksheets.getItem(sheets[0].sheet).activate();
  await context.sync();
  return { inserted: true, sheets: sheets.map((s) => s.sheet) };
}
