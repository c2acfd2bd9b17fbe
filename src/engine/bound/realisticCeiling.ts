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
import {
  componentFluid,
  stochasticBound,
  stochasticBoundAsync,
  type DualSolver,
  type StochasticBound,
} from "./stochasticBound";
import { substitutionComponents, type SubstitutionComponent } from "./substitutionComponents";

/**
 * Work units (links + products, per season, per dual iteration) one millisecond buys on one core: about
 * 6,000 measured on the first benchmark machine. It fixes the figure (counted work), not the time: with the
 * soft solves' looser tolerance, on today's machine a unit costs about half that (bench/results/ceiling-cost.md).
 */
export const CEILING_WORK_PER_MS = 6000;
/** Default share of the run's time limit, and its cap. */
export const CEILING_SHARE = 0.15;
export const CEILING_MAX_MS = 1200;
const MIN_SEASONS = 10;
const MAX_SEASONS = 50;
/**
 * Dual steps per group: at least 50 (at N = 1,000 half the steps of 100 leave the bound 0.3% looser for
 * half the work, while pricing a group at its fluid bound instead leaves it 5–7% looser), up to 100 where
 * the budget covers every group.
 */
const MIN_ITERATIONS = 50;
const MAX_ITERATIONS = 100;

export interface CeilingOptions {
  /** Intended time in ms (the work budget); 0 skips the ceiling. */
  timeMs: number;
  seed: number | string;
  /** Wall-clock guard: stop when this returns true (the figure stays a valid bound). */
  shouldStop?: () => boolean;
  /** The same guard as a Date.now() value, which also reaches groups solved on workers. */
  deadline?: number;
}

/** Default time for the ceiling from the run's time limit. */
export function ceilingTimeMs(timeLimitMs: number): number {
  return Math.min(CEILING_MAX_MS, CEILING_SHARE * timeLimitMs);
}

/** What the ceiling will solve: its seasons, the components priced by SAA (the rest at their fluid bound). */
interface CeilingPlan {
  comps: SubstitutionComponent[];
  seasons: number;
  iterations: number;
  chosen: number[];
  fluidValue: number[];
  lambda: number;
  kappa: number;
}

function ceilingPlan(model: Model, lf: LimitedFluid, timeMs: number): CeilingPlan | undefined {
  if (!(timeMs > 0)) return undefined;
  const comps = substitutionComponents(model.substitution, model.n);
  const work = comps.map((c) => c.substitution.col.length + 3 * c.members.length);
  const budget = timeMs * CEILING_WORK_PER_MS;
  // Components by fluid value, largest first (a deterministic order: never one chosen by the sample).
  const lambda = lf.budgetPrice;
  const kappa = lf.capacityPrice;
  const fluidValue = comps.map((c) => componentFluid(model, c, lambda, kappa));
  const order = comps.map((_, c) => c).sort((a, b) => fluidValue[b] - fluidValue[a] || a - b);
  // First as many groups as the least effort per group allows; the gap to the fluid bound is largest there.
  const chosen: number[] = [];
  let used = 0;
  for (const c of order) {
    if (fluidValue[c] <= 0) continue;
    const cost = work[c] * MIN_SEASONS * MIN_ITERATIONS;
    if (used + cost > budget && chosen.length > 0) break;
    if (cost > 2 * budget) break;
    chosen.push(c);
    used += cost;
  }
  if (chosen.length === 0) return undefined;
  // Budget left once every group is in: more dual steps first (closer to the SAA optimum), then more
  // seasons (less upward bias of the sample optimum).
  let iterations = MIN_ITERATIONS;
  let seasons = MIN_SEASONS;
  const solvable = comps.filter((_, c) => fluidValue[c] > 0).length;
  if (chosen.length === solvable) {
    const chosenWork = Math.max(
      1,
      chosen.reduce((a, c) => a + work[c], 0),
    );
    iterations = Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, Math.floor(budget / (MIN_SEASONS * chosenWork))));
    seasons = Math.max(MIN_SEASONS, Math.min(MAX_SEASONS, Math.floor(budget / (iterations * chosenWork))));
  }
  return { comps, seasons, iterations, chosen, fluidValue, lambda, kappa };
}

function boundOptions(plan: CeilingPlan, seed: number | string) {
  return {
    samples: plan.seasons,
    iterations: plan.iterations,
    seed: `${String(seed)}:ceiling`,
    budgetPrice: plan.lambda,
    capacityPrice: plan.kappa,
    components: plan.chosen,
  };
}

function ceilingOf(model: Model, plan: CeilingPlan, sb: StochasticBound): PlanCeiling {
  const { comps, chosen, fluidValue, seasons } = plan;
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

export function realisticCeiling(model: Model, lf: LimitedFluid, options: CeilingOptions): PlanCeiling | undefined {
  const plan = ceilingPlan(model, lf, options.timeMs);
  if (!plan) return undefined;
  const sb = stochasticBound(
    model,
    { ...boundOptions(plan, options.seed), shouldStop: options.shouldStop, deadline: options.deadline },
    plan.comps,
  );
  return ceilingOf(model, plan, sb);
}

export interface CeilingAsyncOptions extends CeilingOptions {
  /** Also solves groups elsewhere (worker threads), at the same time as this thread does. */
  solver?: DualSolver;
  /** Between groups solved here: a turn for the host; true stops (the rest count at their fluid bound). */
  pause?: () => Promise<boolean> | boolean;
  /** After each group solved, with how many of those priced by SAA are done. */
  onGroup?: (done: number, of: number) => void;
  /** False: only on the `solver` (a thread of its own), none here unless it fails. */
  here?: boolean;
}

/**
 * The same ceiling, figure for figure, without holding the thread: its substitution groups are solved here
 * with a turn for the host between groups (so a cancel is seen), and with a `solver` also on its workers.
 */
export async function realisticCeilingAsync(
  model: Model,
  lf: LimitedFluid,
  options: CeilingAsyncOptions,
): Promise<PlanCeiling | undefined> {
  const plan = ceilingPlan(model, lf, options.timeMs);
  if (!plan) return undefined;
  const sb = await stochasticBoundAsync(
    model,
    {
      ...boundOptions(plan, options.seed),
      shouldStop: options.shouldStop,
      deadline: options.deadline,
      solver: options.solver,
      pause: options.pause,
      onComponent: options.onGroup,
      here: options.here,
    },
    plan.comps,
  );
  return ceilingOf(model, plan, sb);
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
