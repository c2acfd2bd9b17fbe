// What a cell can hold when Excel hands a range to us (custom-function argument or Range.values), and the
// small conversions every layout needs. Blanks arrive as null, "" or (for custom-function matrices) 0, and
// with allowCustomDataForDataTypeAny a cell may arrive as a value object ({type, basicValue}).

import { isRecord } from "../engine";

export type Cell = unknown;
export type Cells = Cell[][];

/** Error values Excel shows in cells; reported as such rather than as "not a number". */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

/** The plain value of a cell: value objects (formatted numbers, errors, entities) reduced to what they show. */
export function plain(v: Cell): Cell {
  if (!isRecord(v)) return v;
  if ("basicValue" in v) return v.basicValue;
  if (typeof v.code === "string" && EXCEL_ERRORS.has(v.code)) return v.code; // a CustomFunctions.Error
  if (typeof v.text === "string") return v.text; // an entity card shows its text
  return v;
}

/** "#N/A" when the cell holds an Excel error value, else undefined. */
export function excelError(v: Cell): string | undefined {
  const p = plain(v);
  if (typeof p !== "string") return undefined;
  const t = p.trim().toUpperCase();
  return EXCEL_ERRORS.has(t) ? t : undefined;
}

/** Null, undefined, or text made only of spaces. */
export function isBlank(v: Cell): boolean {
  const p = plain(v);
  return p === null || p === undefined || (typeof p === "string" && p.trim() === "");
}

/** Blank, or 0 (which is how a blank cell reaches a custom function's matrix argument). */
export function isBlankOrZero(v: Cell): boolean {
  return isBlank(v) || plain(v) === 0;
}

/** Drops trailing rows and columns that hold nothing (Excel hands over whole ranges like A:F). */
export function trimRange(cells: Cells | null | undefined): Cells {
  if (!Array.isArray(cells)) return [];
  const rows = cells.map((r) => (Array.isArray(r) ? r : [r]));
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && rows[lastRow].every(isBlankOrZero)) lastRow--;
  let lastCol = -1;
  for (let r = 0; r <= lastRow; r++) {
    for (let c = rows[r].length - 1; c > lastCol; c--) {
      if (!isBlankOrZero(rows[r][c])) {
        lastCol = c;
        break;
      }
    }
  }
  const out: Cells = [];
  for (let r = 0; r <= lastRow; r++) {
    const row: Cell[] = [];
    for (let c = 0; c <= lastCol; c++) row.push(c < rows[r].length ? rows[r][c] : null);
    out.push(row);
  }
  return out;
}

/**
 * A number from a cell: numbers as they are, numeric text ("12", " 3.5 ", "30%") converted. Anything else is
 * returned unchanged so the engine can say what is wrong with it.
 */
export function numberOf(v: Cell): unknown {
  const p = plain(v);
  if (typeof p !== "string") return p;
  const t = p.trim();
  const percent = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%$/.test(t);
  if (percent) return Number(t.slice(0, -1)) / 100;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return p;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "x", "1", "✓", "✔"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "-"]);

/** TRUE/FALSE, yes/no, 1/0 and x (blank is false); undefined when the cell is none of these. */
export function booleanOf(v: Cell): boolean | undefined {
  const p = plain(v);
  if (isBlank(p)) return false;
  if (typeof p === "boolean") return p;
  if (p === 1 || p === 0) return p === 1;
  if (typeof p === "string") {
    const t = p.trim().toLowerCase();
    if (TRUE_WORDS.has(t)) return true;
    if (FALSE_WORDS.has(t)) return false;
  }
  return undefined;
}

/** Text of an id or label cell: numbers become their decimal text, text is trimmed; undefined when blank. */
export function textOf(v: Cell): string | undefined {
  const p = plain(v);
  if (typeof p === "number" && Number.isFinite(p)) return String(p);
  if (typeof p === "string") return p.trim() === "" ? undefined : p.trim();
  if (typeof p === "boolean") return p ? "TRUE" : "FALSE";
  return undefined;
}

/** Header and option names compared without case, spaces, punctuation or a trailing "(unit)": "Unit cost ($)" → "unitcost". */
export function normalizeName(v: Cell): string {
  const t = textOf(v);
  if (t === undefined) return "";
  return t
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s_\-.:/\\#]+/g, "");
}

/**
 * A single column or row after trimming, padded back with blanks up to `wanted` cells when the range the
 * user gave was that long (trailing blanks, e.g. products not stocked, are trimmed away otherwise).
 */
export function padLine(line: Cell[], raw: Cells | null | undefined, wanted: number, headerCells = 0): Cell[] {
  if (line.length >= wanted || !Array.isArray(raw) || raw.length === 0) return line;
  const rawLength = raw.every((r) => Array.isArray(r) && r.length === 1)
    ? raw.length
    : raw.length === 1 && Array.isArray(raw[0])
      ? raw[0].length
      : 0;
  if (rawLength - headerCells < wanted) return line;
  return [...line, ...new Array(wanted - line.length).fill(null)];
}
