// A block of an exceljs worksheet as the 2-D array of plain values the sheet layouts read (src/sheet/cells.ts):
// what Excel's Range.values would give the add-in for the same cells. Formulas give their saved result,
// rich text and hyperlinks their text, error cells their "#N/A"-style code.

import type { CellValue, Worksheet } from "exceljs";
import type { Cells } from "../../sheet/cells";
import {
  blockAddress,
  blockEnd,
  blockOrigin,
  blocksOverlap,
  blockSpanning,
  columnLetter,
  parseBlock,
  RANGE_ORIGIN,
  type Block,
  type Origin,
} from "../../sheet/address";
import { FileError } from "../errors";

/** The most cells one input is read as (a 5,000 × 5,000 Substitution matrix is 25 million). */
export const MAX_BLOCK_CELLS = 30_000_000;

/** Where the values of a block end: the sheet row and column of the last value, and a cell at each. */
export interface ValueExtent {
  end: Origin;
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
  const first = blockOrigin(b);
  const last = blockEnd(b);
  const out: ValueExtent = { end: first };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < first.row || r > last.row) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < first.column || c > last.column || !holdsValue(cell.value)) return;
      if (r >= out.end.row) {
        out.end = { ...out.end, row: r };
        out.lastRowCell = `${columnLetter(c)}${r}`;
      }
      if (c >= out.end.column) {
        out.end = { ...out.end, column: c };
        out.lastColumnCell = `${columnLetter(c)}${r}`;
      }
    });
  });
  return out;
}

/** Everything from A1 to the last row and column holding a value, so row numbers in messages are the sheet's. */
export function usedBlock(ws: Worksheet): Block {
  const sheet = blockSpanning(RANGE_ORIGIN, { row: Math.max(1, ws.rowCount), column: Math.max(1, ws.columnCount) });
  return blockSpanning(RANGE_ORIGIN, valueExtent(ws, sheet).end);
}

export function blockCells(b: Block): number {
  return b.rows * b.columns;
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
  const trimmed = blockSpanning(blockOrigin(b), e.end);
  if (blockCells(trimmed) <= MAX_BLOCK_CELLS) return undefined;
  const far = [...new Set([e.lastRowCell, e.lastColumnCell].filter((c) => c !== undefined))];
  const one = far.length === 1;
  return `${label}: its values span ${blockAddress(trimmed)} (${blockCells(trimmed).toLocaleString("en-US")} cells), more than the ${MAX_BLOCK_CELLS.toLocaleString("en-US")} Assort reads as one input; ${one ? "cell" : "cells"} ${far.join(" and ")} ${one ? "holds a value" : "hold values"} far from the rest: clear ${one ? "it" : "them"} if not meant as data, or make it an Excel table around the data.`;
}

/** The block without the rows and columns past its last value (the cells it is worth reading). */
export function trimToValues(ws: Worksheet, b: Block): Block {
  if (blockCells(b) <= MAX_BLOCK_CELLS) return b;
  return blockSpanning(blockOrigin(b), valueExtent(ws, b).end);
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
  const first = blockOrigin(b);
  const last = blockEnd(b);
  const width = last.column - first.column + 1;
  for (let r = first.row; r <= last.row; r++) {
    const out: unknown[] = new Array<unknown>(width).fill(null);
    cells.push(out);
    const row = ws.findRow(r);
    if (row === undefined) continue;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < first.column || c > last.column) return;
      // A merged cell's followers report the leader's value; only the leader holds it.
      const p = cell.isMerged && cell.master !== cell ? { value: null } : plainValue(cell.value);
      if (p.unsavedFormula !== undefined) unsavedFormulas.push(`${columnLetter(c)}${r}`);
      out[c - first.column] = p.value;
    });
  }
  // ws.model rebuilds the whole sheet's model: only worth it when the sheet has merges at all.
  const merges = (ws.hasMerges ? ws.model.merges : []).filter((ref) => {
    const m = parseBlock(ref);
    return m !== undefined && blocksOverlap(m, b);
  });
  return { cells, unsavedFormulas, hiddenRows, merges };
}
