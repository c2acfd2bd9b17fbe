// Turns an instance (docs/model.md §1) into a Model, or throws an InputError listing every problem found:
// each message names the product, the field and the value, and says what would be allowed.

import { closedLoops } from "./closedLoops";
import { listNames, show } from "../text/format";
import {
  InputError,
  type Constraints,
  type Customers,
  type InstanceInput,
  type Model,
  type Problem,
  type ProductInput,
  type Section,
} from "./instance";
import { sparseSubstitution } from "./sparseSubstitution";
import { suggest } from "../text/suggest";

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
];
const TOP_FIELDS = ["products", "substitution", "customers", "constraints"];
const CONSTRAINT_FIELDS = ["maxProducts", "budget", "capacity"];
const CUSTOMER_FIELDS = ["distribution", "cv"];
/** A row may overshoot 1 by rounding (0.1 + 0.2 + 0.7); beyond this it is an input error. */
const ROW_SUM_TOLERANCE = 1e-9;
/** minQty and packSize are stored in Int32Array: larger values would wrap around. */
const INT32_MAX = 2147483647;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

class Collector {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  add(p: Problem): void {
    this.problems.push(p);
  }
}

function productLabel(i: number, id: string | undefined): string {
  return id ? `Product ${id}` : `Product #${i + 1}`;
}

/** A number field of product i: returns the number or null after recording a problem. */
function numberField(
  out: Collector,
  section: Section,
  label: string,
  field: string,
  value: unknown,
  rule: { min?: number; greaterThan?: number; max?: number; integer?: boolean; allowed: string },
  where: Partial<Problem>,
): number | null {
  const bad = (why: string) => {
    out.add({ section, field, value, ...where, message: `${label}, ${field}: ${why}; ${rule.allowed}.` });
    return null;
  };
  if (value === undefined) return bad("missing");
  if (typeof value !== "number") return bad(`${show(value)} is not a number`);
  if (Number.isNaN(value)) return bad("NaN is not a number");
  if (!Number.isFinite(value)) return bad(`${show(value)} is not a finite number`);
  if (rule.greaterThan !== undefined && !(value > rule.greaterThan)) return bad(`${show(value)} is too small`);
  if (rule.min !== undefined && value < rule.min) return bad(`${show(value)} is negative`);
  if (rule.integer && !Number.isInteger(value)) return bad(`${show(value)} is not a whole number`);
  if (rule.max !== undefined && value > rule.max) return bad(`${show(value)} is too large (at most ${rule.max})`);
  return value;
}

function booleanField(out: Collector, label: string, field: string, value: unknown, where: Partial<Problem>): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  out.add({
    section: "products",
    field,
    value,
    ...where,
    message: `${label}, ${field}: ${show(value)} is not true or false; use true/false (or 1/0).`,
  });
  return false;
}

function unknownFields(
  out: Collector,
  section: Section,
  label: string,
  obj: Record<string, unknown>,
  allowed: string[],
  where: Partial<Problem>,
) {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const guess = suggest(key, allowed);
    out.add({
      section,
      field: key,
      ...where,
      message:
        `${label}: unknown field '${key}'` +
        (guess ? `; did you mean '${guess}'?` : `; allowed fields are ${allowed.join(", ")}.`),
    });
  }
}

function productId(out: Collector, i: number, raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string") {
    const id = raw.trim();
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

function substitutionId(raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string" && raw.trim().length > 0) return raw.trim();
  return undefined;
}

interface Triplets {
  from: number[];
  to: number[];
  p: number[];
}

function readLink(
  out: Collector,
  index: Map<string, number>,
  trip: Triplets,
  seen: Map<string, number>,
  fromRaw: unknown,
  toRaw: unknown,
  pRaw: unknown,
  where: Partial<Problem>,
  label: string,
): void {
  const from = substitutionId(fromRaw);
  const to = substitutionId(toRaw);
  let ok = true;
  for (const [role, raw, id] of [
    ["from", fromRaw, from],
    ["to", toRaw, to],
  ] as const) {
    if (id === undefined) {
      out.add({
        section: "substitution",
        field: role,
        value: raw,
        ...where,
        message: `${label}: '${role}' ${raw === undefined ? "is missing" : `${show(raw)} is not a product id`}; give the id of a listed product.`,
      });
      ok = false;
    } else if (!index.has(id)) {
      const guess = suggest(id, [...index.keys()]);
      out.add({
        section: "substitution",
        field: role,
        value: raw,
        ...where,
        message:
          `${label}: '${role}' product '${id}' is not among the products` +
          (guess ? `; did you mean '${guess}'?` : "; substitution may only link listed products."),
      });
      ok = false;
    }
  }
  const p = numberField(
    out,
    "substitution",
    label,
    "probability",
    pRaw,
    { min: 0, allowed: "a probability between 0 and 1" },
    where,
  );
  if (p !== null && p > 1) {
    out.add({
      section: "substitution",
      field: "probability",
      value: pRaw,
      ...where,
      message: `${label}, probability: ${show(pRaw)} is above 1; a probability is between 0 and 1.`,
    });
    ok = false;
  }
  if (!ok || p === null || from === undefined || to === undefined) return;
  if (from === to) {
    if (p !== 0) {
      out.add({
        section: "substitution",
        field: "probability",
        value: pRaw,
        productId: from,
        ...where,
        message: `${label}: product '${from}' substitutes to itself with ${show(pRaw)}; ρ[i][i] must be 0 (a customer who finds it unavailable moves to another product or leaves).`,
      });
    }
    return;
  }
  const key = `${from}\u0000${to}`;
  if (seen.has(key)) {
    out.add({
      section: "substitution",
      ...where,
      productId: from,
      products: [from, to],
      message: `${label}: the link from '${from}' to '${to}' is given twice (also in ${seen.get(key) === -1 ? "the matrix" : `entry ${(seen.get(key) as number) + 1}`}); give each pair once.`,
    });
    return;
  }
  seen.set(key, where.column === undefined ? (where.index ?? -1) : -1);
  if (p === 0) return;
  trip.from.push(index.get(from) as number);
  trip.to.push(index.get(to) as number);
  trip.p.push(p);
}

function readSubstitution(out: Collector, raw: unknown, index: Map<string, number>, n: number): Triplets {
  const trip: Triplets = { from: [], to: [], p: [] };
  const seen = new Map<string, number>();
  if (raw === undefined || raw === null) return trip;
  if (Array.isArray(raw)) {
    raw.forEach((link, e) => {
      const label = `Substitution entry ${e + 1}`;
      if (!isRecord(link)) {
        out.add({
          section: "substitution",
          index: e,
          value: link,
          message: `${label}: ${show(link)} is not a {from, to, probability} link.`,
        });
        return;
      }
      unknownFields(out, "substitution", label, link, ["from", "to", "probability"], { index: e });
      readLink(out, index, trip, seen, link.from, link.to, link.probability, { index: e }, label);
    });
    return trip;
  }
  if (isRecord(raw) && Array.isArray(raw.ids) && Array.isArray(raw.matrix)) {
    const ids = raw.ids as unknown[];
    const rows = raw.matrix as unknown[];
    if (rows.length !== ids.length) {
      out.add({
        section: "substitution",
        message: `Substitution matrix: ${rows.length} rows for ${ids.length} ids; the matrix must be square, one row and one column per id.`,
      });
      return trip;
    }
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== ids.length) {
        out.add({
          section: "substitution",
          index: r,
          message: `Substitution matrix row ${r + 1} (${show(ids[r])}): has ${Array.isArray(row) ? row.length : 0} values for ${ids.length} columns; the matrix must be square.`,
        });
        return;
      }
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === 0) return;
        const label = `Substitution matrix row ${show(ids[r])}, column ${show(ids[c])}`;
        readLink(out, index, trip, seen, ids[r], ids[c], value, { index: r, column: c }, label);
      });
    });
    return trip;
  }
  {
    out.add({
      section: "substitution",
      value: raw,
      message: `Substitution: ${show(raw)} is neither a list of {from, to, probability} links nor a matrix {ids, matrix} over ${n} products.`,
    });
  }
  return trip;
}

function readCustomers(out: Collector, raw: unknown, totalDemand: number): Customers {
  if (raw === undefined || raw === null) return { distribution: "poisson", cv: 0 };
  if (!isRecord(raw)) {
    out.add({
      section: "customers",
      value: raw,
      message: `Customers: ${show(raw)} is not an object like {"distribution": "poisson"}.`,
    });
    return { distribution: "poisson", cv: 0 };
  }
  unknownFields(out, "customers", "Customers", raw, CUSTOMER_FIELDS, {});
  const d = raw.distribution ?? "poisson";
  const name = typeof d === "string" ? d.trim().toLowerCase() : d;
  if (name !== "poisson" && name !== "fixed" && name !== "negbin") {
    out.add({
      section: "customers",
      field: "distribution",
      value: d,
      message: `Customers, distribution: ${show(d)} is not a known model; use poisson, fixed or negbin.`,
    });
    return { distribution: "poisson", cv: 0 };
  }
  if (name !== "negbin") {
    if (raw.cv !== undefined && raw.cv !== null) {
      out.add({
        section: "customers",
        field: "cv",
        value: raw.cv,
        message: `Customers, cv: a coefficient of variation applies only to negbin, not to ${name}; remove it or set distribution to negbin.`,
      });
    }
    return { distribution: name, cv: 0 };
  }
  const cv = numberField(
    out,
    "customers",
    "Customers",
    "cv",
    raw.cv,
    { greaterThan: 0, allowed: "negbin needs a coefficient of variation above 0 (e.g. 0.3)" },
    {},
  );
  if (cv === null) return { distribution: "negbin", cv: 0 };
  // A negative binomial is at least as variable as a Poisson of the same mean (variance ≥ mean).
  const minCv = totalDemand > 0 ? 1 / Math.sqrt(totalDemand) : 0;
  if (cv <= minCv) {
    out.add({
      section: "customers",
      field: "cv",
      value: cv,
      message: `Customers, cv: ${cv} is not above the Poisson's own variability ${minCv.toPrecision(3)} for ${totalDemand} expected customers; use a larger cv or distribution poisson.`,
    });
  }
  return { distribution: "negbin", cv };
}

function readConstraints(out: Collector, raw: unknown): Constraints {
  const c: Constraints = { maxProducts: null, budget: null, capacity: null };
  if (raw === undefined || raw === null) return c;
  if (!isRecord(raw)) {
    out.add({
      section: "constraints",
      value: raw,
      message: `Constraints: ${show(raw)} is not an object like {"budget": 50000}.`,
    });
    return c;
  }
  unknownFields(out, "constraints", "Constraints", raw, CONSTRAINT_FIELDS, {});
  if (raw.maxProducts !== undefined && raw.maxProducts !== null) {
    c.maxProducts = numberField(
      out,
      "constraints",
      "Constraints",
      "maxProducts",
      raw.maxProducts,
      { min: 0, integer: true, allowed: "use a whole number of products, 0 or more" },
      {},
    );
  }
  if (raw.budget !== undefined && raw.budget !== null) {
    c.budget = numberField(
      out,
      "constraints",
      "Constraints",
      "budget",
      raw.budget,
      { min: 0, allowed: "use an amount of 0 or more" },
      {},
    );
  }
  if (raw.capacity !== undefined && raw.capacity !== null) {
    c.capacity = numberField(
      out,
      "constraints",
      "Constraints",
      "capacity",
      raw.capacity,
      { min: 0, allowed: "use a space of 0 or more" },
      {},
    );
  }
  return c;
}

/** Validates an instance and compiles it; throws InputError with every problem if it cannot be used. */
export function validateInstance(input: unknown): Model {
  const out = new Collector();
  if (!isRecord(input)) {
    throw new InputError([
      {
        section: "instance",
        value: input,
        message: `The instance ${show(input)} is not an object with "products" (and optionally "substitution", "customers", "constraints").`,
      },
    ]);
  }
  unknownFields(out, "instance", "Instance", input, TOP_FIELDS, {});
  const inst = input as unknown as InstanceInput;
  if (!Array.isArray(inst.products) || inst.products.length === 0) {
    out.add({
      section: "products",
      value: inst.products,
      message: `Products: ${Array.isArray(inst.products) ? "the list is empty" : inst.products === undefined ? "missing" : `${show(inst.products)} is not a list`}; give at least one product with id, price, cost and demand.`,
    });
    throw new InputError(out.problems);
  }
  const n = inst.products.length;
  const ids: string[] = new Array(n).fill("");
  const names: string[] = new Array(n).fill("");
  const index = new Map<string, number>();
  const price = new Float64Array(n);
  const cost = new Float64Array(n);
  const salvage = new Float64Array(n);
  const demand = new Float64Array(n);
  const minQty = new Int32Array(n);
  const maxQty = new Float64Array(n).fill(Infinity);
  const packSize = new Int32Array(n).fill(1);
  const mustOffer = new Uint8Array(n);
  const exclude = new Uint8Array(n);
  const size = new Float64Array(n).fill(1);
  const sizeGiven = new Uint8Array(n);

  inst.products.forEach((raw: ProductInput, i) => {
    if (!isRecord(raw)) {
      out.add({
        section: "products",
        index: i,
        value: raw,
        message: `Product #${i + 1}: ${show(raw)} is not an object with id, price, cost and demand.`,
      });
      return;
    }
    const id = productId(out, i, raw.id);
    if (id !== undefined) {
      if (index.has(id)) {
        const first = index.get(id) as number;
        out.add({
          section: "products",
          index: i,
          field: "id",
          value: id,
          productId: id,
          message: `Product #${i + 1}: the id '${id}' is already used by product #${first + 1}; ids must be unique.`,
        });
      } else {
        index.set(id, i);
      }
      ids[i] = id;
    } else {
      ids[i] = `#${i + 1}`;
    }
    names[i] = typeof raw.name === "string" ? raw.name : "";
    const label = productLabel(i, id);
    const where = { index: i, productId: id };
    unknownFields(out, "products", label, raw as Record<string, unknown>, PRODUCT_FIELDS, where);
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
    if (pr !== null) price[i] = pr;
    if (co !== null) cost[i] = co;
    if (de !== null) demand[i] = de;
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
        } else salvage[i] = sa;
      }
    }
    if (pr !== null && co !== null && pr <= co) {
      out.warnings.push({
        section: "products",
        field: "price",
        value: pr,
        ...where,
        message: `${label}: the price ${pr} does not exceed the cost ${co}, so carrying it never pays.`,
      });
    }
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
      if (lo !== null) minQty[i] = lo;
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
      if (hi !== null) maxQty[i] = hi;
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
      if (ps !== null) packSize[i] = ps;
    }
    mustOffer[i] = booleanField(out, label, "mustOffer", raw.mustOffer, where) ? 1 : 0;
    exclude[i] = booleanField(out, label, "exclude", raw.exclude, where) ? 1 : 0;
    if (mustOffer[i] && exclude[i]) {
      out.add({
        section: "products",
        field: "exclude",
        value: true,
        ...where,
        message: `${label}: marked both mustOffer and exclude; a product cannot be both required and banned.`,
      });
    }
    if (mustOffer[i] && hi !== null && lo !== null && lo <= hi) {
      // A carried product needs at least one pack and at least its minimum, within its maximum.
      const need = Math.ceil(Math.max(1, lo) / packSize[i]) * packSize[i];
      if (need > hi) {
        out.add({
          section: "products",
          field: "maxQty",
          value: hi,
          ...where,
          message: `${label}: must be offered but its maxQty ${hi} leaves no room for ${need} units (the smallest whole number of packs of ${packSize[i]} at or above ${Math.max(1, lo)}).`,
        });
      }
    }
    if (raw.size !== undefined && raw.size !== null) {
      const sz = numberField(
        out,
        "products",
        label,
        "size",
        raw.size,
        { min: 0, allowed: "the space per unit must be a number, 0 or more" },
        where,
      );
      if (sz !== null) {
        size[i] = sz;
        sizeGiven[i] = 1;
      }
    }
  });

  let totalDemand = 0;
  for (let i = 0; i < n; i++) totalDemand += demand[i];
  if (totalDemand <= 0 && out.problems.every((p) => p.field !== "demand")) {
    out.add({
      section: "products",
      field: "demand",
      value: 0,
      message: "Products: every first-choice demand is 0; at least one product must have expected customers.",
    });
  }

  const trip = readSubstitution(out, inst.substitution, index, n);
  const sub = sparseSubstitution(n, trip.from, trip.to, trip.p);
  for (let i = 0; i < n; i++) {
    if (sub.rowSum[i] > 1 + ROW_SUM_TOLERANCE) {
      out.add({
        section: "substitution",
        productId: ids[i],
        field: "probability",
        value: sub.rowSum[i],
        message: `Substitution from '${ids[i]}': the probabilities sum to ${+sub.rowSum[i].toPrecision(6)}, above 1; a customer moves on with total probability at most 1 (the rest leave).`,
      });
    } else if (sub.rowSum[i] > 1) {
      sub.rowSum[i] = 1;
    }
  }
  if (out.problems.every((p) => p.section !== "substitution")) {
    for (const loop of closedLoops(n, sub)) {
      const loopIds = loop.map((i) => ids[i]);
      out.add({
        section: "substitution",
        products: loopIds,
        productId: loopIds[0],
        message: `Substitution: ${listNames(loopIds.map((s) => `'${s}'`))} form a closed loop with no way out (every row sums to 1), so a customer who finds them all out of stock would never leave; lower at least one of these rows below 1.`,
      });
    }
  }

  const customers = readCustomers(out, inst.customers, totalDemand);
  const constraints = readConstraints(out, inst.constraints);
  if (constraints.capacity !== null) {
    const given = sizeGiven.reduce((a, b) => a + b, 0);
    if (given > 0 && given < n) {
      const missing: string[] = [];
      for (let i = 0; i < n; i++) if (!sizeGiven[i]) missing.push(ids[i]);
      out.add({
        section: "products",
        field: "size",
        products: missing,
        message: `Products ${listNames(missing)} have no size, but a capacity is set and other products have sizes; give every product a size (space per unit).`,
      });
    }
  }

  if (out.problems.length > 0) throw new InputError(out.problems);
  return {
    n,
    ids,
    names,
    index,
    price,
    cost,
    salvage,
    demand,
    minQty,
    maxQty,
    packSize,
    mustOffer,
    exclude,
    size,
    substitution: sub,
    customers,
    constraints,
    totalDemand,
    warnings: out.warnings,
  };
}
