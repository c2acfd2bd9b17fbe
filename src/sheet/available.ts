// The Available argument of CHOICE: which products a customer can buy. Either one yes/no cell per product in
// the order of the Products rows (a column or a row, optionally under a header cell), or a list of the ids
// that are available (any shape; blanks ignored).

import {
  booleanOf,
  excelError,
  isBlank,
  normalizeName,
  padLine,
  textOf,
  trimRange,
  type Cell,
  type Cells,
} from "./cells";
import { unescapeText } from "./escape";
import { unknownIdProblem, type SheetProblem } from "./sheetProblem";

export interface AvailableReading {
  available: Uint8Array;
  problems: SheetProblem[];
}

const HEADER_WORDS = new Set(["available", "availability", "instock", "offered", "carry", "carried"]);

export function readAvailable(raw: Cells | null | undefined, ids: readonly string[]): AvailableReading {
  const n = ids.length;
  const available = new Uint8Array(n);
  const problems: SheetProblem[] = [];
  const cells = trimRange(raw);
  if (cells.length === 0) {
    available.fill(1); // nothing left out: every product on offer
    return { available, problems };
  }
  let line: Cell[] | undefined =
    cells[0].length === 1 ? cells.map((r) => r[0]) : cells.length === 1 ? cells[0] : undefined;
  if (line && HEADER_WORDS.has(normalizeName(line[0]))) line = padLine(line.slice(1), raw, n, 1);
  else if (line) line = padLine(line, raw, n);
  const index = new Map(ids.map((id, i) => [id, i]));
  const isId = (c: Cell) => {
    const t = textOf(c);
    return t !== undefined && index.has(unescapeText(t));
  };
  const allIds = cells.every((row) => row.every((c) => isBlank(c) || isId(c)));
  const flagLike = (c: Cell) => excelError(c) !== undefined || booleanOf(c) !== undefined;
  // Yes/no flags, unless every cell is a product id (ids such as 1 and 0 are possible) and the count differs.
  if (line && line.every(flagLike) && !(allIds && line.length !== n)) {
    if (line.length !== n) {
      problems.push({
        range: "Available",
        message: `Available: ${line.length} yes/no value${line.length === 1 ? "" : "s"} for ${n} products; give one per product in the order of the Products rows, or list the ids that are available.`,
      });
      return { available, problems };
    }
    line.forEach((c, i) => {
      const err = excelError(c);
      if (err)
        problems.push({
          range: "Available",
          productId: ids[i],
          message: `Available, value ${i + 1} (${ids[i]}): holds the Excel error ${err}; use TRUE/FALSE, yes/no, 1/0 or x.`,
        });
      else available[i] = booleanOf(c) ? 1 : 0;
    });
    return { available, problems };
  }
  cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (isBlank(c)) return;
      const err = excelError(c);
      const t = textOf(c);
      if (r === 0 && k === 0 && HEADER_WORDS.has(normalizeName(c))) return;
      if (err || t === undefined) {
        problems.push({
          range: "Available",
          message: `Available, cell ${r + 1},${k + 1}: ${err ? `holds the Excel error ${err}` : "is not a product id"}; list the ids of the available products.`,
        });
        return;
      }
      const id = unescapeText(t);
      const i = index.get(id);
      if (i === undefined) {
        problems.push(
          unknownIdProblem({ range: "Available", where: "Available" }, id, ids, "list ids from the Products range"),
        );
        return;
      }
      available[i] = 1;
    }),
  );
  return { available, problems };
}
