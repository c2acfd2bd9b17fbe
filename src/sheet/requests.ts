// Each ASSORT function's sheet-side work, shared by the custom functions and the task pane: read and check
// the ranges (throwing one SheetInputError with every problem), and for the quick answers (BOUND, CHOICE,
// SUBSTITUTION) compute the table. OPTIMIZE and EVALUATE stop at a plain job for the worker.

import { DEFAULT_SEED, mnlToMarkovChain, planWarnings } from "../engine";
import type { InstanceInput, Model, OptimizeOptions } from "../engine";
import { readAvailable } from "./available";
import { sheetBoundWithCeiling, type SheetBound } from "./bound";
import { boundTable } from "./boundTable";
import type { Cells } from "./cells";
import { choiceTable } from "./choiceTable";
import { originOf } from "./address";
import { readProductIds } from "./productIds";
import { relocateProductProblem } from "./relocate";
import { readSheetInstance, sortProblems, type SheetInputs, type SheetInstance } from "./sheetInstance";
import { SheetInputError, type SheetProblem } from "./sheetProblem";
import { substitutionTable } from "./substitutionTable";
import { readUnits } from "./units";
import { readWeights } from "./weights";

export interface OptimizeRequest {
  sheet: SheetInstance;
  input: InstanceInput;
  options: OptimizeOptions;
}

export function prepareOptimize(inputs: SheetInputs): OptimizeRequest {
  const sheet = readSheetInstance({ ...inputs, checkRules: true });
  return { sheet, input: sheet.input, options: sheet.options.optimize };
}

export interface EvaluateRequest {
  sheet: SheetInstance;
  input: InstanceInput;
  units: Int32Array;
  seed: number | string;
  targetRelativeError?: number;
  /** Rules the plan breaks (budget, min, ...), as sentences: evaluating such a plan is still useful. */
  warnings: string[];
}

/** (N + 1)² numbers must fit Excel's 5 MB custom-function payload (docs/office.md §2.5), with room to spare. */
export const MAX_MATRIX_PRODUCTS = 500;

export function prepareEvaluate(
  inputs: SheetInputs & { units?: Cells | null; unitsAddress?: string | null },
): EvaluateRequest {
  let sheet: SheetInstance | undefined;
  const problems: SheetProblem[] = [];
  try {
    sheet = readSheetInstance(inputs);
  } catch (err) {
    if (!(err instanceof SheetInputError)) throw err;
    problems.push(...err.problems);
  }
  if (!sheet) throw new SheetInputError(problems);
  const { units, problems: unitProblems } = readUnits(
    inputs.units,
    sheet.products,
    sheet.model.ids,
    originOf(inputs.unitsAddress),
  );
  if (unitProblems.length > 0) throw new SheetInputError(sortProblems(unitProblems));
  const ruleWarnings = planWarnings(sheet.model, units).map(
    (p) => relocateProductProblem(p, sheet.products)?.message ?? p.message,
  );
  const o = sheet.options.optimize;
  return {
    sheet,
    input: sheet.input,
    units,
    seed: o.seed ?? DEFAULT_SEED,
    targetRelativeError: o.targetRelativeError,
    warnings: [...sheet.warnings, ...ruleWarnings],
  };
}

/** BOUND's inputs, checked; the bound itself is computed by boundFromSheet or in the worker. */
export function prepareBound(inputs: SheetInputs): SheetInstance {
  return readSheetInstance(inputs);
}

export function boundFromSheet(inputs: SheetInputs): { model: Model; bound: SheetBound; table: unknown[][] } {
  const { model } = prepareBound(inputs);
  const bound = sheetBoundWithCeiling(model);
  return { model, bound, table: boundTable(model, bound) };
}

export interface ChoiceRequest {
  sheet: SheetInstance;
  input: InstanceInput;
  available: Uint8Array;
}

export function prepareChoice(
  inputs: SheetInputs & { available?: Cells | null; availableAddress?: string | null },
): ChoiceRequest {
  const sheet = readSheetInstance(inputs);
  const { available, problems } = readAvailable(inputs.available, sheet.model.ids);
  if (problems.length > 0) throw new SheetInputError(problems);
  return { sheet, input: sheet.input, available };
}

export function choiceFromSheet(inputs: SheetInputs & { available?: Cells | null }): unknown[][] {
  const { sheet, available } = prepareChoice(inputs);
  return choiceTable(sheet.model, available);
}

export function substitutionFromSheet(
  products: Cells | null | undefined,
  weights: Cells | number | null | undefined,
  addresses: { products?: string | null; weights?: string | null } = {},
): unknown[][] {
  const { ids, sheet } = readProductIds(products, originOf(addresses.products));
  if (ids.length > MAX_MATRIX_PRODUCTS) {
    const cells = (ids.length + 1) ** 2;
    throw new SheetInputError([
      {
        range: "Products",
        message: `Products: ${ids.length} products would make a ${ids.length + 1} × ${ids.length + 1} matrix (${cells.toLocaleString("en-US")} cells), more than Excel takes back from a function; build the matrix for at most ${MAX_MATRIX_PRODUCTS} products at a time (for example one category).`,
      },
    ]);
  }
  const raw = typeof weights === "number" ? [[weights]] : weights;
  const w = readWeights(raw, sheet.products, sheet.rows, ids, originOf(addresses.weights));
  if (w.problems.length > 0) throw new SheetInputError(sortProblems(w.problems));
  const chain = mnlToMarkovChain(w.weights, w.noPurchase);
  return substitutionTable(ids, chain.rho);
}
