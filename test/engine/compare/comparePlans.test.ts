// The paired comparison against its unpaired ground truth: each plan simulated alone on its own seasons.

import * as fs from "fs";
import * as path from "path";
import { comparePlans } from "../../../src/engine/compare/comparePlans";
import { validateInstance } from "../../../src/engine/model/validate";
import { fitToRules } from "../../../src/engine/model/fitToRules";
import { simulate } from "../../../src/engine/simulate/simulate";
import type { Model } from "../../../src/engine/model/instance";

function example(name: string): Model {
  const file = path.join(__dirname, "../../../examples", name);
  return validateInstance(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** A current range a merchandiser might buy: every other product, 80% of its demand. */
function currentOf(model: Model): Int32Array {
  const u = new Int32Array(model.n);
  for (let i = 0; i < model.n; i++) u[i] = i % 2 === 0 ? Math.round(0.8 * model.demand[i]) : 0;
  return u;
}

/** A better-stocked plan: every product at its demand. */
function recommendedOf(model: Model): Int32Array {
  return fitToRules(model, model.demand, model.demand);
}

describe.each(["small.json", "fashion.json"])("on examples/%s", (name) => {
  const model = example(name);
  const current = currentOf(model);
  const recommended = recommendedOf(model);

  test("the paired gain equals the difference of separate evaluations within 3 combined SEs; its SE is smaller", async () => {
    const reps = name === "small.json" ? 2000 : 300;
    const c = await comparePlans(model, current, recommended, { seed: "pair", reps });
    const a = simulate(model, current, { seed: "alone-a", reps });
    const b = simulate(model, recommended, { seed: "alone-b", reps });
    const unpaired = Math.sqrt(a.stdError ** 2 + b.stdError ** 2);
    const separate = b.expectedProfit - a.expectedProfit;
    expect(c.seasons).toBe(reps);
    expect(Math.abs(c.gain.profit.mean - separate)).toBeLessThanOrEqual(
      3 * Math.sqrt(unpaired ** 2 + c.gain.profit.se ** 2),
    );
    expect(c.gain.profit.se).toBeGreaterThan(0);
    expect(c.gain.profit.se).toBeLessThan(unpaired);
    // Each plan's own figures on the paired seasons agree with its separate evaluation.
    expect(Math.abs(c.current.expectedProfit.mean - a.expectedProfit)).toBeLessThanOrEqual(
      3 * Math.hypot(c.current.expectedProfit.se, a.stdError),
    );
    // The gain is the difference of the two plans' means on the same seasons, exactly.
    expect(c.gain.profit.mean).toBeCloseTo(c.recommended.expectedProfit.mean - c.current.expectedProfit.mean, 6);
    expect(c.gain.revenue.mean).toBeCloseTo(c.recommended.revenue - c.current.revenue, 6);
    expect(c.gain.lostCustomers.mean).toBeCloseTo(c.recommended.lostCustomers - c.current.lostCustomers, 6);
    expect(c.gain.leftoverUnits.mean).toBeCloseTo(c.recommended.leftoverUnits - c.current.leftoverUnits, 6);
    const interval = c.gain.profit;
    expect(interval.low).toBeCloseTo(interval.mean - 1.959963984540054 * interval.se, 9);
    expect(interval.high).toBeCloseTo(interval.mean + 1.959963984540054 * interval.se, 9);
  });
});

describe("the same plan twice", () => {
  test("gain exactly 0 with standard error 0, every action Keep", async () => {
    const model = example("small.json");
    const u = recommendedOf(model);
    const c = await comparePlans(model, u, u, { seed: 4 });
    for (const g of Object.values(c.gain)) expect(g).toEqual({ mean: 0, se: 0, low: 0, high: 0 });
    expect(c.actions).toEqual({ Keep: model.n, Add: 0, Drop: 0, More: 0, Fewer: 0 });
    expect(c.current).toEqual(c.recommended);
    // The default target is reached at once (the paired SE is 0): the minimum number of seasons.
    expect(c.seasons).toBe(200);
  });
});

describe("rule breaks of the current range", () => {
  test("over budget, an excluded product carried, over maxProducts: said, and compared all the same", async () => {
    const model = validateInstance({
      products: [
        { id: "A", price: 10, cost: 4, demand: 20 },
        { id: "B", price: 10, cost: 4, demand: 20, exclude: true },
        { id: "C", price: 10, cost: 4, demand: 20, packSize: 6 },
      ],
      constraints: { budget: 100, maxProducts: 2 },
    });
    const c = await comparePlans(model, [20, 10, 5], [12, 0, 12], { seed: 1, reps: 300 });
    expect(c.currentBreaks).toEqual([
      "over the budget by 40.00 (buys 140.00 against 100.00)",
      "carries 3 products, above maxProducts 2",
      "carries excluded 'B'",
      "buys 'C' outside their min, max or pack size",
    ]);
    expect(c.seasons).toBe(300);
    expect(c.actions).toEqual({ Keep: 0, Add: 0, Drop: 1, More: 1, Fewer: 1 });
  });
});
