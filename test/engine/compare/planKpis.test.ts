// The KPIs against hand-computed values: one product, fixed traffic, so every season is the same.

import { comparePlans } from "../../../src/engine/compare/comparePlans";
import { planKpis } from "../../../src/engine/compare/planKpis";
import { validateInstance } from "../../../src/engine/model/validate";
import { simulate } from "../../../src/engine/simulate/simulate";

// 5 customers every season, all wanting A (price 10, cost 4, salvage 1); B has no customers of its own.
const model = validateInstance({
  products: [
    { id: "A", price: 10, cost: 4, salvage: 1, demand: 5 },
    { id: "B", price: 8, cost: 3, salvage: 0, demand: 0 },
  ],
  customers: { distribution: "fixed" },
});

describe("planKpis by hand", () => {
  test("3 units of A: all sell, 2 customers lost", () => {
    const k = planKpis(model, [3, 0], simulate(model, [3, 0], { reps: 50 }));
    // profit 3·10 − 3·4 = 18; revenue 30; cost of sales 12; margin (30 − 12)/30 = 0.6.
    expect(k.expectedProfit.mean).toBeCloseTo(18, 10);
    expect(k.expectedProfit.se).toBe(0);
    expect(k.revenue).toBeCloseTo(30, 10);
    expect(k.grossMarginRate).toBeCloseTo(0.6, 10);
    expect(k).toMatchObject({ units: 3, buyCost: 12, productsCarried: 1, likelySellOuts: 1 });
    expect(k.fillRate).toBeCloseTo(3 / 5, 10);
    expect(k.lostCustomers).toBeCloseTo(2, 10);
    expect(k.leftoverUnits).toBeCloseTo(0, 10);
    expect(k.leftoverValue).toBeCloseTo(0, 10);
    expect(k.sellThrough).toBeCloseTo(1, 10);
  });

  test("7 units of A and 2 of B: 5 sell, 2 of A and 2 of B left over", () => {
    const k = planKpis(model, [7, 2], simulate(model, [7, 2], { reps: 50 }));
    // profit 5·10 + 2·1 − 7·4 + 2·0 − 2·3 = 18; revenue 50; cost of sales 20; margin 0.6.
    expect(k.expectedProfit.mean).toBeCloseTo(18, 10);
    expect(k.revenue).toBeCloseTo(50, 10);
    expect(k.grossMarginRate).toBeCloseTo(0.6, 10);
    expect(k).toMatchObject({ units: 9, buyCost: 34, productsCarried: 2, likelySellOuts: 0 });
    expect(k.fillRate).toBeCloseTo(1, 10);
    expect(k.lostCustomers).toBeCloseTo(0, 10);
    expect(k.leftoverUnits).toBeCloseTo(4, 10);
    // leftover at cost: 2·4 + 2·3 = 14
    expect(k.leftoverValue).toBeCloseTo(14, 10);
    expect(k.sellThrough).toBeCloseTo(5 / 9, 10);
  });

  test("the comparison of the two: the same KPIs and exact gains", async () => {
    const c = await comparePlans(model, [3, 0], [7, 2], { reps: 40 });
    expect(c.current).toEqual(planKpis(model, [3, 0], simulate(model, [3, 0], { reps: 50 })));
    expect(c.recommended.expectedProfit.mean).toBeCloseTo(18, 10);
    expect(c.gain.profit).toEqual({ mean: 0, se: 0, low: 0, high: 0 });
    expect(c.gain.revenue.mean).toBeCloseTo(20, 10);
    expect(c.gain.grossMargin.mean).toBeCloseTo(30 - 18, 10);
    expect(c.gain.lostCustomers.mean).toBeCloseTo(-2, 10);
    expect(c.gain.leftoverUnits.mean).toBeCloseTo(4, 10);
    expect(c.actions).toEqual({ Keep: 0, Add: 1, Drop: 0, More: 1, Fewer: 0 });
  });
});
