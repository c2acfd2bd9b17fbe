// The optimiser's contract with its surfaces (CLI, custom functions, task pane, workbook runner): what goes
// in, what progress looks like, and the plan that comes back. One shape for every method.

import type { SimulationResult } from "../simulate/simulate";

export type Method = "auto" | "fluid" | "newsvendor" | "gk" | "pooled";

export const METHODS: readonly Method[] = ["auto", "fluid", "newsvendor", "gk", "pooled"];

export interface OptimizeOptions {
  /** Default "auto". */
  method?: Method;
  /** Same seed, same plan and figures (default 1). */
  seed?: number | string;
  /** Wall-clock budget for the search in milliseconds (default 20,000); the final evaluation comes on top. */
  timeLimitMs?: number;
  /** Standard error of the reported profit as a share of it (default 0.002). */
  targetRelativeError?: number;
}

export interface OptimizeProgress {
  /** Human stage name, e.g. "Fluid bound", "Improving plan", "Final evaluation". */
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
}

export interface OptimizeResult {
  method: Method;
  seed: number | string;
  /** Units per product in the model's order. */
  units: Int32Array;
  /** The plan judged on seasons independent of those used to choose it. */
  evaluation: SimulationResult;
  bound: PlanBound;
  /** evaluation.expectedProfit / bound.value. */
  shareOfBound: number;
  decisions: ProductDecision[];
  /** Non-fatal remarks (rules the plan could not meet, early stop). */
  warnings: string[];
  /** True when the time limit or an abort ended the search early (the plan is the best found so far). */
  stoppedEarly: boolean;
  elapsedMs: number;
}
