// The stochastic (SAA) upper bound of docs/model.md §4, without a general LP solver.
//
// For K sampled seasons of first-choice counts d^k, the SAA LP is
//   V = max (1/K)·Σ_k Σ_i (p_i − s_i)·z_ik − Σ_i (c_i − s_i)·x_i  s.t. flows(z_k, d^k), 0 ≤ z_ik ≤ x_i,
// and E[V] ≥ max_x E[profit(x)] (the sample optimum is biased upwards, which keeps it a bound). The LP splits
// by connected component of the substitution graph (customers never cross), and on each component we
// bound V from above by its Lagrangian dual (componentSaaDual.ts): every figure is the dual value at some
// feasible multipliers, so it is never below V on its seasons, however early the method stops.
// Components left out (to save time) count at their exact fluid bound, which is valid on its own.
// A budget or capacity is priced with the given multipliers (any λ, κ ≥ 0 keep the bound valid).

import { componentSaaDual, type ComponentDual } from "./componentSaaDual";
import { solveFluid } from "./fluidBound";
import { seedKey } from "../random/hash";
import type { Model } from "../model/instance";
import { aliasTable, aliasDraw } from "../random/alias";
import { sampleNegativeBinomial } from "../random/negativeBinomial";
import { samplePoisson } from "../random/poisson";
import { Rng } from "../random/rng";
import { yieldToHost } from "../simulate/host";
import { substitutionComponents, type SubstitutionComponent } from "./substitutionComponents";

export interface StochasticBoundOptions {
  /** Sampled seasons K (default 20). */
  samples?: number;
  /** Dual iterations per component (default 100). */
  iterations?: number;
  seed?: number | string;
  /** Prices of the budget and capacity (default 0: limits ignored, still valid). */
  budgetPrice?: number;
  capacityPrice?: number;
  /**
   * Which components get the SAA dual (indices into substitutionComponents order); the others count at
   * their fluid bound. Default: all.
   */
  components?: number[];
  /** Checked between iterations; true stops the dual where it stands (the bound stays valid). */
  shouldStop?: () => boolean;
  /** Date.now() after which every dual stops where it stands (also in workers, on the same clock). */
  deadline?: number;
}

export interface StochasticBound {
  /** The bound: an upper bound in expectation on any plan's expected profit. */
  value: number;
  /** Standard error of `value` across the sampled seasons (of the SAA objective's per-season terms). */
  stdError: number;
  /** The fluid bound on the same seasons and prices (the dual's starting point), for comparison. */
  fluidOnSamples: number;
  samples: number;
  iterations: number;
  /** Components given the SAA dual, and in all. */
  componentsSolved: number;
  componentsTotal: number;
  /** True when shouldStop cut the dual short on some component. */
  stopped: boolean;
}

/** First-choice counts of K seasons (Poisson per product; fixed or negative binomial totals by alias). */
export function sampleSeasonCounts(model: Model, K: number, seed: number | string): Float64Array[] {
  const rng = new Rng(seedKey(seed));
  const table = aliasTable(model.demand);
  const { distribution, cv } = model.customers;
  const out: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const d = new Float64Array(model.n);
    if (distribution === "poisson") {
      for (let i = 0; i < model.n; i++) d[i] = samplePoisson(rng, model.demand[i]);
    } else {
      const total =
        distribution === "fixed" ? Math.round(model.totalDemand) : sampleNegativeBinomial(rng, model.totalDemand, cv);
      for (let c = 0; c < total; c++) d[aliasDraw(table, rng.next())]++;
    }
    out.push(d);
  }
  return out;
}

/** Season margins p − s, the dual's price of a unit (c − s + λc + κ·size), and who may sell, per member. */
export function componentTerms(model: Model, c: SubstitutionComponent, lambda: number, kappa: number) {
  const m = c.members;
  return {
    margin: Float64Array.from(m, (i) => model.price[i] - model.salvage[i]),
    cap: Float64Array.from(m, (i) => model.cost[i] - model.salvage[i] + lambda * model.cost[i] + kappa * model.size[i]),
    allowed: Uint8Array.from(m, (i) => (model.exclude[i] ? 0 : 1)),
  };
}

/** Exact fluid bound of one component at the given prices (margins p − c − λc − κ·size, mean demand). */
export function componentFluid(model: Model, c: SubstitutionComponent, lambda: number, kappa: number): number {
  const t = componentTerms(model, c, lambda, kappa);
  const r = Float64Array.from(t.margin, (m, j) => m - t.cap[j]);
  const f = solveFluid(
    r,
    Float64Array.from(c.members, (i) => model.demand[i]),
    c.substitution,
    t.allowed,
  );
  return Math.max(f.value, f.dualValue);
}

/**
 * What every component's SAA dual shares: the seasons (drawn from `seed` over the whole catalogue, so a
 * component sees the same counts wherever it is solved), the dual's steps and the limits' prices.
 */
export interface DualJob {
  samples: number;
  iterations: number;
  seed: number | string;
  budgetPrice: number;
  capacityPrice: number;
  /** Date.now() after which a dual stops where it stands (its figure stays a valid bound, looser). */
  deadline?: number;
}

/** Reusable state for solving components of one model (a worker keeps one per model). */
export interface DualScratch {
  model: Model;
  comps: SubstitutionComponent[];
  seasonsKey?: string;
  seasons?: Float64Array[];
}

export function dualScratch(model: Model, comps?: SubstitutionComponent[]): DualScratch {
  return { model, comps: comps ?? substitutionComponents(model.substitution, model.n) };
}

function jobSeasons(scratch: DualScratch, job: DualJob): Float64Array[] {
  const key = `${job.samples}|${String(job.seed)}`;
  if (scratch.seasonsKey !== key || !scratch.seasons) {
    scratch.seasons = sampleSeasonCounts(scratch.model, job.samples, job.seed);
    scratch.seasonsKey = key;
  }
  return scratch.seasons;
}

/** The SAA dual of component `ci` (an index into scratch.comps) on the job's seasons. */
export function componentDual(
  scratch: DualScratch,
  job: DualJob,
  ci: number,
  shouldStop?: () => boolean,
): ComponentDual {
  const { model } = scratch;
  const c = scratch.comps[ci];
  const seasons = jobSeasons(scratch, job);
  const t = componentTerms(model, c, job.budgetPrice, job.capacityPrice);
  const d = seasons.map((s) => Float64Array.from(c.members, (i) => s[i]));
  const deadline = job.deadline;
  const stop =
    deadline === undefined && !shouldStop
      ? undefined
      : () => shouldStop?.() === true || (deadline !== undefined && Date.now() > deadline);
  return componentSaaDual(
    { substitution: c.substitution, margin: t.margin, cap: t.cap, allowed: t.allowed, seasons: d },
    { iterations: job.iterations, shouldStop: stop },
  );
}

/**
 * Solves one component's dual elsewhere (a worker thread), by componentDual: the same code wherever it runs,
 * so any split of the components gives the same figures. `slots`: how many it takes at once.
 */
export interface DualSolver {
  slots: number;
  solve(job: DualJob, component: number): Promise<ComponentDual>;
}

function boundJob(options: StochasticBoundOptions): DualJob {
  return {
    samples: Math.max(1, Math.round(options.samples ?? 20)),
    iterations: options.iterations ?? 100,
    seed: options.seed ?? "stochastic-bound",
    budgetPrice: options.budgetPrice ?? 0,
    capacityPrice: options.capacityPrice ?? 0,
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
  };
}

/** Adds the components' duals (in component order, whoever solved them) and the rest at their fluid bound. */
function combine(
  model: Model,
  comps: SubstitutionComponent[],
  job: DualJob,
  chosen: number[],
  duals: (ComponentDual | null)[],
): StochasticBound {
  const K = job.samples;
  const lambda = job.budgetPrice;
  const kappa = job.capacityPrice;
  const dualOf = new Map<number, ComponentDual | null>();
  chosen.forEach((c, k) => dualOf.set(c, duals[k] ?? null));
  const perSeason = new Float64Array(K);
  const perProfit = new Float64Array(K);
  let fixed = lambda * (model.constraints.budget ?? 0) + kappa * (model.constraints.capacity ?? 0);
  let fluidOnSamples = fixed;
  let stopped = false;
  let solved = 0;
  comps.forEach((c, ci) => {
    const r = dualOf.get(ci);
    if (!r) {
      // Left out, or never started before a stop: its exact fluid bound is valid on its own.
      if (r === null) stopped = true;
      const f = componentFluid(model, c, lambda, kappa);
      fixed += f;
      fluidOnSamples += f;
      return;
    }
    solved++;
    if (r.iterations < job.iterations) stopped = true;
    for (let k = 0; k < K; k++) {
      perSeason[k] += r.seasonValues[k];
      perProfit[k] += r.seasonProfits[k];
    }
    fluidOnSamples += r.startValue;
  });
  let mean = 0;
  for (let k = 0; k < K; k++) mean += perSeason[k] / K;
  // The spread of the dual's per-season values mixes in how the multipliers shift cost between seasons;
  // the per-season profits at the priced stock are the SAA objective's own terms.
  let pm = 0;
  for (let k = 0; k < K; k++) pm += perProfit[k] / K;
  let variance = 0;
  for (let k = 0; k < K; k++) variance += (perProfit[k] - pm) ** 2 / Math.max(1, K - 1);
  return {
    value: mean + fixed,
    stdError: K > 1 ? Math.sqrt(variance / K) : NaN,
    fluidOnSamples,
    samples: K,
    iterations: job.iterations,
    componentsSolved: solved,
    componentsTotal: comps.length,
    stopped,
  };
}

function chosenOf(options: StochasticBoundOptions, comps: SubstitutionComponent[]): number[] {
  const chosen = new Set(options.components ?? comps.map((_, c) => c));
  return comps.map((_, c) => c).filter((c) => chosen.has(c));
}

export function stochasticBound(
  model: Model,
  options: StochasticBoundOptions = {},
  comps: SubstitutionComponent[] = substitutionComponents(model.substitution, model.n),
): StochasticBound {
  const job = boundJob(options);
  const scratch = dualScratch(model, comps);
  const chosen = chosenOf(options, comps);
  return combine(
    model,
    comps,
    job,
    chosen,
    chosen.map((c) => componentDual(scratch, job, c, options.shouldStop)),
  );
}

/**
 * The same bound, figure for figure, without holding the thread: components are solved here one at a time
 * with a turn for the host between them (`pause` resolves to true to stop: the rest count at their fluid
 * bound), and, given a `solver`, on its workers at the same time, each taking the next component when free.
 */
export async function stochasticBoundAsync(
  model: Model,
  options: StochasticBoundOptions & {
    solver?: DualSolver;
    pause?: () => Promise<boolean> | boolean;
    /** After each component solved (here or elsewhere), with how many of the chosen are done. */
    onComponent?: (done: number, of: number) => void;
    /**
     * False: with a `solver`, solve nothing here unless the solver fails (the caller's thread has other work).
     * The figures are the same either way.
     */
    here?: boolean;
  },
  comps: SubstitutionComponent[] = substitutionComponents(model.substitution, model.n),
): Promise<StochasticBound> {
  const job = boundJob(options);
  const chosen = chosenOf(options, comps);
  const scratch = dualScratch(model, comps);
  const duals: (ComponentDual | null)[] = chosen.map(() => null);
  let next = 0;
  let done = 0;
  let stop = false;
  let finished = false;
  const out = new Set<number>();
  const take = (): number => (stop || next >= chosen.length ? -1 : next++);
  const solved = (k: number, d: ComponentDual) => {
    if (finished || duals[k]) return;
    duals[k] = d;
    options.onComponent?.(++done, chosen.length);
  };
  const solveHere = async (k: number) => {
    solved(k, componentDual(scratch, job, chosen[k], options.shouldStop));
    // With workers waiting for their next component, hand them one at once rather than at the next pause.
    if (options.solver) await yieldToHost();
    if ((await options.pause?.()) === true || options.shouldStop?.() === true) stop = true;
  };
  const elsewhere = async (solver: DualSolver) => {
    for (let k = take(); k >= 0; k = take()) {
      out.add(k);
      const d = await solver.solve(job, chosen[k]);
      out.delete(k);
      solved(k, d);
      if (options.shouldStop?.() === true) stop = true;
    }
  };
  const solver = options.solver;
  if (solver && options.here === false) {
    // Only on the solver; what it failed to answer (it may have died) is solved here afterwards.
    await Promise.all(Array.from({ length: solver.slots }, () => elsewhere(solver).catch(() => undefined)));
    for (let k = 0; k < chosen.length && !stop; k++) if (!duals[k]) await solveHere(k);
    finished = true;
    return combine(model, comps, job, chosen, duals);
  }
  // Workers' failures are not ours: a component they did not answer is solved here.
  if (solver) for (let w = 0; w < solver.slots; w++) elsewhere(solver).catch(() => undefined);
  for (let k = take(); k >= 0; k = take()) await solveHere(k);
  // Components still out on a worker (one may still be starting up) are solved here too, rather than
  // waited for: the first answer stands, and both are the same figures.
  while (!stop) {
    const k = [...out].find((c) => !duals[c]);
    if (k === undefined) break;
    out.delete(k);
    await solveHere(k);
  }
  finished = true;
  return combine(model, comps, job, chosen, duals);
}
