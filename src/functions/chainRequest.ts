// CHAIN's arguments read and checked on Excel's side (ids, options, error values), ready for the worker as
// a plain ChainJob; the Model range itself is read there by chainFromSheet, which names every bad row.

import { originOf } from "../sheet/address";
import { headerKey } from "../sheet/history";
import { readProductIds } from "../sheet/productIds";
import { SheetInputError } from "../sheet/sheetProblem";
import type { ChainJob } from "../worker/jobs";
import { readChainOptions } from "./chainOptions";
import { invalidInput } from "./functionError";
import { rangeCells } from "./rangeCells";

export interface ChainArguments {
  products: unknown[][] | null;
  model: unknown[][] | null;
  options: unknown[][] | null;
  addresses: { products?: string; model?: string; options?: string };
}

export function prepareChain(args: ChainArguments): ChainJob {
  const ids = readProductIds(args.products, originOf(args.addresses.products)).ids;
  const { settings, problems } = readChainOptions(args.options, originOf(args.addresses.options));
  if (problems.length > 0) throw new SheetInputError(problems);
  const origin = originOf(args.addresses.model);
  // A 0 in Weight or Share is a real 0 (a product nobody picks); elsewhere it is a blank cell Excel sent as 0.
  const header = Array.isArray(args.model) && Array.isArray(args.model[0]) ? args.model[0] : [];
  const keepsZero = header.map((h) => ["weight", "utility", "attraction", "share"].includes(headerKey(h)));
  const { cells, errors } = rangeCells(args.model, "Model", origin, (c) => !keepsZero[c]);
  if (errors.length > 0) throw invalidInput(errors);
  return { kind: "chain", productIds: ids, model: cells, firstRow: origin?.row ?? 1, settings };
}
