// The shapes shared by the decision report (current range vs recommendation), the answer report's rules and
// the what-if mechanism (relaxing a rule, sweeping it). Surfaces render these; the engine fills them.

/** What to do with a product relative to the current range. */
export type Action = "Keep" | "Add" | "Drop" | "More" | "Fewer";

export const ACTIONS: readonly Action[] = ["Keep", "Add", "Drop", "More", "Fewer"];

/** A simulated figure with its uncertainty: the mean, its standard error and a 95% interval. */
export interface Estimate {
  mean: number;
  se: number;
  low: number;
  high: number;
}

/** The figures a merchandiser reads first, for one plan. */
export interface PlanKpis {
  expectedProfit: Estimate;
  revenue: number;
  /** (revenue − cost of goods sold) / revenue, a fraction. */
  grossMarginRate: number;
  units: number;
  buyCost: number;
  productsCarried: number;
  /** Customers served / customers, a fraction. */
  fillRate: number;
  lostCustomers: number;
  leftoverUnits: number;
  /** Leftover units at cost. */
  leftoverValue: number;
  /** Units sold / units bought, a fraction. */
  sellThrough: number;
  /** Products whose sell-out probability is at least one half. */
  likelySellOuts: number;
}

/** The paired differences recommended − current on the same seasons (common random numbers). */
export interface KpiGain {
  profit: Estimate;
  revenue: Estimate;
  grossMargin: Estimate;
  lostCustomers: Estimate;
  leftoverUnits: Estimate;
}

/** The current range against the recommendation, evaluated on the same seasons. */
export interface PlanComparison {
  current: PlanKpis;
  recommended: PlanKpis;
  gain: KpiGain;
  /** Seasons both plans were simulated on. */
  seasons: number;
  /** Rules the current range breaks, in words ("over the budget by 1,200.00"); it is compared all the same. */
  currentBreaks: string[];
  /** How many products get each action. */
  actions: Record<Action, number>;
}

/** A plan rule that limits the whole plan. */
export type RuleName = "budget" | "capacity" | "maxProducts" | "maxChanges";

export interface RuleUse {
  rule: RuleName;
  used: number;
  limit: number;
  /** True when the plan cannot grow along this rule (used within one unit's worth of the limit). */
  binding: boolean;
}

/** The value of relaxing one rule: the plan re-optimised from the current one with the rule moved. */
export interface Relaxation {
  rule: RuleName;
  from: number;
  to: number;
  /** Profit of the relaxed plan minus the base plan's, paired on the same seasons. */
  gain: Estimate;
  /** Units per product of the relaxed plan, in the model's order. */
  units: Int32Array;
  /** The relaxed plan's profit on the seasons both plans were played on. */
  profit?: Estimate;
  /** Seasons both plans were played on. */
  seasons?: number;
  /** True when the re-optimisation's time share ran out (the relaxed plan is the best found so far). */
  stoppedEarly?: boolean;
}
