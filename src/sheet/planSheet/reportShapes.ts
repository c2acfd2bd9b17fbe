// The decision report's fields as the plan sheet reads them. The engine fills them when it has them
// (src/engine/compare/compareTypes.ts); the layout leaves out what a result does not carry, never invents it.

import type { Action, OptimizeResult, PlanComparison, PlanKpis, ProductDecision, RuleUse } from "../../engine";

export type ReportDecision = ProductDecision &
  Partial<{
    action: Action;
    currentUnits: number;
    expectedRevenue: number;
    profitContribution: number;
    lostCustomers: number;
    fillRate: number;
    buyValue: number;
  }>;

export type ReportResult = OptimizeResult & Partial<{ comparison: PlanComparison; kpis: PlanKpis; rules: RuleUse[] }>;

/** A current range was given: the result compares against it, or its decisions say what each product had. */
export function hasCurrentRange(result: ReportResult): boolean {
  return result.comparison !== undefined || result.decisions.some((d: ReportDecision) => d.currentUnits !== undefined);
}

/** Half the width of a 95% interval. */
export function halfWidth(e: { low: number; high: number }): number {
  return (e.high - e.low) / 2;
}
