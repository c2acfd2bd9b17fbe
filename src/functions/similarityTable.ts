// What =ASSORT.SIMILARITY spills: a Substitution range OPTIMIZE reads as it is, whole. Up to
// MAX_MATRIX_PRODUCTS products, the matrix (ids across the first row and down the first column, as
// ASSORT.SUBSTITUTION gives), with any warnings below it after a blank row, each alone in the first column (the
// matrix reader skips a row with nothing to its right). Beyond, the From, To, Probability list (rows have at
// most ten substitutes), with the warnings in a column of their own to its right; a list too big for Excel is
// refused.

import type { SheetSimilarity } from "../sheet/attributes";
import { escapeCells } from "../sheet/escape";
import { MAX_MATRIX_PRODUCTS } from "../sheet/requests";
import { substitutionTable } from "../sheet/substitutionTable";
import { fitsExcel } from "./payload";
import { invalidInput } from "./functionError";

export const SIMILARITY_LIST_HEADER = ["From", "To", "Probability", "", "Warnings"];

function matrix(ids: readonly string[], result: SheetSimilarity): unknown[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const rho = ids.map(() => new Float64Array(ids.length));
  for (const l of result.links) rho[index.get(l.from) as number][index.get(l.to) as number] = l.probability;
  const rows = substitutionTable(ids, rho);
  if (result.warnings.length === 0) return rows;
  const line = (text: string) => [text, ...new Array<string>(ids.length).fill("")];
  return [...rows, line(""), ...escapeCells(result.warnings.map((w) => line(`Warning: ${w}`)))];
}

function list(result: SheetSimilarity): unknown[][] {
  const rows: unknown[][] = [SIMILARITY_LIST_HEADER, ...result.links.map((l) => [l.from, l.to, l.probability, "", ""])];
  // Every warning on a row of the list (a row with only a warning would read as a link without ids).
  result.warnings.forEach((w, k) => {
    const r = Math.min(k + 1, rows.length - 1);
    const cell = rows[r][4] as string;
    rows[r][4] = cell === "" ? w : cell === "Warnings" ? `Warnings: ${w}` : `${cell} | ${w}`;
  });
  return escapeCells(rows);
}

export function similarityTable(ids: readonly string[], result: SheetSimilarity): unknown[][] {
  if (ids.length <= MAX_MATRIX_PRODUCTS) return matrix(ids, result);
  const rows = list(result);
  if (!fitsExcel(rows)) {
    throw invalidInput([
      `Products: ${ids.length.toLocaleString("en-US")} products give ${result.links.length.toLocaleString("en-US")} substitution links, more than Excel takes back from a function; build the substitution for fewer products at a time (for example one category)`,
    ]);
  }
  return rows;
}
