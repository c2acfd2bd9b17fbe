// The bound shown next to every result: the same fluid LP bound the optimiser reports (docs/model.md §4), with
// the budget and capacity priced in when the instance has them. Rules it leaves out (maxProducts, mustOffer,
// min/max, packs) keep it valid but looser, and the label says so, because a bound that silently ignored a
// rule would read as a promise.

// The realistic ceiling (the SAA bound, docs/bounds.md) comes with it where a job has the time: BOUND and
// EVALUATE in the worker; "% of bound" is then of the tighter of the two, and the rows say which.

import { CEILING_CAVEAT, planBound, planBoundWithCeiling, tighterBound } from "../engine";
import type { Model, PlanBound, PlanBoundWithFluid } from "../engine";
import type { SummaryLine } from "./summaryBlock";

export type SheetBound = PlanBoundWithFluid;

export function sheetBound(model: Model): SheetBound {
  return planBound(model);
}

/** The bound with the realistic ceiling (a few seconds at most; the same figure for the same seed). */
export function sheetBoundWithCeiling(model: Model, seed: number | string = 1): SheetBound {
  return planBoundWithCeiling(model, undefined, seed);
}

/** The ceiling's summary rows (value with what it is, then its standard error and sample count). */
export function ceilingLines(bound: PlanBound): SummaryLine[] {
  const c = bound.ceiling;
  if (!c) return [];
  return [
    ["Realistic ceiling", Number.isFinite(c.value) ? c.value : "", c.label],
    [
      "± standard error",
      Number.isFinite(c.stdError) ? c.stdError : "",
      `${c.seasons} sampled seasons; ${CEILING_CAVEAT}`,
    ],
  ];
}

/** The note beside "% of bound": which bound it is of. */
export function shareNote(bound: PlanBound): string {
  const t = tighterBound(bound);
  return t.basis === "ceiling"
    ? `of the realistic ceiling (the tighter bound); ${bound.value.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 })} fluid bound: no plan can exceed it`
    : "of the fluid bound: no plan can exceed it";
}

/** The bound's one-line description, for the note beside its value. */
export function describeBound(bound: PlanBound): string {
  return bound.label || "fluid LP bound";
}
