// What =ASSORT.FIT spills. The first three columns are the Substitution list (From, To, Probability, one
// link per row, nothing else below it), so they can be handed to OPTIMIZE as they are: TAKE(H1#,,3), or
// H:J. One blank column, then the estimate's summary in three columns: each product's first-choice share
// and the share of its customers who accept a substitute, the no-purchase share, the figures of the fit
// and the warnings. The two blocks are padded with "" to the taller one (a spill is rectangular).

import type { FitWarning } from "../engine";
import { escapeCells } from "../sheet/escape";
import type { SheetFit } from "../sheet/fitSheet";
import { cellNumber } from "../sheet/summaryBlock";

export const LIST_HEADER = ["From", "To", "Probability"];
export const SHARES_HEADER = ["Product", "First-choice share", "Accepts a substitute"];
/** Column (0-based) where the summary block starts: after the list and one blank column. */
export const SUMMARY_COLUMN = LIST_HEADER.length + 1;

/** Unknown where the history never showed the product missing; else the row's total over the links listed. */
function acceptance(fit: SheetFit): Map<string, number | string> {
  const unknown = new Set(
    fit.warnings.filter((w: FitWarning) => w.kind === "unidentified-row").flatMap((w) => w.products ?? []),
  );
  const out = new Map<string, number | string>(fit.products.map((p) => [p.id, unknown.has(p.id) ? "unknown" : 0]));
  for (const l of fit.links) out.set(l.from, (out.get(l.from) as number) + l.probability);
  return out;
}

/** Products the history never offered: their share is not estimable (the fit holds it at 0), as assort fit says. */
function neverOffered(fit: SheetFit): Set<string> {
  return new Set(fit.warnings.filter((w: FitWarning) => w.kind === "never-offered").flatMap((w) => w.products ?? []));
}

export function fitTable(fit: SheetFit): unknown[][] {
  const list: unknown[][] = [LIST_HEADER, ...fit.links.map((l) => [l.from, l.to, l.probability])];
  const accepts = acceptance(fit);
  const unoffered = neverOffered(fit);
  const summary: unknown[][] = [
    SHARES_HEADER,
    ...fit.products.map((p) => [p.id, unoffered.has(p.id) ? "not estimable" : p.demandShare, accepts.get(p.id)]),
    ["No purchase", cellNumber(fit.noPurchaseShare), ""],
    ["", "", ""],
    ["Customers", cellNumber(fit.customers), "in the history (scale the shares to a season's traffic for Demand)"],
    ...(Number.isFinite(fit.customersPerPeriod)
      ? [["Customers per period", fit.customersPerPeriod, "who want a product (sales without customer counts)"]]
      : []),
    ["Log-likelihood", cellNumber(fit.logLikelihood), ""],
    ["Iterations", fit.iterations, ""],
    ["Converged", fit.converged, ""],
  ];
  if (fit.warnings.length > 0) {
    summary.push(["", "", ""]);
    for (const w of fit.warnings) summary.push(["Warning", w.kind, w.message]);
  }
  const height = Math.max(list.length, summary.length);
  const rows: unknown[][] = [];
  for (let r = 0; r < height; r++) rows.push([...(list[r] ?? ["", "", ""]), "", ...(summary[r] ?? ["", "", ""])]);
  return escapeCells(rows);
}
