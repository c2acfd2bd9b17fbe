// The decisions behind the pane's "Substitution from a model" that need no browser: the worker's chain job
// built from the Products and Model ranges (the Model's sheet row, so messages name the row the user sees),
// and the figures shown once the chain is back.

import { originOf } from "../sheet/address";
import type { SheetChain } from "../sheet/chainSheet";
import { readProductIds } from "../sheet/productIds";
import { SheetInputError } from "../sheet/sheetProblem";
import type { ChainJob } from "../worker/jobs";

/**
 * The line under the bar while converting: the worker's latest stage (its EM iteration while fitting) and
 * the seconds so far, so a long fit visibly moves.
 */
export function conversionStage(stage: string | undefined, seconds: number): string {
  return `${stage ?? "Converting the model to a chain"} (${Math.round(seconds)} s)…`;
}

/** The worker job for a Model range, or the messages that stop it (naming the range, row and column). */
export function modelJob(
  products: { address?: string; values?: unknown[][] },
  model: { address: string; values: unknown[][] },
  seed: string,
): { job?: ChainJob; problems: string[] } {
  if (!products.values)
    return { problems: ["Products: not found; the model's ids must be those of the Products range."] };
  let ids: string[];
  try {
    ids = readProductIds(products.values, originOf(products.address)).ids;
  } catch (err) {
    if (err instanceof SheetInputError) return { problems: err.problems.map((p) => p.message) };
    throw err;
  }
  if (model.values.length < 2)
    return { problems: [`Model (${model.address}): a header row and at least one row below it are needed.`] };
  const s = seed.trim();
  const settings: ChainJob["settings"] = { route: "auto" };
  if (s !== "") settings.seed = Number.isFinite(Number(s)) ? Number(s) : s;
  return {
    job: { kind: "chain", productIds: ids, model: model.values, firstRow: originOf(model.address)?.row ?? 1, settings },
    problems: [],
  };
}

const ROUTE_WORDS = {
  exact: "exact (the model is itself a chain)",
  fitted: "maximum likelihood on the model's choice probabilities",
  removal: "one-removal construction",
  "": "",
} as const;

function percent(x: number): string {
  return `${(100 * x).toFixed(x < 0.001 ? 2 : 1)}%`;
}

/** The figures shown under the control: label, value and an optional note. */
export function fidelityRows(chain: SheetChain): [string, string, string][] {
  const route = chain.route === "fitted" ? `${ROUTE_WORDS.fitted} (${chain.fittedSets} offered sets)` : "";
  const rows: [string, string, string][] = [
    ["Model", chain.model, ""],
    ["Route", route || ROUTE_WORDS[chain.route], ""],
    ["Links", chain.links.length.toLocaleString("en-US"), ""],
  ];
  const f = chain.fidelity;
  if (f) {
    rows.push(
      ["Mean TV distance", percent(f.meanTv), `on ${f.sets} ranges the chain was not fitted on`],
      ["Worst TV distance", percent(f.maxTv), ""],
      ["Verdict", f.verdict, ""],
    );
  }
  for (const note of chain.notes) rows.push(["Note", note, ""]);
  return rows;
}
