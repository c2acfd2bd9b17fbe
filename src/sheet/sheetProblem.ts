// A problem in a sheet input, located by range (Products, Substitution, ...), row and column, with a sentence
// that says what is wrong and what would be right. Every surface shows these messages as they are.

import { suggest } from "../engine";

export type RangeName = "Products" | "Substitution" | "Options" | "Units" | "Available" | "Weights";

export interface SheetProblem {
  range: RangeName;
  /** Row number as shown in the message (sheet row when known, else range row, 1-based). */
  row?: number;
  /** Column header as the user wrote it, or a column letter. */
  column?: string;
  productId?: string;
  message: string;
}

/** How many problems a one-line message (an Excel error tooltip) lists before "and k more". */
const SHOWN_IN_SUMMARY = 3;

/** Thrown when sheet inputs cannot be used; lists every problem found. */
export class SheetInputError extends Error {
  readonly problems: SheetProblem[];
  constructor(problems: SheetProblem[]) {
    super(summarize(problems));
    this.name = "SheetInputError";
    this.problems = problems;
  }
}

/** The first few messages and a count of the rest, for places with room for one line. */
export function summarize(problems: readonly SheetProblem[]): string {
  return summarizeMessages(problems.map((p) => p.message));
}

/** "first | second | third | and 2 more problems". */
export function summarizeMessages(messages: readonly string[]): string {
  const rest = messages.length - SHOWN_IN_SUMMARY;
  const shown = messages.slice(0, SHOWN_IN_SUMMARY).join(" | ");
  return shown + (rest > 0 ? ` | and ${rest} more problem${rest === 1 ? "" : "s"}` : "");
}

/**
 * An id that names no listed product, with the nearest listed one when one is near; `otherwise` says what to
 * list instead ("list ids from the Products range").
 */
export function unknownIdProblem(
  at: { range: RangeName; row?: number; where: string },
  id: string,
  candidates: Iterable<string>,
  otherwise: string,
): SheetProblem {
  const guess = suggest(id, candidates);
  const message =
    `${at.where}: '${id}' is not among the products` + (guess ? `; did you mean '${guess}'?` : `; ${otherwise}.`);
  return at.row === undefined
    ? { range: at.range, productId: id, message }
    : { range: at.range, row: at.row, productId: id, message };
}

/** "Products row 7 (Tee-42), column Price" and the like. */
export function place(range: RangeName, row?: number, productId?: string, column?: string): string {
  let s = range;
  if (row !== undefined) s += ` row ${row}`;
  if (productId !== undefined && productId !== "") s += ` (${productId})`;
  if (column !== undefined) s += `${row === undefined && productId === undefined ? "" : ","} column ${column}`;
  return s;
}
