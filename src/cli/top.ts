// Which products a human-readable table shows. A catalogue of 1,000 products is too long to read in a
// terminal, so beyond K rows the table keeps the K that matter most (by a key such as expected sales);
// small catalogues keep their input order, which is the order the user knows them in.

import { integerOption, stringOption, type ParsedArgs } from "./args";

export const DEFAULT_TOP = 30;

/** The --top value: a row limit, or Infinity for "all". */
export function topOption(args: ParsedArgs, command: string): number {
  if (stringOption(args, "top")?.toLowerCase() === "all") return Infinity;
  return integerOption(args, "top", command, { min: 1, what: "number of rows (or 'all')" }) ?? DEFAULT_TOP;
}

export interface RowChoice {
  /** Row indices to show, in display order. */
  rows: number[];
  /** True when some candidates were left out. */
  truncated: boolean;
}

/** Candidates in input order if they fit in `top`, else the `top` largest by key (ties: input order). */
export function chooseRows(candidates: readonly number[], top: number, key: (i: number) => number): RowChoice {
  if (candidates.length <= top) return { rows: [...candidates], truncated: false };
  const sorted = [...candidates].sort((a, b) => key(b) - key(a) || a - b);
  return { rows: sorted.slice(0, top), truncated: true };
}
