// The bound shown next to every result: the same fluid LP bound the optimiser reports (docs/model.md §4), with
// the budget and capacity priced in when the instance has them. Rules it leaves out (maxProducts, mustOffer,
// min/max, packs) keep it valid but looser, and the label says so, because a bound that silently ignored a
// rule would read as a promise.

import { planBound } from "../engine";
import type { Model, PlanBound, PlanBoundWithFluid } from "../engine";

export type SheetBound = PlanBoundWithFluid;

export function sheetBound(model: Model): SheetBound {
  return planBound(model);
}

/** The bound's one-line description, for the note beside its value. */
export function describeBound(bound: PlanBound): string {
  return bound.label || "fluid LP bound";
}
