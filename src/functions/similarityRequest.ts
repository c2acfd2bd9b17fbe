// SIMILARITY's arguments read and checked on Excel's side, ready to be sent to the worker as a plain
// SimilarityJob (comparing every pair of products takes seconds for thousands of them). The Attributes range
// itself is read by similarityFromSheet in the worker, which names every bad row and column.

import { excelError, isBlankOrZero, plain, trimRange } from "../sheet/cells";
import { originOf } from "../sheet/address";
import type { SimilarityJob } from "../worker/jobs";
import { invalidInput } from "./functionError";
import { readProductIds } from "../sheet/productIds";
import { rangeCells } from "./rangeCells";

export interface SimilarityArguments {
  products: unknown[][] | null;
  attributes: unknown[][] | null;
  /** A range, or a number typed in the formula (Excel usually wraps it as [[x]]). */
  strength: unknown[][] | number | null;
  addresses: { products?: string; attributes?: string };
}

/**
 * The [Strength] argument: one cell or number; blank or 0 keeps the default (a blank cell reaches a function as
 * 0, and a strength of 0 would make no substitution at all).
 */
function strengthOf(raw: unknown[][] | number | null): { value?: unknown; error?: string } {
  const cells = trimRange(Array.isArray(raw) ? raw : [[raw]]);
  if (cells.length === 0) return {};
  if (cells.length > 1 || cells[0].length > 1)
    return {
      error:
        "Strength: give one number from 0 to 1 (the share of customers who accept a substitute), or a Strength column in Attributes for one per product",
    };
  const v = cells[0][0];
  const err = excelError(v);
  if (err) return { error: `Strength: holds the Excel error ${err}; fix the formula or the data it refers to` };
  return isBlankOrZero(v) ? {} : { value: plain(v) };
}

export function prepareSimilarity(args: SimilarityArguments): SimilarityJob {
  const ids = readProductIds(args.products, originOf(args.addresses.products)).ids;
  const origin = originOf(args.addresses.attributes);
  // Attribute values, weights and strengths: a 0 is a blank cell (see docs/substitution.md: type '0 to mean zero).
  const { cells, errors } = rangeCells(args.attributes, "Attributes", origin, () => true);
  const strength = strengthOf(args.strength);
  if (strength.error) errors.push(strength.error);
  if (errors.length > 0) throw invalidInput(errors);
  return {
    kind: "similarity",
    productIds: ids,
    attributes: cells,
    firstRow: origin?.row ?? 1,
    strength: strength.value,
  };
}
