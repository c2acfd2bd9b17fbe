// The optimiser against independent ground truth: the brute-force optimum by exact dynamic programming on
// tiny instances (groundTruth/exactDp.ts), the rules checked plan by plan, the bound, determinism, cancel.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { InputError, type Model } from "../../../src/engine/model/instance";
import { optimize, OptimizeAborted } from "../../../src/engine/optimize/optimize";
import type { Method, OptimizeResult } from "../../../src/engine/optimize/optimizeTypes";
import { planWarnings } from "../../../src/engine/model/plan";
import { validateInstance } from "../../../src/engine/model/validate";
import { bruteForceOptimum, exactPlan, type DenseInstance } from "../groundTruth/exactDp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

const METHODS: Method[] = ["fluid", "newsvendor", "gk", "pooled", "auto"];

describe("against the brute-force optimum (exact DP, N ≤ 3, fixed traffic)", () => {
  const rnd = new TestRandom(77);
  const cases: DenseInstance[] = [];
  for (const [n, total] of [
    [2, 14],
    [3, 12],
    [3, 16],
    [2, 20],
  ] as const) {
    cases.push(
      randomDenseInstance(rnd, {
        n,
        totalDemand: total,
        linksPerRow: 2,
        fullRowShare: 0.4,
        salvage: true,
        negativeMarginShare: 0.1,
      }),
    );
  }
  test.each(cases.map((c, k) => [k + 1, c] as const))(
    "case %i: auto reaches ≥ 99% of the exact optimum; its reported profit is unbiased",
    async (_k, inst) => {
      const total = Math.round(inst.demand.reduce((a, b) => a + b, 0));
      const cap = inst.demand.map(() => total);
      const best = bruteForceOptimum(inst, cap, "fixed");
      const model = validateInstance(toInstanceJson(inst, { distribution: "fixed" }));
      const r = await optimize(model, { method: "auto", seed: 3, timeLimitMs: 20000 });
      const exact = exactPlan(inst, Array.from(r.units), "fixed");
      expect(exact.profit).toBeGreaterThanOrEqual(best.profit - 0.01 * Math.abs(best.profit) - 1e-9);
      // The final evaluation used seasons the search never saw: within 4 standard errors of the plan's truth.
      expect(Math.abs(r.evaluation.expectedProfit - exact.profit)).toBeLessThanOrEqual(
        4 * r.evaluation.stdError + 1e-6,
      );
      // And no plan beats the bound.
      expect(best.profit).toBeLessThanOrEqual(r.bound.value * (1 + 1e-9));
    },
  );
});

function withRules(seed: number): Model {
  const { instance } = generateInstance({ n: 40, totalDemand: 600, seed, substitutes: 5, categorySize: 10 });
  const products = instance.products.map((p, i) => ({
    ...p,
    ...(i % 7 === 0 ? { packSize: 6 } : {}),
    ...(i % 11 === 1 ? { minQty: 5 } : {}),
    ...(i % 13 === 2 ? { maxQty: 3 } : {}),
    ...(i % 17 === 3 ? { mustOffer: true } : {}),
    ...(i % 19 === 4 ? { exclude: true } : {}),
    size: 1 + (i % 3),
  }));
  let spend = 0;
  for (const p of products) spend += (p.cost as number) * (p.demand as number);
  return validateInstance({
    ...instance,
    products,
    constraints: { budget: 0.6 * spend, capacity: 700, maxProducts: 25 },
  });
}

describe("rules", () => {
  const model = withRules(5);
  const results = new Map<Method, OptimizeResult>();
  beforeAll(async () => {
    for (const m of METHODS) results.set(m, await optimize(model, { method: m, seed: 1, timeLimitMs: 15000 }));
  });

  test.each(METHODS)("%s keeps every rule (budget, capacity, maxProducts, packs, min/max, mustOffer, exclude)", (m) => {
    const r = results.get(m) as OptimizeResult;
    expect(planWarnings(model, r.units)).toEqual([]);
    expect(r.decisions).toHaveLength(model.n);
    r.decisions.forEach((d, i) => {
      expect(d.units).toBe(r.units[i]);
      expect(d.carry).toBe(r.units[i] > 0);
      expect(d.reason.length).toBeGreaterThan(10);
      if (model.exclude[i]) expect(d.code).toBe("excluded");
      if (model.mustOffer[i]) expect(d.code).toBe("mustOffer");
    });
  });

  test("the bound prices the budget and capacity, lists the rules it leaves out, and is not beaten", () => {
    const r = results.get("auto") as OptimizeResult;
    expect(r.bound.ignoredConstraints).toEqual(
      expect.arrayContaining(["maxProducts", "mustOffer", "minQty", "maxQty", "packSize"]),
    );
    expect(r.bound.label).toContain("budget");
    for (const m of METHODS) {
      const e = (results.get(m) as OptimizeResult).evaluation;
      expect(e.expectedProfit - 3 * e.stdError).toBeLessThanOrEqual(r.bound.value);
    }
    const loose = validateInstance({
      ...generateInstance({ n: 40, totalDemand: 600, seed: 5, substitutes: 5, categorySize: 10 }).instance,
    });
    // Without the limits, the same catalogue's bound can only be higher.
    return optimize(loose, { method: "fluid" }).then((u) =>
      expect(u.bound.value).toBeGreaterThanOrEqual(r.bound.value - 1e-6),
    );
  });

  test("auto is not worse than the best baseline beyond simulation noise (paired seasons)", () => {
    const auto = (results.get("auto") as OptimizeResult).evaluation;
    for (const m of METHODS) {
      const e = (results.get(m) as OptimizeResult).evaluation;
      expect(auto.expectedProfit).toBeGreaterThanOrEqual(e.expectedProfit - 3 * Math.max(auto.stdError, e.stdError));
    }
  });
});

describe("impossible rules", () => {
  test("must-offer minimums above the budget name the products and the limit", async () => {
    const model = validateInstance({
      products: [
        { id: "A", price: 10, cost: 5, demand: 10, mustOffer: true, minQty: 20 },
        { id: "B", price: 10, cost: 5, demand: 10, mustOffer: true, minQty: 30 },
        { id: "C", price: 10, cost: 5, demand: 10 },
      ],
      constraints: { budget: 100 },
    });
    await expect(optimize(model)).rejects.toThrow(InputError);
    await expect(optimize(model)).rejects.toThrow(/\('A' and 'B'\) cost 250 .*above the budget 100/);
  });

  test("more must-offer products than maxProducts", async () => {
    const model = validateInstance({
      products: [
        { id: "A", price: 10, cost: 5, demand: 10, mustOffer: true },
        { id: "B", price: 10, cost: 5, demand: 10, mustOffer: true },
      ],
      constraints: { maxProducts: 1 },
    });
    await expect(optimize(model)).rejects.toThrow(
      /2 products must be offered \('A' and 'B'\), more than maxProducts 1/,
    );
  });
});

describe("reasons", () => {
  test("excluded, price below cost, pooled into a substitute, carried", async () => {
    const model = validateInstance({
      products: [
        { id: "Hit", price: 20, cost: 8, demand: 400 },
        { id: "Tail", price: 20, cost: 8, demand: 0.6 },
        { id: "Loss", price: 5, cost: 8, demand: 50 },
        { id: "Banned", price: 20, cost: 8, demand: 50, exclude: true },
      ],
      substitution: [
        { from: "Tail", to: "Hit", probability: 0.9 },
        { from: "Banned", to: "Hit", probability: 0.5 },
      ],
    });
    const r = await optimize(model, { seed: 2 });
    const by = new Map(r.decisions.map((d) => [d.id, d]));
    expect(by.get("Banned")?.code).toBe("excluded");
    expect(by.get("Loss")?.code).toBe("lowMargin");
    expect(by.get("Tail")?.carry).toBe(false);
    expect(by.get("Tail")?.reason).toMatch(/served by Hit, 90% retained/);
    expect(by.get("Hit")?.carry).toBe(true);
    expect(by.get("Hit")?.reason).toMatch(
      /absorbs demand of dropped Tail and Banned|absorbs demand of dropped Banned and Tail/,
    );
  });
});

describe("determinism and cancellation", () => {
  const model = validateInstance(generateInstance({ n: 60, totalDemand: 1200, seed: 9 }).instance);

  test("the same seed gives the same plan and figures; another seed may differ but stays close", async () => {
    const a = await optimize(model, { seed: 11 });
    const b = await optimize(model, { seed: 11 });
    expect(Array.from(a.units)).toEqual(Array.from(b.units));
    expect(a.evaluation.expectedProfit).toBe(b.evaluation.expectedProfit);
    const c = await optimize(model, { seed: 12 });
    expect(Math.abs(c.evaluation.expectedProfit - a.evaluation.expectedProfit)).toBeLessThan(
      0.02 * a.evaluation.expectedProfit,
    );
  });

  test("an abort rejects with OptimizeAborted; progress goes from 0 to 1 through named stages", async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const run = optimize(
      model,
      { seed: 1 },
      (p) => {
        if (!stages.includes(p.stage)) stages.push(p.stage);
        if (stages.length === 3) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow(OptimizeAborted);
    const fractions: number[] = [];
    await optimize(model, { method: "gk", seed: 1 }, (p) => fractions.push(p.fraction));
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1] - 1e-12);
  });
});
