// The optimiser's contract with its surfaces (CLI, custom functions, task pane, workbook runner): what goes
// in, what progress looks like, and the plan that comes back. One shape for every method.

import type { SeasonPool } from "../simulate/seasonPool";
import type { SimulationResult } from "../simulate/simulate";
import type { Action, PlanComparison, PlanKpis, RuleUse } from "../compare/compareTypes";

export type Method = "auto" | "fluid" | "newsvendor" | "gk" | "pooled";

export const METHODS: readonly Method[] = ["auto", "fluid", "newsvendor", "gk", "pooled"];

export interface OptimizeOptions {
  /** Default "auto". */
  method?: Method;
  /** Same seed, same plan and figures (default 1). */
  seed?: number | string;
  /**
   * Wall-clock budget for the whole run in milliseconds (default 20,000): the search ends by 70% of it,
   * the choice among candidates by 85%, the final evaluation by 100% (after at least 2 seasons).
   */
  timeLimitMs?: number;
  /**
   * Time for the realistic ceiling in ms (default 15% of timeLimitMs, at most 3,000); 0 skips it. On top of
   * the search's limit, like the final evaluation. Its work is counted, not timed, so the figure does not
   * depend on the machine (a guard stops it at 4× this time on a far slower one, and its label says so).
   */
  ceilingTimeMs?: number;
  /** Standard error of the reported profit as a share of it (default 0.002). */
  targetRelativeError?: number;
  /**
   * A plan to start the search from (units per product in the model's order), e.g. a neighbouring
   * scenario's plan: fitted to the rules first, then used by the auto search as one more starting point.
   */
  startUnits?: Int32Array;
  /**
   * Share of the search's and the polish's counted work (passes over sampled seasons) in (0, 1]; default 1.
   * Counted, not timed, so the plan stays the same on any machine. Below 1 with startUnits (a sweep's point
   * started from its neighbour's plan) the greedy-fill start is skipped too: the neighbour's plan stands in
   * for it. Less work can give a slightly worse plan; the sweep uses it (bench/results/sweep.md).
   */
  searchEffort?: number;
  /**
   * Workers for passes over sampled seasons (supplied by the surface: worker threads, Web Workers). The plan
   * is byte-identical with or without one, for any number of workers; only the time differs.
   */
  pool?: SeasonPool;
}

export interface OptimizeProgress {
  /** Human stage name, e.g. "Upper bound", "Improving the plan", "Polishing the plan", "Final evaluation". */
  stage: string;
  /** 0..1 over the whole run. */
  fraction: number;
}

/** Why a product ended where it did, as a code for surfaces and a sentence for merchandisers. */
export type DecisionCode =
  "carried" | "mustOffer" | "excluded" | "pooled" | "lowMargin" | "lowVolume" | "budget" | "capacity" | "maxProducts";

export interface ProductDecision {
  id: string;
  name: string;
  carry: boolean;
  units: number;
  expectedSales: number;
  expectedLeftover: number;
  stockoutProbability: number;
  /** Expected sales to customers who wanted another product first. */
  substitutionInflow: number;
  firstChoiceDemand: number;
  code: DecisionCode;
  /** One sentence a merchandiser can act on. */
  reason: string;
  /** What to do against the current range (only when the instance gives one). */
  action?: Action;
  /** Units bought today (only when the instance gives a current range). */
  currentUnits?: number;
  /** price × expected sales. */
  expectedRevenue?: number;
  /** Expected revenue + salvage of the leftover − cost of the units bought. */
  profitContribution?: number;
  /** Expected first-choice customers of this product who leave without buying anything. */
  lostCustomers?: number;
  /** Share of its first-choice customers served from its own stock (NaN when its demand is 0). */
  fillRate?: number;
  /** units × cost. */
  buyValue?: number;
}

/**
 * The realistic ceiling (docs/model.md §4): the SAA bound, a dual value of the SAA LP on sampled seasons, so an
 * upper bound in expectation (biased upwards) that is far closer to what plans reach than the fluid bound.
 * Still a relaxation: within a season customers are routed in the best order, not the order they arrive.
 */
export interface PlanCeiling {
  value: number;
  /** Standard error of `value` across the sampled seasons. */
  stdError: number;
  /** Sampled seasons K. */
  seasons: number;
  /** One line for people: how it was computed (seasons, groups covered, limits priced). */
  label: string;
  /** Substitution groups (connected components) given the SAA dual, and in all. */
  groupsSolved?: number;
  groupsTotal?: number;
}

export interface PlanBound {
  /** Upper bound on expected profit: no plan that keeps the rules can expect more. */
  value: number;
  /** The fluid LP of docs/model.md §4, with the budget and capacity priced in when the instance has them. */
  kind: "fluid";
  /** Rules the bound leaves out (it stays valid, only looser): maxProducts, mustOffer, minQty, maxQty, packSize. */
  ignoredConstraints: string[];
  /** One line for people, e.g. "fluid LP bound with the budget; ignores maxProducts". */
  label: string;
  /** The realistic ceiling, when it was computed (absent when skipped: a zero time for it). */
  ceiling?: PlanCeiling;
}

export interface OptimizeResult {
  method: Method;
  seed: number | string;
  /** Units per product in the model's order. */
  units: Int32Array;
  /** The plan judged on seasons independent of those used to choose it. */
  evaluation: SimulationResult;
  bound: PlanBound;
  /** evaluation.expectedProfit / the tighter of bound.value and bound.ceiling.value (shareOfBoundBasis says which). */
  shareOfBound: number;
  /** Which bound shareOfBound is of. */
  shareOfBoundBasis?: "fluid" | "ceiling";
  decisions: ProductDecision[];
  /** Non-fatal remarks (rules the plan could not meet, early stop). */
  warnings: string[];
  /** True when the time limit or an abort ended the search early (the plan is the best found so far). */
  stoppedEarly: boolean;
  /** The stages the time limit cut short ("search", "selection", "final evaluation"), when any. */
  overTime?: string[];
  elapsedMs: number;
  /** The plan's headline figures (from `evaluation`). */
  kpis: PlanKpis;
  /** Budget, capacity, maxProducts and maxChanges when set: used, limit, binding. */
  rules: RuleUse[];
  /** The current range against the plan on the same seasons (only when the instance gives a current range). */
  comparison?: PlanComparison;
}
