// The Weights argument of SUBSTITUTION: MNL attraction weights, from which a substitution matrix follows
// (docs/model.md §3, Blanchet, Gallego and Goyal 2016). Two layouts:
// - two columns, product id and weight (header optional), with one row named "No purchase" for the weight
//   of leaving without buying;
// - a single number: the no-purchase weight, with each product's weight its Demand (first-choice demand is
//   proportional to the attraction), so users with only a forecast can start.

import { listNames, show } from "../engine";
import type { ProductInput } from "../engine";
import { excelError, isBlank, isBlankOrZero, normalizeName, numberOf, textOf, trimRange, type Cells } from "./cells";
import { unescapeText } from "./escape";
import { RANGE_ORIGIN, type Origin } from "./address";
import type { ProductRow } from "./products";
import { place, unknownIdProblem, type SheetProblem } from "./sheetProblem";

const NO_PURCHASE = new Set([
  "nopurchase",
  "none",
  "outside",
  "outsideoption",
  "leave",
  "nobuy",
  "nochoice",
  "leavewithoutbuying",
]);
const HEADER_WORDS = new Set(["product", "sku", "item", "id", "name"]);

export interface WeightsReading {
  weights: Float64Array;
  noPurchase: number;
  problems: SheetProblem[];
}

function badWeight(v: unknown): string | undefined {
  if (typeof v !== "number") return `${show(v)} is not a number`;
  if (!Number.isFinite(v)) return `${v} is not a finite number`;
  if (v < 0) return `${v} is negative`;
  return undefined;
}

export function readWeights(
  raw: Cells | null | undefined,
  products: ProductInput[],
  rows: ProductRow[],
  ids: readonly string[],
  origin: Origin = RANGE_ORIGIN,
): WeightsReading {
  const n = ids.length;
  const weights = new Float64Array(n);
  const problems: SheetProblem[] = [];
  let noPurchase = NaN;
  // One cell (even a 0, which trimming would drop as a blank) is the no-purchase weight.
  const single = Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1;
  const scalar = single ? !isBlank(raw[0][0]) : raw !== null && raw !== undefined && !Array.isArray(raw);
  const cells = trimRange(raw);
  if (cells.length === 0 && !scalar) {
    problems.push({
      range: "Weights",
      message:
        "Weights: nothing given; give two columns (product id, weight) with a 'No purchase' row, or one number: the no-purchase weight (product weights are then their Demand).",
    });
    return { weights, noPurchase, problems };
  }
  if (scalar) {
    const v = numberOf(Array.isArray(raw) ? raw[0][0] : raw);
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) {
      problems.push({
        range: "Weights",
        message: `Weights: ${show(v)} is not a no-purchase weight; give a number above 0 (the larger it is, the more customers leave when their first choice is missing).`,
      });
    } else noPurchase = v;
    products.forEach((p, i) => {
      const d = p.demand;
      const bad = d === undefined ? "is blank" : badWeight(d);
      if (bad)
        problems.push({
          range: "Products",
          row: rows[i].row,
          productId: ids[i],
          message: `${place("Products", rows[i].row, ids[i], "Demand")}: ${bad}; with a single no-purchase weight, each product's weight is its first-choice demand (a number, 0 or more).`,
        });
      else weights[i] = d as number;
    });
    return { weights, noPurchase, problems };
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  const seen = new Map<string, number>();
  let first = 0;
  if (HEADER_WORDS.has(normalizeName(cells[0][0])) && typeof numberOf(cells[0][1]) === "string") first = 1;
  if (cells[0].length < 2) {
    problems.push({
      range: "Weights",
      message: "Weights: one column only; give two columns, product id and weight, with a 'No purchase' row.",
    });
    return { weights, noPurchase, problems };
  }
  for (let r = first; r < cells.length; r++) {
    const row = cells[r];
    if (row.every(isBlankOrZero)) continue;
    const rowNo = origin.row + r;
    const t = textOf(row[0]);
    const err = excelError(row[0]);
    if (t === undefined || err) {
      problems.push({
        range: "Weights",
        row: rowNo,
        message: `Weights row ${rowNo}: the product id ${err ? `holds the Excel error ${err}` : "is blank"}; give a product id or 'No purchase'.`,
      });
      continue;
    }
    const id = unescapeText(t);
    const isNoPurchase = NO_PURCHASE.has(normalizeName(id)) && !index.has(id);
    const label = isNoPurchase ? "No purchase" : id;
    if (seen.has(label)) {
      problems.push({
        range: "Weights",
        row: rowNo,
        productId: label,
        message: `Weights row ${rowNo} (${label}): already given in row ${seen.get(label)}; give each weight once.`,
      });
      continue;
    }
    seen.set(label, rowNo);
    const i = index.get(id);
    if (!isNoPurchase && i === undefined) {
      problems.push(
        unknownIdProblem(
          { range: "Weights", row: rowNo, where: `Weights row ${rowNo}` },
          id,
          [...ids, "No purchase"],
          "list products of the Products range and one 'No purchase' row",
        ),
      );
      continue;
    }
    const cell = row[1];
    const cellErr = excelError(cell);
    const v = cellErr || isBlank(cell) ? undefined : numberOf(cell);
    const bad = cellErr
      ? `holds the Excel error ${cellErr}`
      : v === undefined
        ? "is blank"
        : (badWeight(v) ?? (isNoPurchase && v === 0 ? "is 0" : undefined));
    if (bad) {
      const rule = isNoPurchase
        ? "give a weight above 0 for leaving without buying"
        : "give an attraction weight, 0 or more";
      problems.push({
        range: "Weights",
        row: rowNo,
        productId: label,
        message: `Weights row ${rowNo} (${label}): the weight ${bad}; ${rule}.`,
      });
      continue;
    }
    if (isNoPurchase) noPurchase = v as number;
    else weights[i as number] = v as number;
  }
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    const shown = listNames(missing, { max: 6, quote: true });
    problems.push({
      range: "Weights",
      message: `Weights: no weight for ${shown}; give every product of the Products range a weight (0 if customers never pick it).`,
    });
  }
  if (!seen.has("No purchase")) {
    problems.push({
      range: "Weights",
      message: "Weights: no 'No purchase' row; add one with the weight of leaving without buying (above 0).",
    });
  }
  return { weights, noPurchase, problems };
}
