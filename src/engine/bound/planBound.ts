// The bound every surface shows beside a plan: the fluid LP (docs/model.md §4) with the budget and capacity
// priced in when the instance has them (limitedFluid.ts), and a label that names the rules it leaves out,
// because a bound that silently ignored a rule would read as a promise.

import type { FluidSolution } from "./fluidBound";
import type { Model } from "../model/instance";
import { limitedFluid, type LimitedFluid } from "./limitedFluid";
import type { PlanBound } from "../optimize/optimizeTypes";

export interface PlanBoundWithFluid extends PlanBound {
  /** The fluid solution at the bound's prices: its sales form the fluid assortment. */
  fluid: FluidSolution;
  /** The prices found for the budget and capacity (0 when absent). */
  budgetPrice: number;
  capacityPrice: number;
}

export function boundLabel(model: Model, ignored: string[]): string {
  const priced: string[] = [];
  if (model.constraints.budget !== null) priced.push("budget");
  if (model.constraints.capacity !== null) priced.push("capacity");
  let label = "fluid LP bound" + (priced.length ? ` with the ${priced.join(" and ")}` : "");
  if (ignored.length) label += `; ignores ${ignored.join(", ")} (still valid, may be loose)`;
  return label;
}

export function planBound(model: Model, lf: LimitedFluid = limitedFluid(model)): PlanBoundWithFluid {
  return {
    value: lf.value,
    kind: "fluid",
    ignoredConstraints: lf.ignored,
    label: boundLabel(model, lf.ignored),
    fluid: lf.fluid,
    budgetPrice: lf.budgetPrice,
    capacityPrice: lf.capacityPrice,
  };
}
