// A substitution matrix as cells: ids across the first row and down the first column, the top-left cell a
// label (so the matrix reads back as a Substitution range), row = from, column = to.

import { escapeCells } from "./escape";

export const MATRIX_CORNER = "From \\ To";

export function substitutionTable(ids: readonly string[], rho: ArrayLike<number>[]): unknown[][] {
  const rows: unknown[][] = [[MATRIX_CORNER, ...ids]];
  ids.forEach((id, i) => rows.push([id, ...Array.from(rho[i])]));
  return escapeCells(rows);
}
