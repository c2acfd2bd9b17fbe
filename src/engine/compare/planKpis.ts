// The figures a merchandiser reads first for one plan (PlanKpis), from its simulated season totals: the
// same arithmetic whether the plan was simulated alone (a SimulationResult) or beside another on paired seasons.

import type { Model } from "../model/instance";
import type { SimulationResult } from "../simulate/simulate";
import type { Estimate, PlanKpis } from "./compareTypes";
import { estimate } from "./estimate";

/** Expected season totals of a plan. */
export interface PlanTotals {
  profit: Estimate;
  revenue: number;
  /** Σ cost × units sold. */
  costOfSales: number;
  unitsSold: number;
  customers: number;
  /** Customers who left without buying anything. */
  lostCustomers: number;
  /** Per product: probability it sells out (NaN or 0 when not stocked). */
  stockoutProbability: ArrayLike<number>;
}

export function kpisFromTotals(model: Model, units: ArrayLike<number>, t: PlanTotals): PlanKpis {
  let totalUnits = 0;
  let buyCost = 0;
  let carried = 0;
  let sellOuts = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i];
    if (x <= 0) continue;
    totalUnits += x;
    buyCost += model.cost[i] * x;
    carried++;
    if (t.stockoutProbability[i] >= 0.5) sellOuts++;
  }
  const leftoverUnits = totalUnits - t.unitsSold;
  return {
    expectedProfit: t.profit,
    revenue: t.revenue,
    grossMarginRate: t.revenue > 0 ? (t.revenue - t.costOfSales) / t.revenue : 0,
    units: totalUnits,
    buyCost,
    productsCarried: carried,
    fillRate: t.customers > 0 ? (t.customers - t.lostCustomers) / t.customers : 0,
    lostCustomers: t.lostCustomers,
    leftoverUnits,
    leftoverValue: buyCost - t.costOfSales,
    sellThrough: totalUnits > 0 ? t.unitsSold / totalUnits : 0,
    likelySellOuts: sellOuts,
  };
}

/** The KPIs of a plan simulated alone. */
export function planKpis(model: Model, units: ArrayLike<number>, e: SimulationResult): PlanKpis {
  let costOfSales = 0;
  for (let i = 0; i < model.n; i++) costOfSales += model.cost[i] * e.products.expectedSales[i];
  return kpisFromTotals(model, units, {
    profit: estimate(e.expectedProfit, e.stdError),
    revenue: e.expectedRevenue,
    costOfSales,
    unitsSold: e.expectedUnitsSold,
    customers: e.expectedCustomers,
    lostCustomers: e.expectedLostCustomers,
    stockoutProbability: e.products.stockoutProbability,
  });
}
