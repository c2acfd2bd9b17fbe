// A run's plan as kept for comparison (see scenarios.ts): headline figures and the units of each carried product.

import type { OptimizeResult } from "../engine";
import type { PlanRecord } from "./scenarios";

export function planRecord(name: string, result: OptimizeResult, time: Date): PlanRecord {
  const plan: Record<string, number> = {};
  let units = 0;
  for (const d of result.decisions) {
    if (d.units > 0) plan[d.id] = d.units;
    units += d.units;
  }
  const ev = result.evaluation;
  return {
    name,
    time: time.toISOString(),
    profit: ev.expectedProfit,
    interval: (ev.ci95[1] - ev.ci95[0]) / 2,
    bound: result.bound.value,
    carried: Object.keys(plan).length,
    units,
    purchaseCost: ev.purchaseCost,
    plan,
  };
}
