/// <reference types="office-js" />
// Writes a From, To, Probability list (the pane's "Substitution from a model") as an Excel table at A1 of the
// "Assort substitution" sheet, ready to be the Substitution input. A re-run replaces the table it wrote (its
// name is kept in the workbook's settings) and nothing else: if the sheet holds other non-empty cells — a
// sheet of that name the user made — nothing is written and their extent is returned, so the pane can ask
// before calling again with overwrite.

import { escapeText } from "../sheet/escape";
import { blockRef, inBlock, parseBlock, sheetPrefix, type Block } from "../sheet/address";
import { writeBlock } from "./blockValues";
import { widthPoints } from "./writePlan";

export const SUBSTITUTION_SHEET = "Assort substitution";
export const SUBSTITUTION_TABLE = "AssortSubstitution";
/** The name of the table the last write made (a workbook may already hold a table called AssortSubstitution). */
export const SUBSTITUTION_TABLE_KEY = "assort.substitutionTable";
export const SUBSTITUTION_HEADER = ["From", "To", "Probability"];

export interface SubstitutionLink {
  from: string;
  to: string;
  probability: number;
}

export type WriteSubstitutionOutcome =
  { written: true; address: string; tableName: string; links: number } | { written: false; used: string };

function contains(outer: Block, inner: Block): boolean {
  return (
    inBlock(outer, inner.row, inner.column) &&
    inBlock(outer, inner.row + inner.rows - 1, inner.column + inner.columns - 1)
  );
}

export async function writeSubstitutionList(
  context: Excel.RequestContext,
  links: readonly SubstitutionLink[],
  options: { overwrite?: boolean } = {},
): Promise<WriteSubstitutionOutcome> {
  const wb = context.workbook;
  const saved = wb.settings.getItemOrNullObject(SUBSTITUTION_TABLE_KEY);
  saved.load("isNullObject, value");
  let ws = wb.worksheets.getItemOrNullObject(SUBSTITUTION_SHEET);
  ws.load("isNullObject");
  await context.sync();
  const prefix = sheetPrefix(SUBSTITUTION_SHEET);
  if (ws.isNullObject) {
    ws = wb.worksheets.add(SUBSTITUTION_SHEET);
  } else {
    const ownName = !saved.isNullObject && typeof saved.value === "string" ? saved.value : SUBSTITUTION_TABLE;
    const old = ws.tables.getItemOrNullObject(ownName);
    old.load("isNullObject");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("isNullObject, address");
    await context.sync();
    let oldRange: Excel.Range | undefined;
    if (!old.isNullObject) {
      oldRange = old.getRange();
      oldRange.load("address");
      await context.sync();
    }
    const usedBlock = used.isNullObject ? undefined : parseBlock(used.address);
    const ownBlock = oldRange ? parseBlock(oldRange.address) : undefined;
    const others = usedBlock !== undefined && !(ownBlock && contains(ownBlock, usedBlock));
    if (others && !options.overwrite) return { written: false, used: used.address };
    if (!old.isNullObject) old.delete();
    if (usedBlock) ws.getRange(blockRef(usedBlock.row, usedBlock.column, usedBlock.rows, usedBlock.columns)).clear();
  }

  // Ids as text (under General, Excel would turn "00123" into 123); text that reads as a formula escaped.
  const values = [SUBSTITUTION_HEADER, ...links.map((l) => [escapeText(l.from), escapeText(l.to), l.probability])];
  const formats = values.map(() => ["@", "@", "General"]);
  await writeBlock(context, ws, 0, 0, values, formats);
  // A table needs a data row: an empty list is a header over one blank row (no links, which is what it says).
  const ref = blockRef(0, 0, Math.max(2, values.length), SUBSTITUTION_HEADER.length);
  const tableName = await freeTableName(context);
  const table = ws.tables.add(prefix + ref, true);
  table.name = tableName;
  table.style = "TableStyleLight1";
  [14, 14, 12].forEach((w, c) => (ws.getRange(blockRef(0, c, 1, 1)).format.columnWidth = widthPoints(w)));
  wb.settings.add(SUBSTITUTION_TABLE_KEY, tableName);
  ws.activate();
  await context.sync();
  return { written: true, address: prefix + ref, tableName, links: links.length };
}

/** The first of AssortSubstitution, AssortSubstitution_2, ... that no table of the workbook holds. */
async function freeTableName(context: Excel.RequestContext): Promise<string> {
  for (let k = 1; ; k++) {
    const name = k === 1 ? SUBSTITUTION_TABLE : `${SUBSTITUTION_TABLE}_${k}`;
    const t = context.workbook.tables.getItemOrNullObject(name);
    t.load("isNullObject");
    await context.sync();
    if (t.isNullObject) return name;
  }
}
