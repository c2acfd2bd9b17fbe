// The whole of =ASSORT.FIT(History, [Products]) short of Excel: the History range in either layout
// (transactions, or per-period sales) → the EM estimate as ids, shares and a From, To, Probability list, with
// the same warnings as `assort fit`. Problems in the range come back located by row and column instead.

import { fitMarkovChain, fitWarnings } from "../engine";
import type { FitWarning } from "../engine";
import { readHistory, type HistoryOptions, type HistoryProblem } from "./history";
import { isPeriodHeader, readPeriodHistory } from "./periodHistory";

export interface SheetFitOptions extends HistoryOptions {
  maxIterations?: number;
  tolerance?: number;
  /** Links below this are left out (default 0.001). */
  minProbability?: number;
}

export interface SheetFit {
  noPurchaseShare: number;
  products: Array<{ id: string; demandShare: number }>;
  links: Array<{ from: string; to: string; probability: number }>;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
  /** Estimated customers per period who want a product (sales-only periods); NaN otherwise. */
  customersPerPeriod: number;
  warnings: FitWarning[];
  /** When not empty, nothing was estimated: fix these cells first. */
  problems: HistoryProblem[];
}

export function fitFromSheet(
  cells: readonly (readonly unknown[])[],
  productIds?: readonly string[],
  options: SheetFitOptions = {},
): SheetFit {
  const empty: SheetFit = {
    noPurchaseShare: NaN,
    products: [],
    links: [],
    logLikelihood: NaN,
    iterations: 0,
    converged: false,
    customers: 0,
    customersPerPeriod: NaN,
    warnings: [],
    problems: [],
  };
  const read = { ...options, productIds };
  const periodLayout = cells.length > 0 && isPeriodHeader(cells[0]);
  const data = periodLayout ? readPeriodHistory(cells, read) : readHistory(cells, read);
  if (data.problems.length > 0) return { ...empty, problems: data.problems };
  const transactions = "transactions" in data ? data.transactions : [];
  const periods = "periods" in data ? data.periods : [];
  const r = fitMarkovChain(data.ids.length, transactions, periods, {
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });
  const min = options.minProbability ?? 0.001;
  return {
    noPurchaseShare: r.noPurchaseShare,
    products: data.ids.map((id, i) => ({ id, demandShare: r.lambda[i] })),
    links: r.links
      .filter((l) => l.probability >= min && l.probability > 0)
      .map((l) => ({ from: data.ids[l.from], to: data.ids[l.to], probability: l.probability })),
    logLikelihood: r.logLikelihood,
    iterations: r.iterations,
    converged: r.converged,
    customers: r.customers,
    customersPerPeriod: r.arrivalRate,
    warnings: fitWarnings(data.ids, r),
    problems: [],
  };
}
