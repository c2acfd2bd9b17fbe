// A block of an exceljs worksheet as the 2-D array of plain values the sheet layouts read (src/sheet/cells.ts):
// what Excel's Range.values would give the add-in for the same cells. Formulas give their saved result,
// rich text and hyperlinks their text, error cells their "#N/A"-style code.

import type { CellValue, Worksheet } from "exceljs";
import type { Cells } from "../sheet/cells";
import { columnLetter } from "../sheet/address";

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

/** Everything from A1 to the last row and column that hold anything, so row numbers in messages are the sheet's. */
export function usedBlock(ws: Worksheet): Block {
  return { top: 1, left: 1, bottom: Math.max(1, ws.rowCount), right: Math.max(1, ws.columnCount) };
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

export function readBlock(ws: Worksheet, b: Block): BlockReading {
  const cells: Cells = [];
  const unsavedFormulas: string[] = [];
  const hiddenRows: number[] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r);
    if (row.hidden) hiddenRows.push(r);
    const out: unknown[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const cell = row.getCell(c);
      // A merged cell's followers report the leader's value; only the leader holds it.
      const p = cell.isMerged && cell.master !== cell ? { value: null } : plainValue(cell.value);
      if (p.unsavedFormula !== undefined) unsavedFormulas.push(`${columnLetter(c)}${r}`);
      out.push(p.value);
    }
    cells.push(out);
  }
  // ws.model rebuilds the whole sheet's model: only worth it when the sheet has merges at all.
  const merges = (ws.hasMerges ? ws.model.merges : []).filter((ref) => {
    const m = parseBlock(ref);
    return m !== undefined && m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left;
  });
  return { cells, unsavedFormulas, hiddenRows, merges };
}
