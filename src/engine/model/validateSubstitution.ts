// Validation of the substitution (docs/model.md §1): a list of {from, to, probability} links or a square matrix,
// read into sparse rows; rows may not sum above 1, and no closed loop may trap a customer.

import { Collector, isRecord, numberField, unknownFields } from "./validateFields";
import { closedLoops } from "./closedLoops";
import { listNames, show } from "../text/format";
import type { Problem, SparseSubstitution } from "./instance";
import { sparseSubstitution } from "./sparseSubstitution";
import { suggest } from "../text/suggest";

/** A row may overshoot 1 by rounding (0.1 + 0.2 + 0.7); beyond this it is an input error. */
const ROW_SUM_TOLERANCE = 1e-9;

interface Triplets {
  from: number[];
  to: number[];
  p: number[];
}

function substitutionId(raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string" && raw.trim().length > 0) return raw.trim();
  return undefined;
}

/** Checks that an end of a link names a listed product; returns false after recording why not. */
function checkEnd(
  out: Collector,
  index: Map<string, number>,
  role: "from" | "to",
  raw: unknown,
  id: string | undefined,
  where: Partial<Problem>,
  label: string,
): boolean {
  if (id === undefined) {
    out.add({
      section: "substitution",
      field: role,
      value: raw,
      ...where,
      message: `${label}: '${role}' ${raw === undefined ? "is missing" : `${show(raw)} is not a product id`}; give the id of a listed product.`,
    });
    return false;
  }
  if (index.has(id)) return true;
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
  return false;
}

/** The probability of a link: a number in [0, 1], or null after recording a problem. */
function linkProbability(out: Collector, pRaw: unknown, where: Partial<Problem>, label: string): number | null {
  const p = numberField(
    out,
    "substitution",
    label,
    "probability",
    pRaw,
    { min: 0, allowed: "a probability between 0 and 1" },
    where,
  );
  if (p === null || p <= 1) return p;
  out.add({
    section: "substitution",
    field: "probability",
    value: pRaw,
    ...where,
    message: `${label}, probability: ${show(pRaw)} is above 1; a probability is between 0 and 1.`,
  });
  return null;
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
  const fromOk = checkEnd(out, index, "from", fromRaw, from, where, label);
  const toOk = checkEnd(out, index, "to", toRaw, to, where, label);
  const p = linkProbability(out, pRaw, where, label);
  if (!fromOk || !toOk || p === null || from === undefined || to === undefined) return;
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

function readLinkList(out: Collector, raw: unknown[], index: Map<string, number>, trip: Triplets): void {
  const seen = new Map<string, number>();
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
}

function readMatrix(out: Collector, ids: unknown[], rows: unknown[], index: Map<string, number>, trip: Triplets): void {
  const seen = new Map<string, number>();
  if (rows.length !== ids.length) {
    out.add({
      section: "substitution",
      message: `Substitution matrix: ${rows.length} rows for ${ids.length} ids; the matrix must be square, one row and one column per id.`,
    });
    return;
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
}

function readTriplets(out: Collector, raw: unknown, index: Map<string, number>, n: number): Triplets {
  const trip: Triplets = { from: [], to: [], p: [] };
  if (raw === undefined || raw === null) return trip;
  if (Array.isArray(raw)) readLinkList(out, raw, index, trip);
  else if (isRecord(raw) && Array.isArray(raw.ids) && Array.isArray(raw.matrix))
    readMatrix(out, raw.ids as unknown[], raw.matrix as unknown[], index, trip);
  else
    out.add({
      section: "substitution",
      value: raw,
      message: `Substitution: ${show(raw)} is neither a list of {from, to, probability} links nor a matrix {ids, matrix} over ${n} products.`,
    });
  return trip;
}

/** Rows above 1 (beyond rounding) are errors; rows a hair above 1 are clamped to exactly 1. */
function checkRowSums(out: Collector, sub: SparseSubstitution, ids: string[]): void {
  for (let i = 0; i < ids.length; i++) {
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
}

function checkClosedLoops(out: Collector, sub: SparseSubstitution, ids: string[]): void {
  for (const loop of closedLoops(ids.length, sub)) {
    const loopIds = loop.map((i) => ids[i]);
    out.add({
      section: "substitution",
      products: loopIds,
      productId: loopIds[0],
      message: `Substitution: ${listNames(loopIds, { quote: true })} form a closed loop with no way out (every row sums to 1), so a customer who finds them all out of stock would never leave; lower at least one of these rows below 1.`,
    });
  }
}

/** Reads and checks the substitution over the listed products (ids in product order). */
export function readSubstitution(
  out: Collector,
  raw: unknown,
  index: Map<string, number>,
  ids: string[],
): SparseSubstitution {
  const n = ids.length;
  const trip = readTriplets(out, raw, index, n);
  const sub = sparseSubstitution(n, trip.from, trip.to, trip.p);
  checkRowSums(out, sub, ids);
  if (out.problems.every((p) => p.section !== "substitution")) checkClosedLoops(out, sub, ids);
  return sub;
}
