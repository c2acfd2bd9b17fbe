// Remarks on an estimate that every surface shows the same way (assort fit, =ASSORT.FIT): what the history
// could not tell, and what would make the estimate unusable for planning.

import { listNames } from "../text/format";
import type { FitResult } from "./fitMarkovChain";
import { NEAR_CLOSED_ROW } from "../model/limits";

/** One remark, with the products it concerns. */
export interface FitWarning {
  kind:
    | "not-converged"
    | "never-offered"
    | "never-purchased"
    | "unidentified-row"
    | "weak-row"
    | "no-exit"
    | "no-purchase-unknown";
  message: string;
  products?: string[];
}

export function fitWarnings(ids: readonly string[], r: FitResult): FitWarning[] {
  const out: FitWarning[] = [];
  const d = r.diagnostics;
  const named = (xs: number[]) => xs.map((i) => ids[i]);
  if (!r.converged) {
    out.push({
      kind: "not-converged",
      message: r.timeLimited
        ? `the time limit stopped EM after ${r.iterations} iterations without converging; this is the best estimate so far and it may still move (allow more time)`
        : `EM stopped after ${r.iterations} iterations without converging; the estimate may still move (allow more iterations)`,
    });
  }
  if (d.neverOffered.length) {
    out.push({
      kind: "never-offered",
      products: named(d.neverOffered),
      message: `never offered in the history, so their demand share is not estimable (the customers who wanted them are counted with what they bought, or as leaving); give their demand by hand: ${listNames(named(d.neverOffered))}`,
    });
  }
  if (d.neverPurchased.length) {
    out.push({
      kind: "never-purchased",
      products: named(d.neverPurchased),
      message: `offered but never bought: ${listNames(named(d.neverPurchased))}`,
    });
  }
  if (d.unidentifiedRows.length) {
    out.push({
      kind: "unidentified-row",
      products: named(d.unidentifiedRows),
      message: `the history cannot tell where customers go when these are missing (they were never unavailable to a customer who might have wanted them), so they get no substitutes; set their rows by hand or with ASSORT.SIMILARITY: ${listNames(named(d.unidentifiedRows))}`,
    });
  }
  if (d.weaklyIdentifiedRows.length) {
    out.push({
      kind: "weak-row",
      products: named(d.weaklyIdentifiedRows),
      message: `substitution estimated from fewer than ${d.minVisits} customers who found them missing (treat with care): ${listNames(named(d.weaklyIdentifiedRows))}`,
    });
  }
  if (!r.noPurchaseEstimated) {
    out.push({
      kind: "no-purchase-unknown",
      message:
        "sales without customer counts cannot show customers who wanted nothing: the no-purchase share is 0 and demand shares are of customers who wanted a product",
    });
  }
  // Rows that sum to (nearly) 1: the estimate has (almost) no customer leave when these products are missing. Judged on the
  // fitted rows alone, so every layout of the same history (CSV, JSON, workbook) gets the same remark.
  const rowSum = new Float64Array(r.n);
  for (const l of r.links) rowSum[l.from] += l.probability;
  const unknown = new Set(d.unidentifiedRows);
  const full: number[] = [];
  for (let i = 0; i < r.n; i++) if (!unknown.has(i) && rowSum[i] >= NEAR_CLOSED_ROW) full.push(i);
  if (full.length > 0) {
    const why = r.noPurchaseEstimated
      ? `in this history customers left without buying no more often when these were missing than when they were on offer, so the estimate puts those who left down to wanting none of the products (a no-purchase share of ${(100 * r.noPurchaseShare).toFixed(1)}%)`
      : "sales without customer counts cannot show the customers who left";
    out.push({
      kind: "no-exit",
      products: named(full),
      message: `the estimate sends every customer who found these products missing to a substitute (their substitution rows sum to ${NEAR_CLOSED_ROW} or more): ${why}. A plan needs some to leave (rows of 1 form a closed loop), so the pasted list rounds them down; check them, or fit on more history in which they were missing: ${listNames(named(full))}`,
    });
  }
  return out;
}
