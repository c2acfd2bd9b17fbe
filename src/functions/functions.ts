/// <reference types="custom-functions-runtime" />
// The ASSORT custom functions. Each is a thin wrapper: read the ranges with src/sheet (the same layouts as the
// task pane and the CLI), run the engine (long work in the Web Worker), return a rectangular 2-D array that
// spills. Metadata (functions.json) is generated from these JSDoc blocks by custom-functions-metadata-plugin,
// which also adds the CustomFunctions.associate calls; keep them top-level `function` declarations with
// literal `unknown[][]` types (aliases and arrow functions are not picked up), each body run by `inCell`
// (functionError.ts) so every failure reaches the cell the same way. Omitted optional arguments arrive as null.
// These functions only read: results are returned, never written to cells.

import { DEFAULT_TIME_LIMIT_MS } from "../engine";
import { evaluationTable } from "../sheet/evaluationTable";
import { planTable } from "../sheet/planTable";
import { boundTable } from "../sheet/boundTable";
import type { SheetInputs } from "../sheet/sheetInstance";
import {
  prepareBound,
  prepareChoice,
  prepareEvaluate,
  prepareOptimize,
  substitutionFromSheet,
} from "../sheet/requests";
import { JobTimedOut, TIMEOUT_MARGIN_MS } from "../worker/client";
import type { Job, JobResult } from "../worker/jobs";
import { engineClient } from "../worker/sharedClient";
import { prepareChain } from "./chainRequest";
import { chainTable } from "./chainTable";
import { prepareFit } from "./fitRequest";
import { fitTable } from "./fitTable";
import { inCell, invalidInput } from "./functionError";
import { fitsExcel } from "./payload";
import { prepareSimilarity } from "./similarityRequest";
import { similarityTable } from "./similarityTable";
import { readSweepRule, readSweepValues } from "../sheet/sweepRequest";
import { sweepCells } from "../sheet/sweepTable";
import { wholeColumnProblems } from "./wholeColumns";

/** BOUND and CHOICE take well under a second on thousands of products; this only guards against a hang. */
const QUICK_JOB_TIMEOUT_MS = 120000;
/** EM takes seconds to a minute on big histories (docs/substitution.md); beyond this it is stuck. */
const FIT_TIMEOUT_MS = 600000;

/** The arguments' addresses; a whole-column argument stops the call with #VALUE! and a hint (wholeColumns.ts). */
function addresses(
  invocation: CustomFunctions.Invocation | null | undefined,
  ranges: Record<string, unknown>,
): (string | undefined)[] {
  const at = invocation?.parameterAddresses ?? [];
  const problems = wholeColumnProblems(ranges, at);
  if (problems.length > 0) throw invalidInput(problems);
  return at;
}

/** The Products, Substitution and Options arguments as src/sheet reads them, with their addresses in that order. */
function sheetInputs(
  products: unknown[][],
  substitution: unknown[][],
  options: unknown[][],
  [productsAt, substitutionAt, optionsAt]: readonly (string | undefined)[],
): SheetInputs {
  return {
    products,
    substitution,
    options,
    addresses: { products: productsAt, substitution: substitutionAt, options: optionsAt },
  };
}

/** Runs a job in the worker, where Excel's cancel of the calculation reaches it. */
function inWorker<J extends Job>(
  job: J,
  timeoutMs: number,
  invocation: CustomFunctions.CancelableInvocation,
): Promise<JobResult<J>> {
  const handle = engineClient().submit(job, { timeoutMs });
  invocation.onCanceled = () => handle.cancel();
  return handle.result;
}

/** A long job that ran out of time says what to change, not only that it stopped. */
function timedOut(what: string, advice: string): (err: unknown) => never {
  return (err) => {
    if (!(err instanceof JobTimedOut)) throw err;
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      `${what} did not finish within ${Math.round(err.timeoutMs / 1000)} s and was stopped; ${advice}.`,
    );
  };
}

/** A table of substitution links, or a message saying how to get fewer when Excel cannot take them back. */
function spillLinks(table: unknown[][], links: number, what: string, advice: string): unknown[][] {
  if (fitsExcel(table)) return table;
  throw invalidInput([
    `${what} has ${links.toLocaleString("en-US")} substitution links, more than Excel takes back from a function; ${advice}`,
  ]);
}

/**
 * Chooses which products to carry and how many units of each, maximising expected profit when customers substitute.
 * Spills a plan (Product, Carry, Units, Expected sales, Stock-out risk, Decision reason) and a summary: expected profit ± 95% interval, upper bound, realistic ceiling ± standard error, % of the tighter bound.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/optimize.html
 * @requiresParameterAddresses
 * @param products Products range with a header row: Product, Price, Cost, Demand (optional: Salvage, Min, Max, Pack, Must offer, Exclude, Size, Name).
 * @param substitution Substitution: a matrix with product ids as first row and column, or From, To, Probability rows. Leave empty for none.
 * @param [options] Options: two columns Name, Value (customers, cv, budget, capacity, maxProducts, method, seed, time limit).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The plan table and its summary.
 */
export async function optimize(
  products: unknown[][],
  substitution: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const at = addresses(invocation, { Products: products, Substitution: substitution, Options: options });
    const req = prepareOptimize(sheetInputs(products, substitution, options, at));
    const limit = req.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    const result = await inWorker(
      { kind: "optimize", model: req.sheet.model, options: req.options },
      2 * limit + TIMEOUT_MARGIN_MS,
      invocation,
    );
    return planTable(req.sheet.model, result);
  });
}

/**
 * Simulates a plan you typed or edited: expected profit with its 95% interval, per-product expected sales, leftovers and stock-out risk.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/evaluate.html
 * @requiresParameterAddresses
 * @param products Products range with a header row (Product, Price, Cost, Demand, ...); may hold a Units column.
 * @param substitution Substitution matrix or From, To, Probability rows. Leave empty for none.
 * @param [units] Units per product: a column in the order of the products, or a table with Product and Units columns (OPTIMIZE's output works). Omit to use the Units column of Products.
 * @param [options] Options: two columns Name, Value (customers, cv, budget, capacity, maxProducts, seed, precision).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns Per-product outcomes and a summary.
 */
export async function evaluate(
  products: unknown[][],
  substitution: unknown[][],
  units: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const [pAt, sAt, uAt, oAt] = addresses(invocation, {
      Products: products,
      Substitution: substitution,
      Units: units,
      Options: options,
    });
    const req = prepareEvaluate({
      ...sheetInputs(products, substitution, options, [pAt, sAt, oAt]),
      units,
      unitsAddress: uAt,
    });
    const outcome = await inWorker(
      {
        kind: "evaluate",
        model: req.sheet.model,
        units: Array.from(req.units),
        seed: req.seed,
        targetRelativeError: req.targetRelativeError,
      },
      DEFAULT_TIME_LIMIT_MS + TIMEOUT_MARGIN_MS,
      invocation,
    );
    return evaluationTable(req.sheet.model, req.units, outcome.simulation, outcome.bound, req.seed, req.warnings);
  });
}

/**
 * The upper bound on expected profit (fluid LP): no plan can expect more; then the realistic ceiling (SAA bound on sampled seasons) ± standard error. Spills the bounds, what they assume, and the fluid assortment.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/bound.html
 * @requiresParameterAddresses
 * @param products Products range with a header row: Product, Price, Cost, Demand, ...
 * @param substitution Substitution matrix or From, To, Probability rows. Leave empty for none.
 * @param [options] Options (budget and capacity tighten the bound).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The bound (first row, second column) and the fluid assortment.
 */
export async function bound(
  products: unknown[][],
  substitution: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const at = addresses(invocation, { Products: products, Substitution: substitution, Options: options });
    const sheet = prepareBound(sheetInputs(products, substitution, options, at));
    return boundTable(
      sheet.model,
      await inWorker({ kind: "bound", model: sheet.model }, QUICK_JOB_TIMEOUT_MS, invocation),
    );
  });
}

/**
 * Purchase probabilities when only some products are available, and where the unavailable products' customers go.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/choice.html
 * @requiresParameterAddresses
 * @param products Products range with a header row: Product, Price, Cost, Demand, ...
 * @param substitution Substitution matrix or From, To, Probability rows.
 * @param [available] Which products can be bought: a yes/no cell per product (in Products order) or a list of ids. Omit for all.
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns Per product: available, first-choice share, purchase probability, expected customers, demand kept if unavailable.
 */
export async function choice(
  products: unknown[][],
  substitution: unknown[][],
  available: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const [pAt, sAt] = addresses(invocation, { Products: products, Substitution: substitution, Available: available });
    const req = prepareChoice({ products, substitution, available, addresses: { products: pAt, substitution: sAt } });
    return inWorker(
      { kind: "choice", model: req.sheet.model, available: Array.from(req.available) },
      QUICK_JOB_TIMEOUT_MS,
      invocation,
    );
  });
}

/**
 * A substitution matrix from MNL attraction weights, to start when you have no substitution data. Use its output as the Substitution argument.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/substitution.html
 * @requiresParameterAddresses
 * @param products Products range with a header row; only the Product column is needed (and Demand when weights is one number).
 * @param weights Two columns, product id and weight, with a "No purchase" row; or one number, the no-purchase weight, with products weighted by Demand.
 * @param invocation Supplied by Excel: the ranges' addresses, for messages.
 * @returns The matrix: ids across the first row and down the first column.
 */
export function substitution(
  products: unknown[][],
  weights: unknown[][],
  invocation: CustomFunctions.Invocation,
): unknown[][] {
  return inCell(() => {
    const [pAt, wAt] = addresses(invocation, { Products: products, Weights: weights });
    return substitutionFromSheet(products, weights, { products: pAt, weights: wAt });
  });
}

/**
 * Estimates substitution and first-choice shares from sales history with stock-outs (EM). Columns 1-3 spill the Substitution list (From, To, Probability) to give OPTIMIZE; after a blank column: shares, fit figures and warnings.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/fit.html
 * @requiresParameterAddresses
 * @param history History with a header row: Offered (ids separated by ;), Purchased (blank = no purchase), optional Count; or per-period sales: Period, Product, Available, Sales, optional Customers.
 * @param [products] Products range with a Product column: the ids the history must use, in the order of the output. Omit to take the ids from the history.
 * @param [options] Options: two columns Name, Value (max iterations, tolerance, min probability).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The From, To, Probability list, then the shares and the fit's summary.
 */
export async function fit(
  history: unknown[][],
  products: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const [hAt, pAt, oAt] = addresses(invocation, { History: history, Products: products, Options: options });
    const job = prepareFit({ history, products, options, addresses: { history: hAt, products: pAt, options: oAt } });
    const result = await inWorker(job, FIT_TIMEOUT_MS, invocation).catch(
      timedOut(
        "The estimate",
        "lower max iterations in Options, fit fewer products at a time, or run assort fit on the command line",
      ),
    );
    if (result.problems.length > 0) throw invalidInput(result.problems.map((p) => p.message));
    return spillLinks(
      fitTable(result),
      result.links.length,
      "History: the estimate",
      "raise min probability in Options (e.g. 0.01) or fit fewer products at a time (for example one category)",
    );
  });
}

/**
 * A substitution matrix from product attributes (category, colour, size, price band, ...): customers who accept a substitute go to the most similar products. Use its output as the Substitution argument.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/similarity.html
 * @requiresParameterAddresses
 * @param products Products range with a header row; only the Product column is needed.
 * @param attributes Attributes with a header row: Product, then one column per attribute (Category, Colour, Size, ...); optional Strength column and Weight row.
 * @param [strength] Share of customers who accept a substitute, 0 to 1 (default 0.5); a Strength column in Attributes overrides it per product.
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The matrix (ids across the first row and down the first column); beyond 500 products, a From, To, Probability list.
 */
export async function similarity(
  products: unknown[][],
  attributes: unknown[][],
  strength: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const [pAt, aAt] = addresses(invocation, { Products: products, Attributes: attributes, Strength: strength });
    const req = prepareSimilarity({ products, attributes, strength, addresses: { products: pAt, attributes: aAt } });
    const result = await inWorker(req, QUICK_JOB_TIMEOUT_MS, invocation);
    if (result.problems.length > 0) throw invalidInput(result.problems.map((p) => p.message));
    return similarityTable(req.productIds, result);
  });
}

/**
 * Turns a choice model (customer rankings, MNL, nested or mixed logit) into the substitution chain OPTIMIZE plans with, by the best route (exact for MNL, else maximum likelihood on the model's exact choice probabilities). Columns 1-3 spill the Substitution list (From, To, Probability); after a blank column: first-choice shares (and Demand), the route and how closely the chain reproduces the model.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/chain.html
 * @requiresParameterAddresses
 * @param products Products range with a header row; only the Product column is needed.
 * @param model Model with a header row: Type, Weight, Ranking (ids best first, separated by >) for customer types; or Product, Weight with a No purchase row for MNL (add Nest, Dissimilarity for nested logit; Class, Share for mixed logit).
 * @param [options] Options: two columns Name, Value (route: auto, fitted, removal, exact; customers: the season's expected customers, for Demand; seed).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The From, To, Probability list, then the shares, the route and the fidelity figures.
 */
export async function chain(
  products: unknown[][],
  model: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const [pAt, mAt, oAt] = addresses(invocation, { Products: products, Model: model, Options: options });
    const req = prepareChain({ products, model, options, addresses: { products: pAt, model: mAt, options: oAt } });
    const result = await inWorker(req, FIT_TIMEOUT_MS, invocation).catch(
      timedOut(
        "The conversion",
        "use route removal in Options, convert fewer products at a time, or run assort chain on the command line",
      ),
    );
    if (result.problems.length > 0) throw invalidInput(result.problems.map((p) => p.message));
    return spillLinks(
      chainTable(result),
      result.links.length,
      "Model: the chain",
      "convert fewer products at a time (for example one category)",
    );
  });
}

/**
 * Profit against one rule: for each value of the budget, the capacity or the product limit, the best plan (solved from its neighbour's), all judged on the same seasons. Spills one row per point: the value, expected profit and its 95% interval, upper bound, products, units, buy cost, gross margin, fill rate, marginal profit per unit of the rule.
 * @customfunction
 * @helpurl https://localhost:3000/help/functions/sweep.html
 * @requiresParameterAddresses
 * @param products Products range with a header row: Product, Price, Cost, Demand (optional columns as in OPTIMIZE).
 * @param substitution Substitution: a matrix or From, To, Probability rows. Leave empty for none.
 * @param rule The rule to sweep: "budget", "capacity" or "maxProducts".
 * @param values The rule's values: a column or row of 2 to 50 numbers, e.g. {40000;60000;80000}.
 * @param [options] Options: two columns Name, Value (the other rules, customers, cv, method, seed, time limit for each point).
 * @param invocation Supplied by Excel: lets Excel cancel the calculation.
 * @returns The table of points.
 */
export async function sweep(
  products: unknown[][],
  substitution: unknown[][],
  rule: unknown[][],
  values: unknown[][],
  options: unknown[][],
  invocation: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  return inCell(async () => {
    const swept = readSweepRule(Array.isArray(rule) ? rule[0]?.[0] : rule);
    const points = readSweepValues(swept, values as never);
    const at = addresses(invocation, {
      Products: products,
      Substitution: substitution,
      Rule: rule,
      Values: values,
      Options: options,
    });
    const req = prepareOptimize(sheetInputs(products, substitution, options, [at[0], at[1], at[4]]));
    // The Options time limit is per point, as for OPTIMIZE; the sweep's cap is their sum.
    const limit = (req.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) * points.length;
    const result = await inWorker(
      {
        kind: "sweep",
        model: req.sheet.model,
        rule: swept,
        values: points,
        options: { ...req.options, timeLimitMs: limit },
      },
      2 * limit + TIMEOUT_MARGIN_MS,
      invocation,
    );
    return sweepCells(result);
  });
}
