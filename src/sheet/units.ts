// The plan a user hands to EVALUATE: units per product. Accepted layouts:
// - nothing: the Products range's own Units column;
// - a table with a header naming the product and units columns (OPTIMIZE's spilled output works as is;
//   reading stops at the blank row before its summary);
// - a single column (or row) of numbers in the order of the products, with or without a header cell;
// - two columns, product id and units, without a header.
// Products not listed get 0 units; blanks are 0.

import { show } from "../engine";
import {
  excelError,
  isBlank,
  isBlankOrZero,
  numberOf,
  padLine,
  plain,
  textOf,
  trimRange,
  type Cell,
  type Cells,
} from "./cells";
import { unescapeText } from "./escape";
import { RANGE_ORIGIN, type Origin } from "./address";
import { fieldOfHeader } from "./productColumns";
import type { ProductsSheet } from "./products";
import { place, unknownIdProblem, type SheetProblem } from "./sheetProblem";

/** Stocking is counted in Int32Array by the simulator. */
const MAX_UNITS = 2147483647;

export interface UnitsReading {
  units: Int32Array;
  problems: SheetProblem[];
}

function unitsProblem(v: unknown): string | undefined {
  if (typeof v !== "number") return `${show(v)} is not a number`;
  if (!Number.isFinite(v)) return `${v} is not a finite number`;
  if (v < 0) return `${v} is negative`;
  if (!Number.isInteger(v)) return `${v} is not a whole number`;
  if (v > MAX_UNITS) return `${v} is too large`;
  return undefined;
}

export function readUnits(
  raw: Cells | null | undefined,
  products: ProductsSheet,
  ids: readonly string[],
  origin: Origin = RANGE_ORIGIN,
): UnitsReading {
  const n = ids.length;
  const units = new Int32Array(n);
  const problems: SheetProblem[] = [];
  const index = new Map(ids.map((id, i) => [id, i]));
  const put = (i: number, cell: Cell, where: string) => {
    const err = excelError(cell);
    if (err) {
      problems.push({
        range: where.startsWith("Products") ? "Products" : "Units",
        message: `${where}: holds the Excel error ${err}; give a whole number of units, 0 or more.`,
      });
      return;
    }
    if (isBlank(cell)) return;
    const v = numberOf(cell);
    const bad = unitsProblem(v);
    if (bad)
      problems.push({
        range: where.startsWith("Products") ? "Products" : "Units",
        productId: ids[i],
        message: `${where}: ${bad}; give a whole number of units, 0 or more.`,
      });
    else units[i] = v as number;
  };

  const cells = trimRange(raw);
  if (cells.length === 0) {
    if (!products.units) {
      problems.push({
        range: "Units",
        message:
          "Units: no plan given; pass a Units range (a column of units in the order of the products, or a table with Product and Units columns), or add a Units column to Products.",
      });
      return { units, problems };
    }
    products.units.forEach((cell, i) =>
      put(i, cell, place("Products", products.rows[i].row, ids[i], products.columnTitle("units"))),
    );
    return { units, problems };
  }

  // A header row naming the id and units columns.
  const header = cells[0].map(fieldOfHeader);
  const idCol = header.indexOf("id");
  const unitsCol = header.indexOf("units");
  const byId = (first: number, ic: number, uc: number, title: string, stopAtBlank: boolean) => {
    const seen = new Map<string, number>();
    for (let r = first; r < cells.length; r++) {
      const row = cells[r];
      const rowNo = origin.row + r;
      if (row.every(isBlankOrZero)) {
        if (stopAtBlank) break;
        continue;
      }
      const t = textOf(row[ic]);
      const id = t === undefined ? undefined : unescapeText(t);
      if (id === undefined) {
        problems.push({
          range: "Units",
          row: rowNo,
          message: `Units row ${rowNo}: the product id is ${excelError(row[ic]) ?? "blank"}; give the id of a listed product.`,
        });
        continue;
      }
      const i = index.get(id);
      if (i === undefined) {
        problems.push(
          unknownIdProblem(
            { range: "Units", row: rowNo, where: `Units row ${rowNo}` },
            id,
            ids,
            "list only products of the Products range",
          ),
        );
        continue;
      }
      if (seen.has(id)) {
        problems.push({
          range: "Units",
          row: rowNo,
          productId: id,
          message: `Units row ${rowNo} (${id}): already given in row ${seen.get(id)}; list each product once.`,
        });
        continue;
      }
      seen.set(id, rowNo);
      put(i, row[uc], place("Units", rowNo, id, title));
    }
  };
  if (idCol >= 0 && unitsCol >= 0) {
    byId(1, idCol, unitsCol, textOf(cells[0][unitsCol]) ?? "Units", true);
    return { units, problems };
  }
  // One column or one row of numbers in product order, maybe under a header cell.
  const line: { cell: Cell; rowNo: number }[] | undefined =
    cells[0].length === 1
      ? cells.map((r, k) => ({ cell: r[0], rowNo: origin.row + k }))
      : cells.length === 1
        ? cells[0].map((cell) => ({ cell, rowNo: origin.row }))
        : undefined;
  if (line) {
    const headed =
      line.length > 0 &&
      typeof plain(line[0].cell) === "string" &&
      typeof numberOf(line[0].cell) === "string" &&
      excelError(line[0].cell) === undefined;
    const body = line.slice(headed ? 1 : 0);
    const vertical = cells[0].length === 1;
    const padded = padLine(
      body.map((x) => x.cell),
      raw,
      n,
      headed ? 1 : 0,
    );
    const start = origin.row + (headed && vertical ? 1 : 0);
    const values = padded.map((cell, k) => ({ cell, rowNo: vertical ? start + k : origin.row }));
    if (values.length !== n) {
      problems.push({
        range: "Units",
        message: `Units: ${values.length} value${values.length === 1 ? "" : "s"} for ${n} products; give one number per product, in the order of the Products rows (or a table with Product and Units columns).`,
      });
      return { units, problems };
    }
    values.forEach(({ cell, rowNo }, i) => put(i, cell, place("Units", rowNo, ids[i])));
    return { units, problems };
  }
  if (cells[0].length === 2) {
    byId(0, 0, 1, "2", false);
    return { units, problems };
  }
  problems.push({
    range: "Units",
    message: `Units: not a layout Assort reads (${cells.length} rows × ${cells[0].length} columns); use a column of units in the order of the products, or a table whose header has Product and Units columns.`,
  });
  return { units, problems };
}
