// A real plan of examples/small.json (a budget tight enough to drop products) dressed with the decision
// report's fields as the engine's comparison fills them (src/engine/compare/compareTypes.ts), so the layout
// can be tested with and without a current range, rules and relaxations. Only the layout is under test here:
// the report's figures are made up consistently from the plan, not measured.

import { readFileSync } from "fs";
import { join } from "path";
import type { Action, Estimate, Model, OptimizeResult, PlanKpis, Relaxation, RuleUse } from "../../../src/engine";
import { optimize } from "../../../src/engine/optimize/optimize";
import { validateInstance } from "../../../src/engine/model/validate";
import type { ReportDecision, ReportResult } from "../../../src/sheet/planSheet";

const small = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "examples", "small.json"), "utf8"));

export const STAMP = {
  time: new Date("2026-11-25T10:00:00Z"),
  version: "9.9.9",
  inputs: { products: "Products!A1:F11", substitution: "Substitution!A1:C20" },
  settingsLabel: "Pane settings",
  settings: "budget 3000",
};

let cached: { model: Model; result: OptimizeResult } | undefined;

export async function smallPlan(): Promise<{ model: Model; result: OptimizeResult }> {
  if (!cached) {
    const model = validateInstance({ ...small, constraints: { budget: 3000 } });
    const result = await optimize(model, { method: "newsvendor", seed: 7, timeLimitMs: 2000 });
    cached = { model, result };
  }
  return cached;
}

const estimate = (mean: number, half: number): Estimate => ({
  mean,
  se: half / 1.96,
  low: mean - half,
  high: mean + half,
});

function actionOf(current: number, units: number): Action {
  if (current === units) return "Keep";
  if (current === 0) return "Add";
  if (units === 0) return "Drop";
  return units > current ? "More" : "Fewer";
}

function kpis(model: Model, units: ArrayLike<number>, profit: number): PlanKpis {
  let u = 0;
  let cost = 0;
  let carried = 0;
  for (let i = 0; i < model.n; i++) {
    u += units[i];
    cost += units[i] * model.cost[i];
    if (units[i] > 0) carried++;
  }
  return {
    expectedProfit: estimate(profit, 0.02 * Math.abs(profit) + 1),
    revenue: profit + cost,
    grossMarginRate: 0.42,
    units: u,
    buyCost: cost,
    productsCarried: carried,
    fillRate: 0.87,
    lostCustomers: 55.5,
    leftoverUnits: 12.25,
    leftoverValue: 101.5,
    sellThrough: 0.91,
    likelySellOuts: 2,
  };
}

export interface ReportCase {
  current?: boolean;
  rules?: boolean;
  relaxations?: boolean;
}

export async function reportCase(c: ReportCase = {}): Promise<{
  model: Model;
  result: ReportResult;
  relaxations: Relaxation[];
}> {
  const { model, result } = await smallPlan();
  // Last season's buy: the plan's units moved about, the first product not carried, the last one carried.
  const current = result.decisions.map((d, i) =>
    i === 0 ? 0 : i === model.n - 1 ? 7 : i % 3 === 1 ? d.units + 2 : d.units,
  );
  const decisions: ReportDecision[] = result.decisions.map((d, i) => ({
    ...d,
    expectedRevenue: d.expectedSales * model.price[i],
    profitContribution: d.expectedSales * model.price[i] - d.units * model.cost[i],
    lostCustomers: Math.max(0, d.firstChoiceDemand - d.expectedSales),
    fillRate: d.firstChoiceDemand > 0 ? Math.min(1, d.expectedSales / d.firstChoiceDemand) : 0,
    buyValue: d.units * model.cost[i],
    ...(c.current ? { currentUnits: current[i], action: actionOf(current[i], d.units) } : {}),
  }));
  const out: ReportResult = { ...result, decisions, kpis: kpis(model, result.units, result.evaluation.expectedProfit) };
  if (c.current) {
    const actions: Record<Action, number> = { Keep: 0, Add: 0, Drop: 0, More: 0, Fewer: 0 };
    for (const d of decisions) actions[d.action as Action]++;
    out.comparison = {
      current: kpis(model, current, result.evaluation.expectedProfit - 250),
      recommended: out.kpis as PlanKpis,
      gain: {
        profit: estimate(250, 80),
        revenue: estimate(120, 60),
        grossMargin: estimate(0.03, 0.01),
        lostCustomers: estimate(-4, 2),
        leftoverUnits: estimate(-10, 3),
      },
      seasons: 2000,
      currentBreaks: ["over the budget by 120.00"],
      actions,
    };
  }
  const rules: RuleUse[] = [
    { rule: "budget", used: out.kpis?.buyCost ?? 0, limit: 3000, binding: true },
    { rule: "maxProducts", used: out.kpis?.productsCarried ?? 0, limit: 9, binding: false },
  ];
  out.rules = c.rules ? rules : [];
  const relaxations: Relaxation[] = c.relaxations
    ? [{ rule: "budget", from: 3000, to: 3300, gain: estimate(180, 40), units: new Int32Array(result.units) }]
    : [];
  return { model, result: out, relaxations };
}
