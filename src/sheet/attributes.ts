// The Attributes range → the similarity builder's inputs, for =ASSORT.SIMILARITY(Products, Attributes,
// [Strength]). Header row: Product, then one column per attribute (Category, Colour, Size, Price band, any
// name). Optional: a Strength column (per-product share of customers who accept a substitute, overriding
// the [Strength] argument) and, right under the header, a row whose Product cell says "Weight" giving each
// attribute's importance. Products missing from the range get no attributes, hence no substitutes (a
// warning, not an error: new products often lack them).

import { similaritySubstitution, suggest } from "../engine";
import type { Attribute, AttributeValue } from "../engine";
import { cellText, headerKey } from "./history";

export interface AttributeProblem {
  /** Index of the row in the cells given (0 = header). */
  index: number;
  row: number;
  column?: string;
  value?: string;
  message: string;
}

export interface AttributesOptions {
  /** How a row is named in messages (default "Attributes row {index + 1}"). */
  rowLabel?: (index: number) => string;
  rowNumber?: (index: number) => number;
}

export interface AttributesData {
  attributes: Attribute[];
  /** Per-product strength from a Strength column (NaN where the cell is blank), or undefined without one. */
  strength?: Float64Array;
  /** Products with no row in the range. */
  missing: string[];
  problems: AttributeProblem[];
}

const PRODUCT = ["product", "id", "productid", "sku", "item"];
const STRENGTH = ["strength", "substitutionshare", "acceptsubstitute", "substitution", "substitutionrate"];
const WEIGHT_ROW = ["weight", "weights", "importance"];

/** "40%" or 0.4 → 0.4; undefined when not a number. */
function shareOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const t = cellText(v);
  if (t === "") return undefined;
  const percent = t.endsWith("%");
  const x = Number((percent ? t.slice(0, -1) : t).trim());
  return Number.isFinite(x) ? (percent ? x / 100 : x) : undefined;
}

/** An attribute cell: numbers stay numbers (prices compare by distance), text stays text, blank is missing. */
function valueOf(v: unknown): AttributeValue {
  if (v && typeof v === "object" && "basicValue" in v) v = (v as { basicValue: unknown }).basicValue;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = cellText(v);
  return t === "" ? null : t;
}

export function readAttributes(
  cells: readonly (readonly unknown[])[],
  productIds: readonly string[],
  options: AttributesOptions = {},
): AttributesData {
  const rowLabel = options.rowLabel ?? ((r: number) => `Attributes row ${r + 1}`);
  const rowNumber = options.rowNumber ?? ((r: number) => r + 1);
  const problems: AttributeProblem[] = [];
  const add = (index: number, message: string, column?: string, value?: string) =>
    problems.push({ index, row: rowNumber(index), column, value, message });
  const out: AttributesData = { attributes: [], missing: [], problems };
  let last = cells.length - 1;
  while (last >= 0 && cells[last].every((c) => cellText(c) === "")) last--;
  if (last < 0) {
    add(
      0,
      `${rowLabel(0)}: the attributes range is empty; it needs a header row (Product, then attribute names such as Category, Colour, Size) and one row per product`,
    );
    return out;
  }
  const header = cells[0].map(headerKey);
  const productCol = header.findIndex((h) => PRODUCT.includes(h));
  if (productCol < 0) {
    add(
      0,
      `${rowLabel(0)}: no Product column in the header; the first row must name the columns: Product, then the attributes`,
    );
    return out;
  }
  const strengthCol = header.findIndex((h) => STRENGTH.includes(h));
  const attributeCols: number[] = [];
  const seenNames = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    if (c === productCol || c === strengthCol) continue;
    const name = cellText(cells[0][c]);
    if (name === "") {
      if (cells.slice(1, last + 1).some((row) => cellText(row[c]) !== ""))
        add(0, `${rowLabel(0)}, column ${c + 1}: the column has values but no name`);
      continue;
    }
    const key = headerKey(name);
    if (seenNames.has(key)) {
      add(0, `${rowLabel(0)}, column ${name}: the attribute '${name}' appears twice`, name);
      continue;
    }
    seenNames.set(key, c);
    attributeCols.push(c);
  }

  const n = productIds.length;
  const index = new Map(productIds.map((id, i) => [id, i]));
  const values = attributeCols.map(() => new Array<AttributeValue>(n).fill(null));
  const weights = attributeCols.map(() => 1);
  const strength = strengthCol >= 0 ? new Float64Array(n).fill(NaN) : undefined;
  const rowOf = new Array<number>(n).fill(-1);
  const productName = cellText(cells[0][productCol]);
  let first = 1;
  // A Weight row right under the header gives the attributes' importance.
  if (last >= 1 && WEIGHT_ROW.includes(headerKey(cells[1][productCol]))) {
    first = 2;
    attributeCols.forEach((c, k) => {
      const text = cellText(cells[1][c]);
      if (text === "") return;
      const w = shareOf(cells[1][c]);
      if (w === undefined || w < 0)
        add(
          1,
          `${rowLabel(1)}, column ${cellText(cells[0][c])}: the weight '${text}' must be a number, 0 or more (0 ignores the attribute)`,
          cellText(cells[0][c]),
          text,
        );
      else weights[k] = w;
    });
  }
  for (let r = first; r <= last; r++) {
    const row = cells[r];
    if (row.every((c) => cellText(c) === "")) continue;
    const id = cellText(row[productCol]);
    const where = (column: string) => `${rowLabel(r)}, column ${column}`;
    if (id === "") {
      add(r, `${where(productName)}: the product id is blank`, productName);
      continue;
    }
    const i = index.get(id);
    if (i === undefined) {
      const guess = suggest(id, productIds);
      add(
        r,
        `${where(productName)}: '${id}' is not a product${guess ? `; did you mean '${guess}'?` : ""}`,
        productName,
        id,
      );
      continue;
    }
    if (rowOf[i] >= 0) {
      add(r, `${where(productName)}: '${id}' already has attributes in ${rowLabel(rowOf[i])}`, productName, id);
      continue;
    }
    rowOf[i] = r;
    attributeCols.forEach((c, k) => (values[k][i] = valueOf(row[c])));
    if (strength && strengthCol >= 0) {
      const text = cellText(row[strengthCol]);
      if (text === "") continue;
      const s = shareOf(row[strengthCol]);
      const name = cellText(cells[0][strengthCol]);
      if (s === undefined || s < 0 || s > 1)
        add(r, `${where(name)}: '${text}' is not a share; use a number from 0 to 1 (or 0% to 100%)`, name, text);
      else strength[i] = s;
    }
  }
  out.attributes = attributeCols.map((c, k) => ({
    name: cellText(cells[0][c]),
    values: values[k],
    weight: weights[k],
  }));
  out.strength = strength;
  out.missing = productIds.filter((_, i) => rowOf[i] < 0);
  if (attributeCols.length === 0)
    add(0, `${rowLabel(0)}: no attribute columns besides ${productName}${strengthCol >= 0 ? " and Strength" : ""}`);
  return out;
}

export interface SheetSimilarity {
  links: Array<{ from: string; to: string; probability: number }>;
  /** Non-fatal remarks: products without attributes or without any similar product. */
  warnings: string[];
  problems: AttributeProblem[];
}

/** Default share of customers who accept a substitute when the sheet gives none. */
export const DEFAULT_STRENGTH = 0.5;

/** The whole of =ASSORT.SIMILARITY: attributes and strength → a From, To, Probability list (ids). */
export function similarityFromSheet(
  productIds: readonly string[],
  cells: readonly (readonly unknown[])[],
  strengthArg?: unknown,
  options: AttributesOptions = {},
): SheetSimilarity {
  const data = readAttributes(cells, productIds, options);
  const result: SheetSimilarity = { links: [], warnings: [], problems: data.problems };
  let base = DEFAULT_STRENGTH;
  if (strengthArg !== undefined && strengthArg !== null && cellText(strengthArg) !== "") {
    const s = shareOf(strengthArg);
    if (s === undefined || s < 0 || s > 1) {
      data.problems.push({
        index: -1,
        row: 0,
        message: `Strength: '${cellText(strengthArg)}' is not a share; use a number from 0 to 1 (the share of customers who accept a substitute)`,
      });
    } else base = s;
  }
  if (data.problems.length) return result;
  const strength = Float64Array.from(productIds, (_, i) =>
    data.strength && !Number.isNaN(data.strength[i]) ? data.strength[i] : base,
  );
  let res: ReturnType<typeof similaritySubstitution>;
  try {
    res = similaritySubstitution(productIds.length, data.attributes, { strength });
  } catch (err) {
    // A strength of 1 on products that only lead to each other: nobody could ever leave.
    if (!(err instanceof RangeError)) throw err;
    const named = err.message.replace(/product (\d+)/g, (_m, k: string) => `'${productIds[Number(k) - 1]}'`);
    data.problems.push({ index: -1, row: 0, message: `Strength: ${named}` });
    return result;
  }
  result.links = res.links.map((l) => ({ from: productIds[l.from], to: productIds[l.to], probability: l.probability }));
  if (data.missing.length)
    result.warnings.push(
      `no attributes for ${data.missing.length === 1 ? "product" : "products"} ${data.missing.join(", ")}: their customers leave when they are missing`,
    );
  const lone = res.withoutSubstitutes.map((i) => productIds[i]).filter((id) => !data.missing.includes(id));
  if (lone.length)
    result.warnings.push(
      `no product shares any attribute with ${lone.join(", ")}: their customers leave when they are missing`,
    );
  return result;
}
