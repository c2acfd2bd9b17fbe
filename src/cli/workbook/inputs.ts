// The planning inputs of a workbook: Products, Substitution and Options, found as the task pane finds them
// (an Excel table or a named range of that name) or as sheets of that name, and read with the same layouts
// and messages as the add-in (src/sheet/), each message naming the sheet.

import type { Workbook, Worksheet } from "exceljs";
import { listNames, suggest } from "../../engine";
import type { Problem } from "../../engine";
import {
  blockAddress,
  blockEnd,
  blockOrigin,
  columnLetter,
  parseBlock,
  sheetPrefix,
  splitAddress,
  type Block,
} from "../../sheet/address";
import { isBlankOrZero, normalizeName, type Cells } from "../../sheet/cells";
import { readSheetInstance, type SheetInstance } from "../../sheet/sheetInstance";
import { SheetInputError, type RangeName, type SheetProblem } from "../../sheet/sheetProblem";
import { InputProblems } from "../errors";
import { oversized, readBlock, trimToValues, usedBlock } from "./cells";
import { tablesOf, type LoadedTable } from "./tables";

export type InputRole = "Products" | "Substitution" | "Options";

/** Where one input was found. */
export interface InputPlace {
  role: RangeName;
  sheet: string;
  block: Block;
  /** The Excel table it came from, when it was one. */
  table?: string;
  /** The sheet row of the table's Totals row, left out of the block. */
  totalsRow?: number;
}

/** A table's block without its Totals row: that row sums the columns and is no product. */
function tablePlace(role: RangeName, sheet: string, t: LoadedTable): InputPlace | undefined {
  const block = t.tableRef ? parseBlock(t.tableRef) : undefined;
  if (!block) return undefined;
  if (!t.totalsRow || block.rows <= 1) return { role, sheet, block, table: t.name };
  return { role, sheet, block: { ...block, rows: block.rows - 1 }, table: t.name, totalsRow: blockEnd(block).row };
}

export interface WorkbookInputs {
  sheet: SheetInstance;
  places: Partial<Record<InputRole, InputPlace>>;
  /** Remarks that do not stop the run (hidden rows that were read). */
  notes: string[];
}

/** Sheet names accepted for each input, compared without case or spaces. */
const SHEET_NAMES: Record<InputRole, string[]> = {
  Products: ["products", "product"],
  Substitution: ["substitution", "substitutions", "substitute", "substitutes"],
  Options: ["options", "option", "settings"],
};

/** "'My sheet'!A1:F40", as Excel writes an address. */
export function placeAddress(p: { sheet: string; block: Block }): string {
  return sheetPrefix(p.sheet) + blockAddress(p.block);
}

/** A defined name's single block, e.g. Products → 'Data'!$A$1:$F$40. */
function namedBlock(wb: Workbook, title: string): { sheet: string; block: Block } | undefined {
  const names = wb.definedNames.model as { name: string; ranges: string[] }[];
  const entry = names.find((d) => d.name.toLowerCase() === title.toLowerCase() && d.ranges.length === 1);
  if (!entry) return undefined;
  const { sheet, ref } = splitAddress(entry.ranges[0]);
  const block = parseBlock(ref);
  return sheet !== undefined && block && wb.getWorksheet(sheet) ? { sheet, block } : undefined;
}

/**
 * Where one input is, in the task pane's order (an Excel table called Products, then a named range of that
 * name), then a sheet of that name (its one table, or everything on it). `skip` is the plan sheet.
 */
export function findInput(
  wb: Workbook,
  role: RangeName,
  names: readonly string[],
  skip: string,
): InputPlace | undefined {
  const sheets = wb.worksheets.filter((ws) => ws.name.toLowerCase() !== skip.toLowerCase());
  for (const s of sheets) {
    const t = tablesOf(s).find((k) => k.name.toLowerCase() === role.toLowerCase());
    const place = t ? tablePlace(role, s.name, t) : undefined;
    if (place) return place;
  }
  const named = namedBlock(wb, role);
  if (named && named.sheet.toLowerCase() !== skip.toLowerCase()) return { role, ...named };
  const ws = sheets.find((s) => names.includes(normalizeName(s.name)));
  if (!ws) return undefined;
  const tables = tablesOf(ws);
  const place = tables.length === 1 ? tablePlace(role, ws.name, tables[0]) : undefined;
  if (place) return place;
  return { role, sheet: ws.name, block: usedBlock(ws) };
}

/** How messages name the place: the sheet's own name when it is the input's name, else both. */
export function placeLabel(p: InputPlace): string {
  if (p.table !== undefined && normalizeName(p.table) !== normalizeName(p.sheet))
    return `${p.role} (table ${p.table} on sheet '${p.sheet}')`;
  return p.sheet === p.role ? p.role : `${p.role} (sheet '${p.sheet}')`;
}

/** A message from src/sheet begins with its range name ("Products row 7 ..."); put the sheet's name there. */
export function relabel(message: string, p: InputPlace | undefined): string {
  if (p === undefined || !message.startsWith(p.role)) return message;
  const label = placeLabel(p);
  return label === p.role ? message : label + message.slice(p.role.length);
}

function missingInput(wb: Workbook, role: InputRole, what: string, skip: string): string {
  const names = wb.worksheets.map((ws) => ws.name).filter((n) => n !== skip);
  const guess = suggest(
    role.toLowerCase(),
    names.map((n) => n.toLowerCase()),
  );
  const found = names.find((n) => n.toLowerCase() === guess);
  return (
    `no ${role} sheet: ${what}` +
    (found !== undefined ? ` Is the sheet '${found}' meant to be ${role}? Rename it.` : "") +
    ` The workbook's sheets: ${listNames(names, { quote: true })}.`
  );
}

/** Rows and columns of a block that are hidden but hold something. */
function hiddenNote(ws: Worksheet, p: InputPlace, cells: Cells, hiddenRows: number[]): string | undefined {
  const first = blockOrigin(p.block);
  const rows = hiddenRows.filter((r) => !(cells[r - first.row] ?? []).every(isBlankOrZero));
  const columns: string[] = [];
  for (let c = first.column; c <= blockEnd(p.block).column; c++) {
    if (ws.getColumn(c).hidden && cells.some((row) => !isBlankOrZero(row[c - first.column])))
      columns.push(columnLetter(c));
  }
  const parts: string[] = [];
  if (rows.length > 0)
    parts.push(
      `row${rows.length === 1 ? "" : "s"} ${rows.slice(0, 10).join(", ")}${rows.length > 10 ? `, ... (${rows.length} in all)` : ""}`,
    );
  if (columns.length > 0) parts.push(`column${columns.length === 1 ? "" : "s"} ${columns.join(", ")}`);
  if (parts.length === 0) return undefined;
  const leaveOut = p.role === "Products" ? " (to leave a product out, mark it in Exclude or delete its row)" : "";
  return `${placeLabel(p)}: ${parts.join(" and ")} ${rows.length + columns.length === 1 ? "is" : "are"} hidden; Assort reads hidden cells like any other${leaveOut}.`;
}

/** Sheet problems as the CLI's problems (the engine's Problem shape, with the message as written). */
export function asProblems(problems: SheetProblem[], places: Partial<Record<RangeName, InputPlace>>): Problem[] {
  const section = {
    Products: "products",
    Substitution: "substitution",
    Options: "constraints",
    Units: "plan",
    Available: "plan",
    Weights: "plan",
  } as const;
  return problems.map((p) => ({ section: section[p.range], message: relabel(p.message, places[p.range]) }));
}

export interface ReadBlockResult {
  cells: Cells;
  problems: string[];
  note?: string;
  /** The cells were not read at all (too many): whatever else would be said about them is noise. */
  unread?: true;
}

/** One input's cells, with what only the workbook can show: merged cells, formulas without saved results. */
export function readPlace(wb: Workbook, p: InputPlace): ReadBlockResult {
  const ws = wb.getWorksheet(p.sheet) as Worksheet;
  const label = placeLabel(p);
  // Only the cells that hold values are read; if even they span too much, the farthest ones are named.
  const tooLarge = oversized(ws, p.block, label);
  if (tooLarge !== undefined) return { cells: [], unread: true, problems: [tooLarge] };
  p.block = trimToValues(ws, p.block);
  const reading = readBlock(ws, p.block);
  const problems: string[] = [];
  if (reading.merges.length > 0) {
    problems.push(
      `${label}: cells ${reading.merges.slice(0, 5).join(", ")}${reading.merges.length > 5 ? ", ..." : ""} are merged; unmerge them (Home > Merge & Center) so that every value has its own cell and every product its own row.`,
    );
  }
  if (reading.unsavedFormulas.length > 0) {
    const cells = reading.unsavedFormulas;
    problems.push(
      `${label}: ${cells.length === 1 ? "cell" : "cells"} ${cells.slice(0, 5).join(", ")}${cells.length > 5 ? `, ... (${cells.length} in all)` : ""} ${cells.length === 1 ? "holds a formula whose result was" : "hold formulas whose results were"} never saved (the file was written by a program); open the workbook in Excel or LibreOffice and save it, so the values are computed.`,
    );
  }
  return { cells: reading.cells, problems, note: hiddenNote(ws, p, reading.cells, reading.hiddenRows) };
}

/**
 * Reads the inputs; throws InputProblems listing every problem (missing sheets, merged cells, and what the
 * sheet layouts find). `checkRules` as for OPTIMIZE: the plan rules must be satisfiable together.
 */
export function readWorkbookInputs(
  wb: Workbook,
  options: { path: string; checkRules: boolean; skipSheet: string },
): WorkbookInputs {
  const skip = options.skipSheet;
  const places: Partial<Record<InputRole, InputPlace>> = {};
  const problems: Problem[] = [];
  for (const role of ["Products", "Substitution", "Options"] as const) {
    const place = findInput(wb, role, SHEET_NAMES[role], skip);
    if (place) places[role] = place;
  }
  if (!places.Products) {
    problems.push({
      section: "products",
      message: missingInput(
        wb,
        "Products",
        "name the sheet that lists the products 'Products' (a header row such as Product, Price, Cost, Demand, then one row per product), or name an Excel table Products.",
        skip,
      ),
    });
  }
  if (!places.Substitution) {
    problems.push({
      section: "substitution",
      message: missingInput(
        wb,
        "Substitution",
        "add a sheet named 'Substitution' with a matrix (product ids across the first row and down the first column) or From, To, Probability rows; if customers never substitute, leave that sheet empty.",
        skip,
      ),
    });
  }
  const cells: Partial<Record<InputRole, Cells>> = {};
  const notes: string[] = [];
  let unread = false;
  for (const role of ["Products", "Substitution", "Options"] as const) {
    const p = places[role];
    if (!p) continue;
    const r = readPlace(wb, p);
    unread ||= r.unread === true;
    cells[role] = r.cells;
    problems.push(...r.problems.map((message) => ({ section: "products" as const, message })));
    if (r.note) notes.push(r.note);
    if (p.totalsRow !== undefined)
      notes.push(
        `${placeLabel(p)}: the table's Totals row (row ${p.totalsRow}) is left out; it sums the rows above, it is no product.`,
      );
  }
  // Without a Products sheet there is nothing to read; otherwise every problem is listed at once.
  if (!places.Products || unread) throw new InputProblems(options.path, "workbook", problems);
  const address = (role: InputRole) => (places[role] ? placeAddress(places[role] as InputPlace) : null);
  try {
    const sheet = readSheetInstance({
      products: cells.Products,
      substitution: cells.Substitution ?? null,
      options: cells.Options ?? null,
      addresses: { products: address("Products"), substitution: address("Substitution"), options: address("Options") },
      checkRules: options.checkRules,
    });
    if (problems.length > 0) throw new InputProblems(options.path, "workbook", problems);
    return { sheet, places, notes: [...notes, ...sheet.warnings.map((w) => relabelAny(w, places))] };
  } catch (err) {
    if (err instanceof SheetInputError)
      throw new InputProblems(options.path, "workbook", [...problems, ...asProblems(err.problems, places)]);
    throw err;
  }
}

/** A warning of unknown range: relabel with whichever input it starts with. */
function relabelAny(message: string, places: Partial<Record<InputRole, InputPlace>>): string {
  for (const p of Object.values(places)) if (p && message.startsWith(p.role)) return relabel(message, p);
  return message;
}
