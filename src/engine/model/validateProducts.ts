// Validation of the products list (docs/model.md §1): each product's id, money fields, quantity rules, flags and
// size, read into typed arrays; every problem names the product and the field.

import { booleanField, Collector, isRecord, numberField, unknownFields } from "./validateFields";
import { listNames, show } from "../text/format";
import type { ProductFields, ProductInput } from "./instance";
import { MAX_SEASON_CUSTOMERS } from "./limits";
import { CURRENT_PRODUCT_FIELDS } from "./validateCurrent";

const PRODUCT_FIELDS = [
  "id",
  "name",
  "price",
  "cost",
  "demand",
  "salvage",
  "minQty",
  "maxQty",
  "packSize",
  "mustOffer",
  "exclude",
  "size",
  ...CURRENT_PRODUCT_FIELDS,
];
/** The longest id accepted: Excel's limit on the characters of one cell. */
export const MAX_ID_LENGTH = 32_767;

/** minQty and packSize are stored in Int32Array: larger values would wrap around. */
const INT32_MAX = 2147483647;

/** The products as the Model holds them, indexed by position in the input list. */
export interface ProductArrays extends ProductFields {
  /** 1 where the product gave a size (the capacity rule needs all or none). */
  sizeGiven: Uint8Array;
  totalDemand: number;
}

function emptyProducts(n: number): ProductArrays {
  return {
    n,
    ids: new Array<string>(n).fill(""),
    names: new Array<string>(n).fill(""),
    index: new Map<string, number>(),
    price: new Float64Array(n),
    cost: new Float64Array(n),
    salvage: new Float64Array(n),
    demand: new Float64Array(n),
    minQty: new Int32Array(n),
    maxQty: new Float64Array(n).fill(Infinity),
    packSize: new Int32Array(n).fill(1),
    mustOffer: new Uint8Array(n),
    exclude: new Uint8Array(n),
    size: new Float64Array(n).fill(1),
    sizeGiven: new Uint8Array(n),
    totalDemand: 0,
  };
}

interface Where {
  index: number;
  productId: string | undefined;
}

function productLabel(i: number, id: string | undefined): string {
  return id ? `Product ${id}` : `Product #${i + 1}`;
}

function productId(out: Collector, i: number, raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string") {
    const id = raw.trim();
    if (id.length > MAX_ID_LENGTH) {
      // Excel holds at most 32,767 characters in a cell: a longer id could not be written to the plan sheet.
      out.add({
        section: "products",
        index: i,
        field: "id",
        value: `${id.slice(0, 40)}...`,
        message: `Product #${i + 1} (${show(id)}): the id is ${id.length.toLocaleString("en-US")} characters long; Excel keeps at most ${MAX_ID_LENGTH.toLocaleString("en-US")} in a cell, give a shorter id.`,
      });
      return undefined;
    }
    if (id.length > 0) return id;
    out.add({
      section: "products",
      index: i,
      field: "id",
      value: raw,
      message: `Product #${i + 1}: the id is empty; give every product a unique, non-empty id.`,
    });
    return undefined;
  }
  out.add({
    section: "products",
    index: i,
    field: "id",
    value: raw,
    message: `Product #${i + 1}: ${raw === undefined ? "the id is missing" : raw === null ? "the id is blank" : `the id ${show(raw)} is not text`}; give every product a unique, non-empty id.`,
  });
  return undefined;
}

/** The id of product i, registered in the index unless another product already uses it. */
function readId(out: Collector, p: ProductArrays, i: number, raw: Record<string, unknown>): string | undefined {
  const id = productId(out, i, raw.id);
  if (id === undefined) {
    p.ids[i] = `#${i + 1}`;
    return undefined;
  }
  if (p.index.has(id)) {
    const first = p.index.get(id) as number;
    out.add({
      section: "products",
      index: i,
      field: "id",
      value: id,
      productId: id,
      message: `Product #${i + 1}: the id '${id}' is already used by product #${first + 1}; ids must be unique.`,
    });
  } else {
    p.index.set(id, i);
  }
  p.ids[i] = id;
  return id;
}

/** Price, cost, demand and salvage; a price at or below cost is a warning, not an error. */
function readMoney(out: Collector, p: ProductArrays, raw: Record<string, unknown>, label: string, where: Where): void {
  const i = where.index;
  const pr = numberField(
    out,
    "products",
    label,
    "price",
    raw.price,
    { greaterThan: 0, allowed: "the selling price must be a number above 0" },
    where,
  );
  const co = numberField(
    out,
    "products",
    label,
    "cost",
    raw.cost,
    { min: 0, allowed: "the unit cost must be a number, 0 or more" },
    where,
  );
  const de = numberField(
    out,
    "products",
    label,
    "demand",
    raw.demand,
    { min: 0, allowed: "the first-choice demand must be a number, 0 or more (expected customers in the season)" },
    where,
  );
  if (pr !== null) p.price[i] = pr;
  if (co !== null) p.cost[i] = co;
  if (de !== null) p.demand[i] = de;
  if (raw.salvage !== undefined && raw.salvage !== null) {
    const sa = numberField(
      out,
      "products",
      label,
      "salvage",
      raw.salvage,
      { min: 0, allowed: "the salvage value must be 0 or more and below the cost" },
      where,
    );
    if (sa !== null && co !== null) {
      if (co > 0 ? sa >= co : sa > 0) {
        out.add({
          section: "products",
          field: "salvage",
          value: sa,
          ...where,
          message: `${label}, salvage: ${sa} is not below the cost ${co}; an unsold unit must be worth less than it cost (otherwise stock would be unlimited).`,
        });
      } else p.salvage[i] = sa;
    }
  }
  if (pr !== null && co !== null && pr <= co) {
    out.warn({
      section: "products",
      field: "price",
      value: pr,
      ...where,
      message: `${label}: the price ${pr} does not exceed the cost ${co}, so carrying it never pays.`,
    });
  }
}

/** minQty, maxQty and packSize; returns the bounds read (null where unreadable) for the flag checks. */
function readQuantities(
  out: Collector,
  p: ProductArrays,
  raw: Record<string, unknown>,
  label: string,
  where: Where,
): { lo: number | null; hi: number | null } {
  const i = where.index;
  let lo: number | null = 0;
  let hi: number | null = Infinity;
  if (raw.minQty !== undefined && raw.minQty !== null) {
    lo = numberField(
      out,
      "products",
      label,
      "minQty",
      raw.minQty,
      { min: 0, max: INT32_MAX, integer: true, allowed: "the minimum must be a whole number of units, 0 or more" },
      where,
    );
    if (lo !== null) p.minQty[i] = lo;
  }
  if (raw.maxQty !== undefined && raw.maxQty !== null) {
    hi = numberField(
      out,
      "products",
      label,
      "maxQty",
      raw.maxQty,
      { min: 0, integer: true, allowed: "the maximum must be a whole number of units, 0 or more" },
      where,
    );
    if (hi !== null) p.maxQty[i] = hi;
  }
  if (lo !== null && hi !== null && lo > hi) {
    out.add({
      section: "products",
      field: "minQty",
      value: lo,
      ...where,
      message: `${label}: minQty ${lo} is above maxQty ${hi}; the minimum must not exceed the maximum.`,
    });
  }
  if (raw.packSize !== undefined && raw.packSize !== null) {
    const ps = numberField(
      out,
      "products",
      label,
      "packSize",
      raw.packSize,
      {
        greaterThan: 0,
        max: INT32_MAX,
        integer: true,
        allowed: "the pack size must be a whole number of units, 1 or more",
      },
      where,
    );
    if (ps !== null) p.packSize[i] = ps;
  }
  return { lo, hi };
}

/** mustOffer and exclude: not both, and a required product must have room for one pack. */
function readFlags(
  out: Collector,
  p: ProductArrays,
  raw: Record<string, unknown>,
  label: string,
  where: Where,
  bounds: { lo: number | null; hi: number | null },
): void {
  const i = where.index;
  p.mustOffer[i] = booleanField(out, label, "mustOffer", raw.mustOffer, where) ? 1 : 0;
  p.exclude[i] = booleanField(out, label, "exclude", raw.exclude, where) ? 1 : 0;
  if (p.mustOffer[i] && p.exclude[i]) {
    out.add({
      section: "products",
      field: "exclude",
      value: true,
      ...where,
      message: `${label}: marked both mustOffer and exclude; a product cannot be both required and banned.`,
    });
  }
  const { lo, hi } = bounds;
  if (p.mustOffer[i] && hi !== null && lo !== null && lo <= hi) {
    // A carried product needs at least one pack and at least its minimum, within its maximum.
    const need = Math.ceil(Math.max(1, lo) / p.packSize[i]) * p.packSize[i];
    if (need > hi) {
      out.add({
        section: "products",
        field: "maxQty",
        value: hi,
        ...where,
        message: `${label}: must be offered but its maxQty ${hi} leaves no room for ${need} units (the smallest whole number of packs of ${p.packSize[i]} at or above ${Math.max(1, lo)}).`,
      });
    }
  }
}

function readSize(out: Collector, p: ProductArrays, raw: Record<string, unknown>, label: string, where: Where): void {
  if (raw.size === undefined || raw.size === null) return;
  const sz = numberField(
    out,
    "products",
    label,
    "size",
    raw.size,
    { min: 0, allowed: "the space per unit must be a number, 0 or more" },
    where,
  );
  if (sz === null) return;
  p.size[where.index] = sz;
  p.sizeGiven[where.index] = 1;
}

function readProduct(out: Collector, p: ProductArrays, i: number, raw: ProductInput): void {
  if (!isRecord(raw)) {
    out.add({
      section: "products",
      index: i,
      value: raw,
      message: `Product #${i + 1}: ${show(raw)} is not an object with id, price, cost and demand.`,
    });
    return;
  }
  const id = readId(out, p, i, raw);
  p.names[i] = typeof raw.name === "string" ? raw.name : "";
  const label = productLabel(i, id);
  const where: Where = { index: i, productId: id };
  unknownFields(out, "products", label, raw, PRODUCT_FIELDS, where);
  readMoney(out, p, raw, label, where);
  const bounds = readQuantities(out, p, raw, label, where);
  readFlags(out, p, raw, label, where, bounds);
  readSize(out, p, raw, label, where);
}

/** Reads a non-empty products list (the caller checks it is one) into typed arrays. */
export function readProducts(out: Collector, list: ProductInput[]): ProductArrays {
  const p = emptyProducts(list.length);
  list.forEach((raw, i) => readProduct(out, p, i, raw));
  for (let i = 0; i < p.n; i++) p.totalDemand += p.demand[i];
  if (p.totalDemand <= 0 && out.problems.every((q) => q.field !== "demand")) {
    out.add({
      section: "products",
      field: "demand",
      value: 0,
      message: "Products: every first-choice demand is 0; at least one product must have expected customers.",
    });
  }
  checkSeasonSize(out, p);
  return p;
}

/** A number for people: 1e+300 stays short, 12,500,000 gets separators. */
function amount(v: number): string {
  return v >= 1e15 || !Number.isFinite(v) ? v.toPrecision(3).replace(/\.0+e/, "e") : v.toLocaleString("en-US");
}

/** Every season simulates each customer: beyond MAX_SEASON_CUSTOMERS a run could not finish (or count). */
function checkSeasonSize(out: Collector, p: ProductArrays): void {
  if (!(p.totalDemand > MAX_SEASON_CUSTOMERS)) return;
  let top = 0;
  for (let i = 1; i < p.n; i++) if (p.demand[i] > p.demand[top]) top = i;
  const limit = `Assort handles up to ~${amount(MAX_SEASON_CUSTOMERS)} customers a season (each one is simulated); give demand for a smaller unit (one store, one week) or in hundreds`;
  const alone = p.demand[top] > MAX_SEASON_CUSTOMERS;
  out.add({
    section: "products",
    field: "demand",
    index: top,
    productId: p.ids[top],
    value: p.demand[top],
    message: alone
      ? `Product ${p.ids[top]}, demand: ${amount(p.demand[top])} means a season would take ${amount(p.demand[top])} customers; ${limit}.`
      : `Products: the demands add up to ${amount(p.totalDemand)} customers a season (the largest, ${p.ids[top]}, ${amount(p.demand[top])}); ${limit}.`,
  });
}

/** With a capacity set, sizes must be given for every product or for none (then each unit takes 1). */
export function checkSizes(out: Collector, p: ProductArrays, capacity: number | null): void {
  if (capacity === null) return;
  const given = p.sizeGiven.reduce((a, b) => a + b, 0);
  if (given === 0 || given === p.n) return;
  const missing: string[] = [];
  for (let i = 0; i < p.n; i++) if (!p.sizeGiven[i]) missing.push(p.ids[i]);
  out.add({
    section: "products",
    field: "size",
    products: missing,
    message: `Products ${listNames(missing)} have no size, but a capacity is set and other products have sizes; give every product a size (space per unit).`,
  });
}
