// The Substitution range, in either layout docs/model.md §1 allows: a square matrix with product ids as its first
// row and first column (row = from, column = to, blank = 0), or a From, To, Probability list with or without
// a header row. Both become the engine's list of links, each remembering the cell it came from.

import { show } from "../engine";
import type { SubstitutionLink } from "../engine";
import {
  excelError,
  isBlank,
  isBlankOrZero,
  normalizeName,
  numberOf,
  plain,
  textOf,
  trimRange,
  type Cell,
  type Cells,
} from "./cells";
import { unescapeText } from "./escape";
import { RANGE_ORIGIN, columnLetter, type Origin } from "./address";
import { place, unknownIdProblem, type SheetProblem } from "./sheetProblem";

export type SubstitutionLayout = "none" | "matrix" | "list";

export interface LinkPlace {
  row: number;
  /** Column label: the "to" id (matrix) or the list's header / letter. */
  column: string;
  /** The from id, shown beside the row number. */
  productId?: string;
  /** Column labels of a list's From and To cells (for problems about an id). */
  fromColumn?: string;
  toColumn?: string;
}

export interface SubstitutionSheet {
  layout: SubstitutionLayout;
  links: SubstitutionLink[];
  /** Parallel to links. */
  places: LinkPlace[];
  /** Matrix: the row of each from-id (for row-sum problems). */
  rowOfId: Map<string, number>;
  problems: SheetProblem[];
}

const FROM = ["from", "fromproduct", "source", "lost", "original", "unavailable"];
const TO = ["to", "toproduct", "substitute", "target", "destination", "goesto"];
const PROBABILITY = [
  "probability",
  "prob",
  "p",
  "share",
  "rate",
  "transfer",
  "substitutionprobability",
  "transferrate",
];

function idOf(cell: Cell): string | undefined {
  const t = textOf(cell);
  return t === undefined ? undefined : unescapeText(t);
}

function listHeader(row: Cell[]): [number, number, number] | undefined {
  const names = row.map(normalizeName);
  const f = names.findIndex((n) => FROM.includes(n));
  const t = names.findIndex((n) => TO.includes(n));
  const p = names.findIndex((n) => PROBABILITY.includes(n));
  return f >= 0 && t >= 0 && p >= 0 ? [f, t, p] : undefined;
}

export function readSubstitution(
  raw: Cells | null | undefined,
  productIds: readonly string[],
  origin: Origin = RANGE_ORIGIN,
  addressKnown = false,
): SubstitutionSheet {
  const cells = trimRange(raw);
  const out: SubstitutionSheet = { layout: "none", links: [], places: [], rowOfId: new Map(), problems: [] };
  if (cells.length === 0) return out;
  const ids = new Set(productIds);
  const letter = (c: number) => (addressKnown ? columnLetter(origin.column + c) : String(c + 1));
  const header = listHeader(cells[0]);
  const corner = cells[0][0];
  const cornerId = idOf(corner);
  const cornerIsLabel =
    isBlank(corner) ||
    (isBlankOrZero(corner) && !ids.has("0")) ||
    (cornerId !== undefined && !ids.has(cornerId) && excelError(corner) === undefined);
  if (header)
    return readList(
      cells,
      1,
      header,
      cells[0].map((c, k) => textOf(c) ?? letter(k)),
      origin,
      out,
    );
  if (cornerIsLabel && cells.length > 1 && cells[0].length > 1)
    return readMatrix(cells, ids, productIds, origin, letter, out);
  if (cells[0].length === 3) return readList(cells, 0, [0, 1, 2], [letter(0), letter(1), letter(2)], origin, out);
  out.problems.push({
    range: "Substitution",
    row: origin.row,
    message: `Substitution: not a layout Assort reads. Use either a matrix whose first row and first column hold the product ids (top-left cell empty), or three columns From, To, Probability (found ${cells[0].length} column${cells[0].length === 1 ? "" : "s"}, starting with ${show(textOf(corner) ?? plain(corner))}).`,
  });
  return out;
}

function readMatrix(
  cells: Cells,
  ids: Set<string>,
  productIds: readonly string[],
  origin: Origin,
  letter: (c: number) => string,
  out: SubstitutionSheet,
): SubstitutionSheet {
  out.layout = "matrix";
  // Check each header id once, rather than once per link it would spoil.
  const headerId = (
    cell: Cell,
    where: string,
    row: number,
    seen: Map<string, string>,
    used: boolean,
  ): string | undefined => {
    const err = excelError(cell);
    const id = err ? undefined : idOf(cell);
    if (!used && (id === undefined || !ids.has(id))) return undefined; // an unused header (e.g. a total) is harmless
    if (err) {
      out.problems.push({
        range: "Substitution",
        row,
        message: `${where}: holds the Excel error ${err}; give a product id.`,
      });
      return undefined;
    }
    if (id === undefined) {
      out.problems.push({
        range: "Substitution",
        row,
        message: `${where}: the product id is blank, but its row or column has probabilities; give the id of a listed product.`,
      });
      return undefined;
    }
    if (!ids.has(id)) {
      out.problems.push(
        unknownIdProblem(
          { range: "Substitution", row, where },
          id,
          productIds,
          "the matrix may only name listed products",
        ),
      );
      return undefined;
    }
    if (seen.has(id)) {
      out.problems.push({
        range: "Substitution",
        row,
        productId: id,
        message: `${where}: '${id}' is already used by ${seen.get(id)}; give each product one row and one column.`,
      });
      return undefined;
    }
    seen.set(id, where);
    return id;
  };
  const hasValue = (cell: Cell) => !isBlankOrZero(cell);
  const colSeen = new Map<string, string>();
  const colIds: (string | undefined)[] = [undefined];
  for (let c = 1; c < cells[0].length; c++) {
    const used = cells.slice(1).some((row) => hasValue(row[c]));
    colIds.push(
      headerId(cells[0][c], `Substitution row ${origin.row}, column ${letter(c)}`, origin.row, colSeen, used),
    );
  }
  const rowSeen = new Map<string, string>();
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    const rowNo = origin.row + r;
    const used = row.slice(1).some(hasValue);
    const from = headerId(row[0], `Substitution row ${rowNo}, column ${letter(0)}`, rowNo, rowSeen, used);
    if (from !== undefined) out.rowOfId.set(from, rowNo);
    for (let c = 1; c < row.length; c++) {
      const cell = row[c];
      if (isBlankOrZero(cell)) continue;
      const to = colIds[c];
      if (from === undefined || to === undefined) continue;
      const err = excelError(cell);
      if (err) {
        out.problems.push({
          range: "Substitution",
          row: rowNo,
          column: to,
          productId: from,
          message: `${place("Substitution", rowNo, from, to)}: holds the Excel error ${err}; give a probability between 0 and 1 (blank means 0).`,
        });
        continue;
      }
      out.links.push({ from, to, probability: numberOf(cell) });
      out.places.push({ row: rowNo, column: to, productId: from });
    }
  }
  return out;
}

function readList(
  cells: Cells,
  first: number,
  [f, t, p]: [number, number, number],
  titles: string[],
  origin: Origin,
  out: SubstitutionSheet,
): SubstitutionSheet {
  out.layout = "list";
  for (let r = first; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankOrZero)) continue;
    const rowNo = origin.row + r;
    const from = idOf(row[f]);
    const place0: LinkPlace = {
      row: rowNo,
      column: titles[p],
      productId: from,
      fromColumn: titles[f],
      toColumn: titles[t],
    };
    let ok = true;
    for (const [k, what] of [
      [f, "from"],
      [t, "to"],
      [p, "probability"],
    ] as const) {
      const err = excelError(row[k]);
      if (err) {
        ok = false;
        out.problems.push({
          range: "Substitution",
          row: rowNo,
          column: titles[k],
          message: `${place("Substitution", rowNo, from, titles[k])}: holds the Excel error ${err}; give ${what === "probability" ? "a probability between 0 and 1" : "a product id"}.`,
        });
      }
    }
    if (!ok) continue;
    out.links.push({
      from: from ?? plain(row[f]),
      to: idOf(row[t]) ?? plain(row[t]),
      probability: isBlank(row[p]) ? undefined : numberOf(row[p]),
    });
    out.places.push(place0);
  }
  return out;
}
