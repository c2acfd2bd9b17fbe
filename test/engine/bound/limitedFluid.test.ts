// The fluid bound with a budget and a capacity priced in (limitedFluid.ts) against the same LP with the
// budget and capacity as rows, solved by HiGHS. Lagrangian duality: at any prices the value is an upper
// bound on the LP; at the best prices it equals it (up to the golden-section searches' precision).

import loadHighs, { type Highs } from "highs";
import { ignoredByBound, limitedFluid } from "../../../src/engine/bound/limitedFluid";
import { fluidBound } from "../../../src/engine/bound/fluidBound";
import { validateInstance } from "../../../src/engine/model/validate";
import type { DenseInstance } from "../groundTruth/exactDp";
import { fluidLpValue } from "../groundTruth/fluidLp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

interface Case {
  inst: DenseInstance;
  size: number[];
  unconstrainedSpend: number;
}

function cases(): Case[] {
  const rnd = new TestRandom(20261201);
  return [3, 5, 8, 12, 20, 30, 45, 60].map((n) => {
    const inst = randomDenseInstance(rnd, {
      n,
      totalDemand: Math.round(rnd.uniform(10, 50) * n),
      linksPerRow: Math.min(n - 1, rnd.int(1, 6)),
      fullRowShare: 0.3,
      negativeMarginShare: 0.2,
      salvage: n % 2 === 0,
    });
    const size = inst.ids.map(() => Math.round(rnd.uniform(0.5, 3) * 4) / 4);
    return { inst, size, unconstrainedSpend: 0 };
  });
}

function modelWith(c: Case, constraints: Record<string, number>) {
  const json = toInstanceJson(c.inst);
  (json.products as Record<string, unknown>[]).forEach((p, i) => (p.size = c.size[i]));
  return validateInstance({ ...json, constraints });
}

/** Spend of the unconstrained fluid plan: budgets below it bind. */
function fluidSpend(c: Case): number {
  const f = fluidBound(modelWith(c, {}));
  return c.inst.cost.reduce((s, cost, i) => s + cost * f.sales[i], 0);
}

describe.each(cases().map((c) => ({ c, label: `N=${c.inst.ids.length}` })))("$label", ({ c }) => {
  const spend = fluidSpend(c);
  const space = (() => {
    const f = fluidBound(modelWith(c, {}));
    return c.size.reduce((s, w, i) => s + w * f.sales[i], 0);
  })();

  test.each([0.3, 0.6, 0.9, 1.5])("budget at %p of the fluid spend: the LP optimum within 1e-6", (share) => {
    const budget = share * spend;
    const lf = limitedFluid(modelWith(c, { budget }));
    const lp = fluidLpValue(highs, c.inst, { budget });
    expect(lf.value).toBeGreaterThanOrEqual(lp - 1e-7 * Math.max(1, lp));
    expect(lf.value).toBeLessThanOrEqual(lp + 1e-6 * Math.max(1, lp));
    if (share > 1) expect(lf.budgetPrice).toBe(0);
    else if (lp < fluidBound(modelWith(c, {})).value * (1 - 1e-6)) expect(lf.budgetPrice).toBeGreaterThan(0);
  });

  test("capacity alone: the LP optimum within 1e-6", () => {
    const capacity = 0.5 * space;
    const lf = limitedFluid(modelWith(c, { capacity }));
    const lp = fluidLpValue(highs, c.inst, { capacity, size: c.size });
    expect(lf.value).toBeGreaterThanOrEqual(lp - 1e-7 * Math.max(1, lp));
    expect(lf.value).toBeLessThanOrEqual(lp + 1e-6 * Math.max(1, lp));
  });

  // Both priced at once, one-price-at-a-time golden searches stall on the kinks of L; with the budget always
  // searched first they ended 1–29% above the LP optimum here, looser than a single rule's bound. Searching
  // in both orders: within 0.1% on these cases.
  test("budget and capacity together: a valid bound, never below the LP optimum, at most the looser single bound", () => {
    const budget = 0.6 * spend;
    const capacity = 0.5 * space;
    const lf = limitedFluid(modelWith(c, { budget, capacity }));
    const lp = fluidLpValue(highs, c.inst, { budget, capacity, size: c.size });
    expect(lf.value).toBeGreaterThanOrEqual(lp - 1e-7 * Math.max(1, lp));
    const alone = Math.min(
      limitedFluid(modelWith(c, { budget })).value,
      limitedFluid(modelWith(c, { capacity })).value,
    );
    expect(lf.value).toBeLessThanOrEqual(alone * (1 + 1e-9) + 1e-9);
    expect(lf.value).toBeLessThanOrEqual(lp * 1.005 + 1e-9);
  });
});

test("ignoredByBound names exactly the rules the prices leave out", () => {
  const base = {
    products: [
      { id: "A", price: 10, cost: 4, demand: 5, mustOffer: true },
      { id: "B", price: 10, cost: 4, demand: 5, minQty: 2, maxQty: 8, packSize: 2 },
    ],
  };
  expect(ignoredByBound(validateInstance({ ...base, constraints: { maxProducts: 1, budget: 10 } }))).toEqual([
    "maxProducts",
    "mustOffer",
    "minQty",
    "maxQty",
    "packSize",
  ]);
  expect(ignoredByBound(validateInstance({ products: [{ id: "A", price: 10, cost: 4, demand: 5 }] }))).toEqual([]);
});
