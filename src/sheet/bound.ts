// The bound shown next to every result: the same fluid LP bound the optimiser reports (model.md §4), with
// the budget and capacity priced in when the instance has them. Rules it leaves out (maxProducts, mustOffer,
// min/max, packs) keep it valid but looser, and the label says so, because a bound that silently ignored a
// rule would read as a promise.

import type { FluidSolution } from "../engine/fluidBound";
import type { Model } from "../engine/instance";
import { limitedFluid } from "../engine/limitedFluid";
import type { PlanBound } from "../engine/optimizeTypes";

export interface SheetBound extends PlanBound {
  /** The fluid solution at the bound's prices: its sales form the fluid assortment. */
  fluid: FluidSolution;
}

export function sheetBound(model: Model): SheetBound {
  const lf = limitedFluid(model);
  const priced: string[] = [];
  if (model.constraints.budget !== null) priced.push("budget");
  if (model.constraints.capacity !== null) priced.push("capacity");
  let label = "fluid LP bound" + (priced.length ? ` with the ${priced.join(" and ")}` : "");
  if (lf.ignored.length) label += `; ignores ${lf.ignored.join(", ")} (still valid, may be loose)`;
  return { value: lf.value, kind: "fluid", ignoredConstraints: lf.ignored, label, fluid: lf.fluid };
}

/** The bound's one-line description, for the note beside its value. */
export function describeBound(bound: PlanBound): string {
  return bound.label || "fluid LP bound";
}
