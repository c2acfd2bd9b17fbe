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
      message: `never offered in the history, so their demand share rests only on substitution patterns: ${listNames(named(d.neverOffered))}`,
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
  // Rows summing to 1 everywhere: nobody ever left, and the plan would reject the closed loops.
  const rowSum = new Float64Array(r.n);
  for (const l of r.links) rowSum[l.from] += l.probability;
  const full = [...rowSum].filter((s) => s > 1 - 1e-6).length;
  if (full > 0 && full === r.n - d.unidentifiedRows.length && r.n > 1) {
    out.push({
      kind: "no-exit",
      message:
        "no customer in the history left without buying when her product was missing, so every substitution row sums to 1; the plan needs some customers to leave: add no-purchase records",
    });
  }
  return out;
}
