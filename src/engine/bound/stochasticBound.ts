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

import { componentSaaDual } from "./componentSaaDual";
import { solveFluid } from "./fluidBound";
import { seedKey } from "../random/hash";
import type { Model } from "../model/instance";
import { aliasTable, aliasDraw } from "../random/alias";
import { sampleNegativeBinomial } from "../random/negativeBinomial";
import { samplePoisson } from "../random/poisson";
import { Rng } from "../random/rng";
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

export function stochasticBound(
  model: Model,
  options: StochasticBoundOptions = {},
  comps: SubstitutionComponent[] = substitutionComponents(model.substitution, model.n),
): StochasticBound {
  const K = Math.max(1, Math.round(options.samples ?? 20));
  const iterations = options.iterations ?? 100;
  const lambda = options.budgetPrice ?? 0;
  const kappa = options.capacityPrice ?? 0;
  const seasons = sampleSeasonCounts(model, K, options.seed ?? "stochastic-bound");
  const chosen = new Set(options.components ?? comps.map((_, c) => c));
  const perSeason = new Float64Array(K);
  const perProfit = new Float64Array(K);
  let fixed = lambda * (model.constraints.budget ?? 0) + kappa * (model.constraints.capacity ?? 0);
  let fluidOnSamples = fixed;
  let stopped = false;
  comps.forEach((c, ci) => {
    if (!chosen.has(ci)) {
      const f = componentFluid(model, c, lambda, kappa);
      fixed += f;
      fluidOnSamples += f;
      return;
    }
    const t = componentTerms(model, c, lambda, kappa);
    const d = seasons.map((s) => Float64Array.from(c.members, (i) => s[i]));
    const r = componentSaaDual(
      { substitution: c.substitution, margin: t.margin, cap: t.cap, allowed: t.allowed, seasons: d },
      { iterations, shouldStop: options.shouldStop },
    );
    if (r.iterations < iterations) stopped = true;
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
    iterations,
    componentsSolved: chosen.size,
    componentsTotal: comps.length,
    stopped,
  };
}
