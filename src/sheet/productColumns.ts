// The Products header: which column holds which field, found by name without regard to case, spaces or
// punctuation, with the aliases merchandisers use. Unknown columns are ignored (sheets carry notes, brands,
// colours...), but one that looks like a typo of a missing required column is pointed out.

import { suggest } from "../engine";
import { normalizeName, textOf, type Cell } from "./cells";

export type ProductField =
  | "id"
  | "name"
  | "price"
  | "cost"
  | "demand"
  | "salvage"
  | "minQty"
  | "maxQty"
  | "packSize"
  | "mustOffer"
  | "exclude"
  | "size"
  | "units"
  | "currentUnits"
  | "lock";

/** Normalized header names (see normalizeName) for each field; the first is the one suggested to users. */
export const PRODUCT_ALIASES: Record<ProductField, string[]> = {
  id: ["product", "sku", "item", "id", "productid", "itemid", "skuid", "article"],
  name: ["name", "description", "productname", "itemname", "title"],
  price: ["price", "sellingprice", "retailprice", "unitprice", "saleprice"],
  cost: ["cost", "unitcost", "purchasecost", "buycost", "costprice"],
  demand: ["demand", "forecast", "firstchoicedemand", "firstchoice", "expecteddemand", "demandforecast"],
  salvage: ["salvage", "salvagevalue", "residualvalue", "markdownvalue"],
  minQty: ["min", "minimum", "minqty", "minunits", "minquantity"],
  maxQty: ["max", "maximum", "maxqty", "maxunits", "maxquantity"],
  packSize: ["pack", "packsize", "casepack", "casesize", "ordermultiple", "multiple"],
  mustOffer: ["mustoffer", "core", "mustcarry", "required", "keep"],
  exclude: ["exclude", "excluded", "drop", "delist"],
  size: ["size", "space", "spaceperunit", "unitsize", "volume"],
  units: ["units", "quantity", "qty", "plan", "planunits"],
  currentUnits: ["currentunits", "current", "currentqty", "currentquantity", "lastbuy", "now", "unitsnow"],
  lock: ["lock", "locked", "lockunits", "lockcurrent"],
};

/** How each field is called in messages when its column is missing. */
export const FIELD_TITLES: Record<ProductField, string> = {
  id: "Product",
  name: "Name",
  price: "Price",
  cost: "Cost",
  demand: "Demand",
  salvage: "Salvage",
  minQty: "Min",
  maxQty: "Max",
  packSize: "Pack",
  mustOffer: "Must offer",
  exclude: "Exclude",
  size: "Size",
  units: "Units",
  currentUnits: "Current units",
  lock: "Lock",
};

const FIELD_OF = new Map<string, ProductField>();
for (const [field, names] of Object.entries(PRODUCT_ALIASES) as [ProductField, string[]][]) {
  for (const n of names) FIELD_OF.set(n, field);
}

export interface ProductColumn {
  field: ProductField;
  /** Position in the range (0-based). */
  index: number;
  /** The header as the user wrote it. */
  header: string;
}

export interface HeaderReading {
  columns: Partial<Record<ProductField, ProductColumn>>;
  /** Two columns claiming one field: [first, second]. */
  clashes: [ProductColumn, ProductColumn][];
  /** Headers that matched no field (position and text). */
  unknown: { index: number; header: string }[];
}

export function fieldOfHeader(cell: Cell): ProductField | undefined {
  return FIELD_OF.get(normalizeName(cell));
}

export function readHeader(row: Cell[]): HeaderReading {
  const columns: Partial<Record<ProductField, ProductColumn>> = {};
  const clashes: [ProductColumn, ProductColumn][] = [];
  const unknown: { index: number; header: string }[] = [];
  row.forEach((cell, index) => {
    const header = textOf(cell);
    if (header === undefined) return;
    const field = FIELD_OF.get(normalizeName(cell));
    if (field === undefined) {
      unknown.push({ index, header });
      return;
    }
    const col = { field, index, header };
    const first = columns[field];
    if (first) clashes.push([first, col]);
    else columns[field] = col;
  });
  return { columns, clashes, unknown };
}

/** An unknown header that is probably a typo of `field` ("Prcie" for Price), if any. */
export function typoFor(field: ProductField, unknown: { header: string }[]): string | undefined {
  for (const u of unknown) {
    const n = normalizeName(u.header);
    if (n.length >= 3 && suggest(n, PRODUCT_ALIASES[field]) !== undefined) return u.header;
  }
  return undefined;
}
