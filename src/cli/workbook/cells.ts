// A block of an exceljs worksheet as the 2-D array of plain values the sheet layouts read (src/sheet/cells.ts):
// what Excel's Range.values would give the add-in for the same cells. Formulas give their saved result,
// rich text and hyperlinks their text, error cells their "#N/A"-style code.

import type { CellValue, Worksheet } from "exceljs";
import type { Cells } from "../../sheet/cells";
import { columnLetter } from "../../sheet/address";
import { FileError } from "../errors";

export interface Block {
  /** 1-based sheet coordinates, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function blockAddress(b: Block): string {
  return `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
}

/** "B3:D40" → a Block; undefined for anything else. */
export function parseBlock(ref: string): Block | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { row: Number(m[2]), column: col(m[1]) };
  const b = m[3] ? { row: Number(m[4]), column: col(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** The most cells one input is read as (a 5,000 × 5,000 Substitution matrix is 25 million). */
export const MAX_BLOCK_CELLS = 30_000_000;

/** Where the values of a block end: the last row and column holding one, and a cell at each. */
export interface ValueExtent {
  bottom: number;
  right: number;
  /** The value cell in the last row and the one in the last column ("XFD1048576"). */
  lastRowCell?: string;
  lastColumnCell?: string;
}

function holdsValue(v: CellValue): boolean {
  return v !== null && v !== undefined && v !== "";
}

/**
 * The extent of the cells that hold values inside `b`, visiting only the cells the file has (exceljs keeps
 * rows and cells sparse), so a stray value at XFD1048576 costs one cell, not 17 billion.
 */
export function valueExtent(ws: Worksheet, b: Block): ValueExtent {
  const out: ValueExtent = { bottom: b.top, right: b.left };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < b.top || r > b.bottom) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < b.left || c > b.right || !holdsValue(cell.value)) return;
      if (r >= out.bottom) {
        out.bottom = r;
        out.lastRowCell = `${columnLetter(c)}${r}`;
      }
      if (c >= out.right) {
        out.right = c;
        out.lastColumnCell = `${columnLetter(c)}${r}`;
      }
    });
  });
  return out;
}

/** Everything from A1 to the last row and column holding a value, so row numbers in messages are the sheet's. */
export function usedBlock(ws: Worksheet): Block {
  const e = valueExtent(ws, { top: 1, left: 1, bottom: Math.max(1, ws.rowCount), right: Math.max(1, ws.columnCount) });
  return { top: 1, left: 1, bottom: e.bottom, right: e.right };
}

export function blockCells(b: Block): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

export interface PlainValue {
  value: unknown;
  /** A formula whose result was never saved (a file written by a program, not by Excel). */
  unsavedFormula?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The value a cell shows. */
export function plainValue(v: CellValue): PlainValue {
  if (v === undefined || v === null) return { value: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (!isObject(v)) return { value: v };
  if ("error" in v) return { value: String(v.error) };
  if ("richText" in v && Array.isArray(v.richText))
    return { value: v.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join("") };
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: CellValue }).result;
    const formula = String(
      (v as { formula?: unknown; sharedFormula?: unknown }).formula ?? (v as { sharedFormula?: unknown }).sharedFormula,
    );
    if (result === undefined) return { value: null, unsavedFormula: formula };
    return plainValue(result);
  }
  if ("hyperlink" in v) return plainValue((v as { text?: CellValue }).text ?? null);
  if ("text" in v) return { value: String(v.text) };
  return { value: null };
}

export interface BlockReading {
  cells: Cells;
  /** Cells with a formula but no saved result ("C7"), in reading order. */
  unsavedFormulas: string[];
  /** Sheet rows of the block that are hidden (read all the same). */
  hiddenRows: number[];
  /** Merged areas that overlap the block ("B7:B9"). */
  merges: string[];
}

/** Why a block is too large to read, naming its farthest values; undefined when it can be read. */
export function oversized(ws: Worksheet, b: Block, label: string): string | undefined {
  if (blockCells(b) <= MAX_BLOCK_CELLS) return undefined;
  const e = valueExtent(ws, b);
  const trimmed = { ...b, bottom: e.bottom, right: e.right };
  if (blockCells(trimmed) <= MAX_BLOCK_CELLS) return undefined;
  const far = [...new Set([e.lastRowCell, e.lastColumnCell].filter((c) => c !== undefined))];
  const one = far.length === 1;
  return `${label}: its values span ${blockAddress(trimmed)} (${blockCells(trimmed).toLocaleString("en-US")} cells), more than the ${MAX_BLOCK_CELLS.toLocaleString("en-US")} Assort reads as one input; ${one ? "cell" : "cells"} ${far.join(" and ")} ${one ? "holds a value" : "hold values"} far from the rest: clear ${one ? "it" : "them"} if not meant as data, or make it an Excel table around the data.`;
}

/** The block without the rows and columns past its last value (the cells it is worth reading). */
export function trimToValues(ws: Worksheet, b: Block): Block {
  if (blockCells(b) <= MAX_BLOCK_CELLS) return b;
  const e = valueExtent(ws, b);
  return { ...b, bottom: e.bottom, right: e.right };
}

export function readBlock(ws: Worksheet, b0: Block): BlockReading {
  const b = trimToValues(ws, b0);
  const tooLarge = oversized(ws, b, `sheet '${ws.name}'`);
  // The last guard (callers check first, with a better label): never allocate billions of cells.
  if (tooLarge !== undefined) throw new FileError(tooLarge);
  const cells: Cells = [];
  const unsavedFormulas: string[] = [];
  const hiddenRows: number[] = [];
  // Only the rows and cells the file has are visited (exceljs keeps both sparse; getRow and getCell would
  // create every missing one: a block of 25 million cells around one stray value ran out of memory).
  const width = b.right - b.left + 1;
  for (let r = b.top; r <= b.bottom; r++) {
    const out: unknown[] = new Array<unknown>(width).fill(null);
    cells.push(out);
    const row = ws.findRow(r);
    if (row === undefined) continue;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < b.left || c > b.right) return;
      // A merged cell's followers report the leader's value; only the leader holds it.
      const p = cell.isMerged && cell.master !== cell ? { value: null } : plainValue(cell.value);
      if (p.unsavedFormula !== undefined) unsavedFormulas.push(`${columnLetter(c)}${r}`);
      out[c - b.left] = p.value;
    });
  }
  // ws.model rebuilds the whole sheet's model: only worth it when the sheet has merges at all.
  const merges = (ws.hasMerges ? ws.model.merges : []).filter((ref) => {
    const m = parseBlock(ref);
    return m !== undefined && m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left;
  });
  return { cells, unsavedFormulas, hiddenRows, merges };
}
