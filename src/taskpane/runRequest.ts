// What the Optimize button sends to the worker: the inputs read from the sheet with the pane's parameters
// laid over them. When a parameter changes the instance it is validated as a whole (a budget typed in the
// pane can make the must-offer products unaffordable, which only the combined check sees); otherwise the
// sheet's model, validated once when the ranges were read, goes as it is.

import { InputError, checkRulesFeasible, validateInstance } from "../engine";
import type { InstanceInput, Model, OptimizeOptions } from "../engine";
import type { SheetInstance } from "../sheet/sheetInstance";
import type { Overrides } from "./parameters";

export interface RunRequest {
  input: InstanceInput;
  model: Model;
  options: OptimizeOptions;
}

export function runRequest(sheet: SheetInstance, o: Overrides): { request?: RunRequest; problems: string[] } {
  const input: InstanceInput = { ...sheet.input };
  if (o.distribution) input.customers = { ...sheet.input.customers, distribution: o.distribution };
  if (o.budget !== undefined || o.maxProducts !== undefined) {
    input.constraints = { ...sheet.input.constraints };
    if (o.budget !== undefined) input.constraints.budget = o.budget;
    if (o.maxProducts !== undefined) input.constraints.maxProducts = o.maxProducts;
  }
  const options: OptimizeOptions = { ...sheet.options.optimize, ...o.optimize };
  // Nothing laid over the sheet's instance: it was validated and its rules checked when it was read.
  if (!o.distribution && o.budget === undefined && o.maxProducts === undefined)
    return { request: { input, model: sheet.model, options }, problems: [] };
  try {
    const model = validateInstance(input);
    checkRulesFeasible(model);
    return { request: { input, model, options }, problems: [] };
  } catch (err) {
    if (err instanceof InputError) return { problems: err.problems.map((p) => p.message) };
    throw err;
  }
}
