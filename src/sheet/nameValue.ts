// A Name/Value range (Options of OPTIMIZE and the pane, FIT's [Options]): two columns, a header row optional,
// or two rows of names over values. Names match without regard to case or spaces, through each option's
// aliases; unknown names get a "did you mean", repeats and Excel errors a located message. A value left blank
// or 0 is "not set": Excel hands a blank cell to a custom function as 0, and 0 is no sensible value for most
// options (those for which it is, such as a seed, are listed in `zeroIsValue`).

import { suggest } from "../engine";
import { excelError, isBlank, isBlankOrZero, normalizeName, plain, textOf, trimRange, type Cells } from "./cells";
import { RANGE_ORIGIN, type Origin } from "./address";
import type { SheetProblem } from "./sheetProblem";

export interface NameValueSpec<K extends string> {
  /** Normalized names per option (lower case, no spaces); the first is the documented one. */
  names: Record<K, string[]>;
  /** The name shown in messages. */
  titles: Record<K, string>;
  /** Who reads the range, for "'x' is not an option of …" (e.g. "ASSORT.FIT"); omitted for Options. */
  owner?: string;
  /** Options for which 0 is a real value. */
  zeroIsValue?: readonly K[];
}

export interface NameValues<K extends string> {
  /** The value of each option given (not blank, not 0 unless allowed). */
  values: Partial<Record<K, unknown>>;
  /** Sheet row and the name as written, for each option given. */
  rows: Partial<Record<K, { row: number; name: string }>>;
  problems: SheetProblem[];
}

const HEADER_WORDS = new Set(["name", "option", "options", "setting", "settings", "parameter", "parameters"]);

/** The located message for option `key` (given at `rows[key]`), for checks made after reading. */
export function optionProblem<K extends string>(read: NameValues<K>, key: K, message: string): SheetProblem {
  const where = read.rows[key] as { row: number; name: string };
  return {
    range: "Options",
    row: where.row,
    column: where.name,
    message: `Options row ${where.row} (${where.name}): ${message}`,
  };
}

export function readNameValues<K extends string>(
  raw: Cells | null | undefined,
  spec: NameValueSpec<K>,
  origin: Origin = RANGE_ORIGIN,
): NameValues<K> {
  const out: NameValues<K> = { values: {}, rows: {}, problems: [] };
  let cells = trimRange(raw);
  if (cells.length === 0) return out;
  // Trimming drops a value column that is all blank or 0; put it back (the rows kept are the range's first ones).
  const rawWidth = Array.isArray(raw) ? raw.reduce((w, row) => Math.max(w, Array.isArray(row) ? row.length : 1), 0) : 0;
  if (rawWidth >= 2 && cells[0].length < 2)
    cells = cells.map((row, r) => [row[0], Array.isArray(raw?.[r]) ? (raw as Cells)[r][1] : null]);
  if (cells[0].length < 2) {
    out.problems.push({
      range: "Options",
      row: origin.row,
      message: `Options: one column only; give two columns, Name and Value (e.g. budget | 50000).`,
    });
    return out;
  }
  let rowNo = (r: number) => origin.row + r;
  // Names across the top, values below: read it as the usual two columns.
  if (cells.length === 2 && cells[0].length > 2) {
    cells = cells[0].map((_, c) => [cells[0][c], cells[1][c]]);
    rowNo = () => origin.row + 1;
  }
  const keyOf = new Map<string, K>();
  for (const [key, names] of Object.entries(spec.names) as [K, string[]][]) for (const n of names) keyOf.set(n, key);
  const zeroIsValue = new Set<K>(spec.zeroIsValue ?? []);
  const problem = (r: number, name: string, message: string) =>
    out.problems.push({
      range: "Options",
      row: rowNo(r),
      column: name,
      message: `Options row ${rowNo(r)} (${name}): ${message}`,
    });
  cells.forEach((row, r) => {
    if (row.every(isBlankOrZero)) return;
    const nameCell = row[0];
    const name = textOf(nameCell) ?? "";
    const norm = normalizeName(nameCell);
    if (r === 0 && HEADER_WORDS.has(norm)) return;
    const key = keyOf.get(norm);
    if (key === undefined) {
      if (name === "") {
        if (!isBlank(row[1]))
          out.problems.push({
            range: "Options",
            row: rowNo(r),
            message: `Options row ${rowNo(r)}: a value without a name; put the option's name in the first column.`,
          });
        return;
      }
      const guess = suggest(norm, [...keyOf.keys()]);
      const title = guess ? spec.titles[keyOf.get(guess) as K] : undefined;
      const titles = Object.values(spec.titles) as string[];
      problem(
        r,
        name,
        `'${name}' is not an option${spec.owner ? ` of ${spec.owner}` : ""}` +
          (title ? `; did you mean '${title}'?` : `; ${spec.owner ? "its" : "the"} options are ${titles.join(", ")}.`),
      );
      return;
    }
    const prior = out.rows[key];
    if (prior) {
      problem(r, name, `${spec.titles[key]} is already given in row ${prior.row}; give each option once.`);
      return;
    }
    out.rows[key] = { row: rowNo(r), name };
    const cell = row[1];
    const err = excelError(cell);
    if (err) {
      problem(r, name, `holds the Excel error ${err}; fix the formula or the data it refers to.`);
      return;
    }
    if (isBlank(cell) || (plain(cell) === 0 && !zeroIsValue.has(key))) return;
    out.values[key] = plain(cell);
  });
  return out;
}
