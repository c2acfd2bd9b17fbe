// The "realistic ceiling" every surface shows beside the fluid bound: the stochastic (SAA) bound of
// docs/model.md §4 (stochasticBound.ts) at the fluid bound's prices for the budget and capacity, sized to a work
// budget so that it fits the run's time. The work is counted, not timed, so the same inputs give the same
// figure on any machine: more seasons when the catalogue is small, fewer when it is large, and past that a
// subset of the substitution graph's components (the largest first; the rest count at their fluid bound,
// which keeps the sum a valid bound). A wall-clock guard only cuts a run that is far slower than expected,
// and the label then says so. Every figure is a dual value of the SAA LP: a bound, never a plan's profit.

import type { Model } from "../model/instance";
import { limitedFluid, type LimitedFluid } from "./limitedFluid";
import type { PlanBound, PlanCeiling } from "../optimize/optimizeTypes";
import { planBound, type PlanBoundWithFluid } from "./planBound";
import { componentFluid, stochasticBound } from "./stochasticBound";
import { substitutionComponents } from "./substitutionComponents";

/** Work units (links + products, per season, per dual iteration) one millisecond buys on one idle core. */
export const CEILING_WORK_PER_MS = 4000;
/** Default share of the run's time limit, and its cap. */
export const CEILING_SHARE = 0.15;
export const CEILING_MAX_MS = 3000;
const MIN_SEASONS = 10;
const MAX_SEASONS = 50;
const ITERATIONS = 100;

export interface CeilingOptions {
  /** Intended time in ms (the work budget); 0 skips the ceiling. */
  timeMs: number;
  seed: number | string;
  /** Wall-clock guard: stop when this returns true (the figure stays a valid bound). */
  shouldStop?: () => boolean;
}

/** Default time for the ceiling from the run's time limit. */
export function ceilingTimeMs(timeLimitMs: number): number {
  return Math.min(CEILING_MAX_MS, CEILING_SHARE * timeLimitMs);
}

export function realisticCeiling(model: Model, lf: LimitedFluid, options: CeilingOptions): PlanCeiling | undefined {
  if (!(options.timeMs > 0)) return undefined;
  const comps = substitutionComponents(model.substitution, model.n);
  const work = comps.map((c) => c.substitution.col.length + 3 * c.members.length);
  const total = work.reduce((a, b) => a + b, 0);
  const budget = options.timeMs * CEILING_WORK_PER_MS;
  const seasons = Math.max(MIN_SEASONS, Math.min(MAX_SEASONS, Math.floor(budget / (ITERATIONS * Math.max(1, total)))));
  // Components by fluid value, largest first (a deterministic order: never one chosen by the sample).
  const lambda = lf.budgetPrice;
  const kappa = lf.capacityPrice;
  const fluidValue = comps.map((c) => componentFluid(model, c, lambda, kappa));
  const order = comps.map((_, c) => c).sort((a, b) => fluidValue[b] - fluidValue[a] || a - b);
  const chosen: number[] = [];
  let used = 0;
  for (const c of order) {
    if (fluidValue[c] <= 0) continue;
    const cost = work[c] * seasons * ITERATIONS;
    if (used + cost > budget && chosen.length > 0) break;
    if (cost > 2 * budget) break;
    chosen.push(c);
    used += cost;
  }
  if (chosen.length === 0) return undefined;
  const sb = stochasticBound(
    model,
    {
      samples: seasons,
      iterations: ITERATIONS,
      seed: `${String(options.seed)}:ceiling`,
      budgetPrice: lambda,
      capacityPrice: kappa,
      components: chosen,
      shouldStop: options.shouldStop,
    },
    comps,
  );
  let covered = 0;
  let all = 0;
  for (let c = 0; c < comps.length; c++) {
    all += Math.max(0, fluidValue[c]);
    if (chosen.includes(c)) covered += Math.max(0, fluidValue[c]);
  }
  const priced: string[] = [];
  if (model.constraints.budget !== null) priced.push("budget");
  if (model.constraints.capacity !== null) priced.push("capacity");
  let label = `SAA bound on ${seasons} sampled seasons, by the Lagrangian dual of the SAA LP`;
  if (priced.length) label += ` with the ${priced.join(" and ")} priced`;
  if (chosen.length < comps.length) {
    const share = all > 0 ? covered / all : 1;
    label += `; computed on ${chosen.length} of ${comps.length} substitution groups (${(100 * share).toFixed(0)}% of the fluid bound), the rest at their fluid bound`;
  }
  if (sb.stopped) label += "; cut short by the time limit (still a valid bound, looser)";
  return {
    value: sb.value,
    stdError: sb.stdError,
    seasons,
    label,
    groupsSolved: chosen.length,
    groupsTotal: comps.length,
  };
}

/** What every surface says beside the ceiling (docs/model.md §4). */
export const CEILING_CAVEAT =
  "still a relaxation: within a season it routes customers in the best order, not as they arrive, so a share well below 100% does not by itself mean the plan can be improved";

/** The tighter of the fluid bound and the ceiling: the one "% of bound" is of. */
export function tighterBound(bound: PlanBound): { value: number; basis: "fluid" | "ceiling" } {
  return bound.ceiling && bound.ceiling.value < bound.value
    ? { value: bound.ceiling.value, basis: "ceiling" }
    : { value: bound.value, basis: "fluid" };
}

/** The plan bound (planBound.ts) with the realistic ceiling, for surfaces that do not run the optimiser. */
export function planBoundWithCeiling(
  model: Model,
  timeMs: number = CEILING_MAX_MS,
  seed: number | string = 1,
): PlanBoundWithFluid {
  const lf = limitedFluid(model);
  const bound = planBound(model, lf);
  const guard = Date.now() + 4 * timeMs;
  const ceiling = realisticCeiling(model, lf, { timeMs, seed, shouldStop: () => Date.now() > guard });
  if (ceiling) bound.ceiling = ceiling;
  return bound;
}
