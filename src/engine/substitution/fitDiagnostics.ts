// What the history could and could not tell about a fitted chain: products never offered or never bought,
// rows no customer's walk could inform, rows resting on few customers, and the links and dense ρ reported
// (rows the data cannot identify are returned empty rather than at the EM's starting guess).

import type { SparseSubstitution } from "../model/instance";
import type { Group } from "./fitRecords";
import type { FitDiagnostics, FitLink } from "./fitTypes";

/** The last E-step at the returned point: its expected moves and leavers are the evidence behind each row. */
export interface Evidence {
  leaves: Float64Array;
  moves: Float64Array;
}

export function fitDiagnostics(
  n: number,
  groups: Group[],
  sub: SparseSubstitution,
  evidence: Evidence,
  minVisits: number,
): FitDiagnostics {
  const { leaves, moves } = evidence;
  const visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    visits[i] = leaves[i];
    for (let t = sub.rowStart[i]; t < sub.rowStart[i + 1]; t++) visits[i] += moves[t];
  }
  const offered = new Uint8Array(n);
  const purchased = new Uint8Array(n);
  const everUnavailable = new Uint8Array(n);
  for (const g of groups) {
    for (let t = 0; t < g.members.length; t++) {
      offered[g.members[t]] = 1;
      if (g.bought[t] > 0) purchased[g.members[t]] = 1;
    }
    for (let i = 0; i < n; i++) if (g.unavailable[i]) everUnavailable[i] = 1;
  }
  const customersWithout = new Float64Array(n);
  const leftWithout = new Float64Array(n);
  const customersWith = new Float64Array(n);
  const leftWith = new Float64Array(n);
  for (const g of groups) {
    if (g.exposure > 0) continue; // sales-only periods: who left is not in the data
    let customers = g.left;
    for (let t = 0; t < g.bought.length; t++) customers += g.bought[t];
    for (let i = 0; i < n; i++) {
      if (g.unavailable[i]) {
        customersWithout[i] += customers;
        leftWithout[i] += g.left;
      } else {
        customersWith[i] += customers;
        leftWith[i] += g.left;
      }
    }
  }
  const unidentified: number[] = [];
  const weak: number[] = [];
  for (let i = 0; i < n; i++) {
    // "Could have wanted it": a customer's walk could reach i while it was unavailable.
    if (!everUnavailable[i] || !(visits[i] > 1e-9)) unidentified.push(i);
    else if (visits[i] < minVisits) weak.push(i);
  }
  const neverOffered: number[] = [];
  const neverPurchased: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!offered[i]) neverOffered.push(i);
    else if (!purchased[i]) neverPurchased.push(i);
  }
  return {
    minVisits,
    neverOffered,
    neverPurchased,
    unidentifiedRows: unidentified,
    weaklyIdentifiedRows: weak,
    visitsWhileUnavailable: visits,
    customersWithout,
    leftWithout,
    customersWith,
    leftWith,
  };
}

/** The fitted links and dense ρ, leaving the rows the data cannot identify empty. */
export function fitLinks(
  n: number,
  from: number[],
  to: number[],
  p: Float64Array,
  unidentifiedRows: number[],
): { links: FitLink[]; rho: Float64Array[] } {
  const unknownRow = new Uint8Array(n);
  for (const i of unidentifiedRows) unknownRow[i] = 1;
  const rho = Array.from({ length: n }, () => new Float64Array(n));
  const links: FitLink[] = [];
  for (let e = 0; e < from.length; e++) {
    if (unknownRow[from[e]] || !(p[e] > 0)) continue;
    rho[from[e]][to[e]] = p[e];
    links.push({ from: from[e], to: to[e], probability: p[e] });
  }
  return { links, rho };
}
