// Remarks on an estimate that every surface shows the same way (assort fit, =ASSORT.FIT): what the history
// could not tell, and what would make the estimate unusable for planning.

import { listNames } from "../text/format";
import type { FitResult } from "./fitMarkovChain";

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

/** A fitted row at least this full leans to "nobody leaves"; the data then decides whether it is so. */
const NO_EXIT_ROW = 0.99;

/**
 * True when customers offered sets without product i bought nothing no more often than those offered it,
 * within two standard errors of the difference (true too when either side has no counted customers).
 */
function noExtraLeaving(d: FitResult["diagnostics"], i: number): boolean {
  const n1 = d.customersWithout[i];
  const n0 = d.customersWith[i];
  if (!(n1 > 0) || !(n0 > 0)) return true;
  const p1 = d.leftWithout[i] / n1;
  const p0 = d.leftWith[i] / n0;
  const p = (d.leftWithout[i] + d.leftWith[i]) / (n1 + n0);
  const se = Math.sqrt(Math.max(0, p * (1 - p)) * (1 / n1 + 1 / n0));
  return p1 - p0 <= 2 * se + 1e-12;
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
  // Rows the estimate puts at (nearly) 1, where the data agrees that nobody left: customers bought nothing no
  // more often when the product was missing than when it was on offer. Decided from the counted customers,
  // so every layout of one history (CSV, JSON, per period, workbook) gets the same remark, and not from the
  // fitted rows alone, which EM approaches only slowly (rows of 0.996 at the default tolerance for a history
  // in which nobody leaves).
  const rowSum = new Float64Array(r.n);
  for (const l of r.links) rowSum[l.from] += l.probability;
  const unknown = new Set(d.unidentifiedRows);
  const full: number[] = [];
  let without = 0;
  let withIt = 0;
  for (let i = 0; i < r.n; i++) {
    if (unknown.has(i) || !(rowSum[i] >= NO_EXIT_ROW)) continue;
    if (r.noPurchaseEstimated && !noExtraLeaving(d, i)) continue;
    full.push(i);
    without = Math.max(without, d.leftWithout[i] / d.customersWithout[i]);
    withIt = Math.max(withIt, d.leftWith[i] / d.customersWith[i]);
  }
  if (full.length > 0) {
    const pct = (x: number) => `${(100 * (Number.isFinite(x) ? x : 0)).toFixed(1)}%`;
    const why = !r.noPurchaseEstimated
      ? "sales without customer counts cannot show the customers who left"
      : without === 0 && withIt === 0
        ? "nobody in this history left without buying, whatever was on offer"
        : `in this history customers left without buying no more often when these were missing (${pct(without)}) than when they were on offer (${pct(withIt)}), so the estimate puts those who left down to wanting none of the products (a no-purchase share of ${(100 * r.noPurchaseShare).toFixed(1)}%)`;
    out.push({
      kind: "no-exit",
      products: named(full),
      message: `the estimate sends (nearly) every customer who found these products missing to a substitute (their substitution rows sum to ${NO_EXIT_ROW} or more): ${why}. A plan needs some to leave (rows of 1 form a closed loop), so the pasted list rounds them down; check them, or fit on more history in which they were missing: ${listNames(named(full))}`,
    });
  }
  return out;
}
