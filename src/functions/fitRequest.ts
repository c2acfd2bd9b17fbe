// FIT's arguments read and checked on Excel's side, ready to be sent to the worker as a plain FitJob. Only
// cheap work happens here (the ids, the options, error values); the History range itself is read by
// fitFromSheet in the worker, which names every bad row and column.

import { trimRange } from "../sheet/cells";
import { isPeriodHeader } from "../sheet/periodHistory";
import { originOf } from "../sheet/address";
import { SheetInputError } from "../sheet/sheetProblem";
import type { FitJob } from "../worker/jobs";
import { readFitOptions } from "./fitOptions";
import { invalidInput } from "./functionError";
import { readProductIds } from "../sheet/productIds";
import { rangeCells } from "./rangeCells";

export interface FitArguments {
  history: unknown[][] | null;
  products: unknown[][] | null;
  options: unknown[][] | null;
  addresses: { history?: string; products?: string; options?: string };
}

/**
 * Which columns may hold a real 0. Transactions: none (a blank Purchased is a customer who left, a blank Count
 * is 1). Per-period sales: the four the layout needs (week 0, Available 0 = FALSE, 0 units sold); elsewhere,
 * that is Customers, a 0 is a blank cell (the period's count given on one of its rows).
 */
function zeroIsBlank(header: readonly unknown[]): (column: number) => boolean {
  if (!isPeriodHeader(header)) return () => true;
  const needed = header.map((_, c) => !isPeriodHeader(header.filter((__, k) => k !== c)));
  return (c) => !needed[c];
}

export function prepareFit(args: FitArguments): FitJob {
  const ids =
    args.products === null || args.products === undefined || rangeIsEmpty(args.products)
      ? undefined
      : readProductIds(args.products, originOf(args.addresses.products)).ids;
  const { settings, problems } = readFitOptions(args.options, originOf(args.addresses.options));
  if (problems.length > 0) throw new SheetInputError(problems);
  const origin = originOf(args.addresses.history);
  const header = Array.isArray(args.history) && Array.isArray(args.history[0]) ? args.history[0] : [];
  const { cells, errors } = rangeCells(args.history, "History", origin, zeroIsBlank(header));
  if (errors.length > 0) throw invalidInput(errors);
  return { kind: "fit", history: cells, productIds: ids, firstRow: origin?.row ?? 1, ...settings };
}

/** An omitted optional range may also arrive as a single blank (or 0) cell. */
function rangeIsEmpty(cells: unknown[][]): boolean {
  return trimRange(cells).length === 0;
}
