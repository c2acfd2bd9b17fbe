// The Products range: a header row, then one product per row. Converts cells into the engine's ProductInput
// (the engine checks the values and says what is wrong; this layer only knows where each value came from)
// and reports what only the sheet can see: missing columns, Excel error values, unreadable yes/no cells.

import { listNames, show } from "../engine";
import type { ProductInput } from "../engine";
import {
  booleanOf,
  excelError,
  isBlank,
  isBlankOrZero,
  numberOf,
  plain,
  textOf,
  trimRange,
  type Cell,
  type Cells,
} from "./cells";
import { unescapeText } from "./escape";
import { RANGE_ORIGIN, columnName, type Origin } from "./address";
import {
  FIELD_TITLES,
  PRODUCT_ALIASES,
  readHeader,
  typoFor,
  type ProductColumn,
  type ProductField,
} from "./productColumns";
import { place, type SheetProblem } from "./sheetProblem";

const NUMBER_FIELDS = [
  "price",
  "cost",
  "demand",
  "salvage",
  "minQty",
  "maxQty",
  "packSize",
  "size",
  "currentUnits",
] as const;
const BOOLEAN_FIELDS = ["mustOffer", "exclude", "lock"] as const;
/** A blank cell reaches a custom function as 0; for these fields 0 is no limit (Exclude drops a product). */
const ZERO_MEANS_NONE = new Set<string>(["maxQty", "packSize"]);

export interface ProductRow {
  /** Row number shown in messages (sheet row when the address is known). */
  row: number;
  /** Trimmed id, or undefined when the id cell is blank or unreadable. */
  id?: string;
}

export interface ProductsSheet {
  products: ProductInput[];
  /** Where each product came from, parallel to products. */
  rows: ProductRow[];
  columns: Partial<Record<ProductField, ProductColumn>>;
  /** Raw Units cell of each product when the range has a Units column (read by EVALUATE). */
  units: Cell[] | null;
  /** Which fields of which products were blank: the engine says "missing", the sheet says "blank". */
  blank: Set<string>;
  /** Fields of products already reported here, whose engine problem would repeat it: "index/field". */
  reported: Set<string>;
  problems: SheetProblem[];
  /** Header row number as shown in messages. */
  headerRow: number;
  /** Column label: the header as written. */
  columnTitle(field: ProductField): string;
}

export interface ReadOptions {
  origin?: Origin;
  /** Columns that must be present (default id, price, cost, demand). */
  require?: ProductField[];
}

const DEFAULT_REQUIRED: ProductField[] = ["id", "price", "cost", "demand"];

export function readProducts(raw: Cells | null | undefined, options: ReadOptions = {}): ProductsSheet {
  const origin = options.origin ?? RANGE_ORIGIN;
  const cells = trimRange(raw);
  let first = 0;
  while (first < cells.length && cells[first].every(isBlankOrZero)) first++;
  const problems: SheetProblem[] = [];
  const out: ProductsSheet = {
    products: [],
    rows: [],
    columns: {},
    units: null,
    blank: new Set(),
    reported: new Set(),
    problems,
    headerRow: origin.row + first,
    columnTitle: (f) => out.columns[f]?.header ?? FIELD_TITLES[f],
  };
  if (first >= cells.length) {
    problems.push({
      range: "Products",
      message:
        "Products: the range is empty; give a header row (Product, Price, Cost, Demand, ...) and one row per product.",
    });
    return out;
  }
  const header = readHeader(cells[first]);
  out.columns = header.columns;
  const headerRow = out.headerRow;
  for (const [a, b] of header.clashes) {
    problems.push({
      range: "Products",
      row: headerRow,
      column: b.header,
      message: `Products row ${headerRow}: columns '${a.header}' and '${b.header}' both give the ${FIELD_TITLES[a.field].toLowerCase()}${a.field === "id" ? " id" : ""}; keep one (rename the other, e.g. to Name or a note, if it holds something else).`,
    });
  }
  const required = options.require ?? DEFAULT_REQUIRED;
  const missing = required.filter((f) => !header.columns[f]);
  for (const f of missing) {
    const typo = typoFor(f, header.unknown);
    const aliases = PRODUCT_ALIASES[f].slice(1, 4).map((a) => a);
    const found = cells[first].map((c) => textOf(c)).filter((t): t is string => t !== undefined);
    let message = `Products row ${headerRow}: no ${FIELD_TITLES[f]} column`;
    if (typo) message += `; is '${typo}' meant to be ${FIELD_TITLES[f]}?`;
    else if (f === "id" && found.length > 0 && !header.columns.price && !header.columns.cost) {
      message += `; the first row must be the header (Product, Price, Cost, Demand, ...). If you pass an Excel table, include its header row: Table1[#All]`;
    } else
      message += ` (also accepted: ${aliases.join(", ")}); the header row found ${found.length ? listNames(found, { quote: true }) : "nothing"}`;
    problems.push({ range: "Products", row: headerRow, message: message + "." });
  }
  if (missing.includes("id")) return out;
  const cols = header.columns;
  if (cols.units) out.units = [];
  for (let r = first + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankOrZero)) continue; // gaps between blocks of products
    const i = out.products.length;
    const sheetRowNo = origin.row + r;
    // A value only under columns without a header (a stray cell far to the right) is not a product: say
    // where it is, rather than that the row's id, price, cost and demand are blank.
    if (row.every((c, k) => isBlankOrZero(c) || isBlank(cells[first][k]))) {
      const k = row.findIndex((c) => !isBlankOrZero(c));
      const letter = columnName(origin, k, options.origin !== undefined);
      problems.push({
        range: "Products",
        row: sheetRowNo,
        message: `${place("Products", sheetRowNo)}: the only value is in column ${letter}, which has no header (it holds ${JSON.stringify(String(textOf(row[k]) ?? row[k]).slice(0, 40))}); clear it if it is not data, or give the column a header.`,
      });
      continue;
    }
    const idCol = cols.id as ProductColumn;
    const idCell = row[idCol.index];
    const idError = excelError(idCell);
    const idText = idError ? undefined : textOf(idCell);
    const id = idText === undefined ? undefined : unescapeText(idText);
    const p: ProductInput = {
      id: id ?? (idError ? undefined : (plain(idCell) ?? null)),
      price: undefined,
      cost: undefined,
      demand: undefined,
    };
    if (idError) {
      out.reported.add(`${i}/id`);
      problems.push({
        range: "Products",
        row: sheetRowNo,
        column: idCol.header,
        message: `${place("Products", sheetRowNo, undefined, idCol.header)}: holds the Excel error ${idError}; give the product's id.`,
      });
      p.id = `#${i + 1}`;
    }
    const where = (field: ProductField) => place("Products", sheetRowNo, id, out.columnTitle(field));
    for (const field of NUMBER_FIELDS) {
      const col = cols[field];
      if (!col) continue;
      const cell = row[col.index];
      const err = excelError(cell);
      if (err) {
        out.reported.add(`${i}/${field}`);
        problems.push({
          range: "Products",
          row: sheetRowNo,
          column: col.header,
          productId: id,
          message: `${where(field)}: holds the Excel error ${err}; fix the formula or the data it refers to.`,
        });
        continue;
      }
      if (isBlank(cell)) {
        out.blank.add(`${i}/${field}`);
        continue;
      }
      const v = numberOf(cell);
      if (v === 0 && ZERO_MEANS_NONE.has(field)) continue;
      p[field] = v;
    }
    for (const field of BOOLEAN_FIELDS) {
      const col = cols[field];
      if (!col) continue;
      const cell = row[col.index];
      const err = excelError(cell);
      const b = err ? undefined : booleanOf(cell);
      if (b === undefined) {
        out.reported.add(`${i}/${field}`);
        const what = err
          ? `holds the Excel error ${err}`
          : `${show(textOf(cell) ?? plain(cell))} is not a yes/no value`;
        problems.push({
          range: "Products",
          row: sheetRowNo,
          column: col.header,
          productId: id,
          message: `${where(field)}: ${what}; use TRUE/FALSE, yes/no, 1/0 or x (blank means no).`,
        });
        continue;
      }
      if (b) p[field] = true;
    }
    if (cols.name) {
      const name = textOf(row[cols.name.index]);
      if (name !== undefined) p.name = unescapeText(name);
    }
    if (out.units && cols.units) out.units.push(row[cols.units.index]);
    out.products.push(p);
    out.rows.push({ row: sheetRowNo, id });
  }
  return out;
}
