// The current range through the optimiser: Lock and maxChanges kept by every method, contradictory rules
// stopped with a message, the comparison and the actions attached, and current = recommendation ⇒ no change.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { InputError, type Model } from "../../../src/engine/model/instance";
import { optimize } from "../../../src/engine/optimize/optimize";
import type { Method, OptimizeResult } from "../../../src/engine/optimize/optimizeTypes";
import { planWarnings } from "../../../src/engine/model/plan";
import { usage } from "../../../src/engine/model/planLimits";
import { validateInstance } from "../../../src/engine/model/validate";

const METHODS: Method[] = ["fluid", "newsvendor", "gk", "pooled", "auto"];

/** The 40-product all-rules instance of optimize.test.ts, with a current range, locks and maxChanges. */
function withCurrent(seed: number, maxChanges: number): Model {
  const { instance } = generateInstance({ n: 40, totalDemand: 600, seed, substitutes: 5, categorySize: 10 });
  const products = instance.products.map((p, i) => {
    const rules = {
      ...(i % 7 === 0 ? { packSize: 6 } : {}),
      ...(i % 11 === 1 ? { minQty: 5 } : {}),
      ...(i % 13 === 2 ? { maxQty: 3 } : {}),
      ...(i % 17 === 3 ? { mustOffer: true } : {}),
      ...(i % 19 === 4 ? { exclude: true } : {}),
    };
    const pack = rules.packSize ?? 1;
    let now = 0;
    if (i % 4 !== 0) {
      now = Math.max(rules.minQty ?? 1, Math.round(0.7 * (p.demand as number)));
      now = Math.ceil(now / pack) * pack;
      if (rules.maxQty !== undefined) now = Math.min(now, rules.maxQty);
    }
    const lock = i % 6 === 5 && now > 0 && !rules.exclude;
    return { ...p, ...rules, size: 1 + (i % 3), currentUnits: now, ...(lock ? { lock: true } : {}) };
  });
  let spend = 0;
  for (const p of products) spend += (p.cost as number) * (p.demand as number);
  return validateInstance({
    ...instance,
    products,
    constraints: { budget: 0.6 * spend, capacity: 700, maxProducts: 25, maxChanges },
  });
}

describe("Lock and maxChanges on 40 products with every other rule", () => {
  const model = withCurrent(5, 9);
  const results = new Map<Method, OptimizeResult>();
  beforeAll(async () => {
    for (const m of METHODS) results.set(m, await optimize(model, { method: m, seed: 1, timeLimitMs: 4000 }));
  }, 120000);

  test("the instance has locks, a binding product limit and forced changes", () => {
    expect(model.lock.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(usage(model, model.currentUnits as Int32Array).carried).toBeGreaterThan(25);
  });

  test.each(METHODS)("%s keeps the locks, at most maxChanges changes, and every other rule", (m) => {
    const r = results.get(m) as OptimizeResult;
    const current = model.currentUnits as Int32Array;
    expect(planWarnings(model, r.units)).toEqual([]);
    for (let i = 0; i < model.n; i++) if (model.lock[i]) expect(r.units[i]).toBe(current[i]);
    expect(usage(model, r.units).changes).toBeLessThanOrEqual(9);
    const rule = r.rules.find((x) => x.rule === "maxChanges");
    // The limit binds here (each method would change more without it), so keeping it is a real test.
    expect(rule).toMatchObject({ limit: 9, used: 9, binding: true });
    // Actions agree with the units, and the comparison counts them.
    const counts = { Keep: 0, Add: 0, Drop: 0, More: 0, Fewer: 0 };
    r.decisions.forEach((d, i) => {
      expect(d.currentUnits).toBe(current[i]);
      expect(d.action).toBeDefined();
      counts[d.action as keyof typeof counts]++;
      expect(
        d.reason.startsWith(d.action === "Keep" && d.units === 0 ? "Still not carried" : (d.action as string)),
      ).toBe(true);
      if (model.lock[i]) expect(d.reason).toMatch(/locked at the current units/);
      expect(d.buyValue).toBeCloseTo(d.units * model.cost[i], 9);
    });
    expect(r.comparison?.actions).toEqual(counts);
    expect(counts.Add + counts.Drop).toBeLessThanOrEqual(9);
    expect(r.comparison?.currentBreaks.join("; ")).toMatch(/carries 30 products, above maxProducts 25/);
  });

  test("a looser maxChanges can only help: auto's plan with 30 changes allowed is not worse beyond noise", async () => {
    const loose = withCurrent(5, 30);
    const r = await optimize(loose, { method: "auto", seed: 1, timeLimitMs: 4000 });
    const tight = (results.get("auto") as OptimizeResult).evaluation;
    expect(r.evaluation.expectedProfit).toBeGreaterThanOrEqual(
      tight.expectedProfit - 3 * Math.hypot(tight.stdError, r.evaluation.stdError),
    );
  });
});

describe("contradictory rules stop with a message naming products and limits", () => {
  const base = [
    { id: "A", price: 10, cost: 5, demand: 10, currentUnits: 10 },
    { id: "B", price: 10, cost: 5, demand: 10, currentUnits: 10 },
    { id: "C", price: 10, cost: 5, demand: 10 },
  ];

  test("must-offer not carried now and an excluded product carried now, with maxChanges 1", async () => {
    const model = validateInstance({
      products: [{ ...base[0], exclude: true }, base[1], { ...base[2], mustOffer: true }],
      constraints: { maxChanges: 1 },
    });
    await expect(optimize(model)).rejects.toThrow(InputError);
    await expect(optimize(model)).rejects.toThrow(
      /at least 2 products against the current range \(adding must-offer 'C' \(not carried now\); dropping 'A' \(carried now, but excluded or no quantity fits\)\), more than maxChanges 1/,
    );
  });

  test("current products beyond maxProducts with maxChanges 0", async () => {
    const model = validateInstance({ products: base, constraints: { maxChanges: 0, maxProducts: 1 } });
    await expect(optimize(model)).rejects.toThrow(/dropping 1 of the current products to stay within maxProducts 1/);
  });

  test("locked units above the budget", async () => {
    const model = validateInstance({
      products: [{ ...base[0], lock: true }, { ...base[1], lock: true }, base[2]],
      constraints: { budget: 60 },
    });
    await expect(optimize(model)).rejects.toThrow(/The locked products \('A' and 'B'\) cost 100 .*above the budget 60/);
  });

  test("the products that must stay under maxChanges cost more than the budget", async () => {
    const model = validateInstance({ products: base, constraints: { maxChanges: 0, budget: 8 } });
    await expect(optimize(model)).rejects.toThrow(
      /With maxChanges 0, at least 2 of the 2 current products stay in the range.*cost at least 10, above the budget 8/,
    );
  });
});

describe("the comparison and the reasons", () => {
  test("current = the recommendation: every action Keep and the gain exactly 0", async () => {
    const inst = generateInstance({ n: 30, totalDemand: 500, seed: 3 }).instance;
    for (const method of ["fluid", "newsvendor"] as const) {
      const first = await optimize(validateInstance(inst), { method, seed: 2 });
      expect(first.comparison).toBeUndefined();
      expect(first.decisions.every((d) => d.action === undefined && d.currentUnits === undefined)).toBe(true);
      const products = inst.products.map((p, i) => ({ ...p, currentUnits: first.units[i] }));
      const again = await optimize(validateInstance({ ...inst, products }), { method, seed: 2 });
      expect(Array.from(again.units)).toEqual(Array.from(first.units));
      expect(again.decisions.every((d) => d.action === "Keep")).toBe(true);
      const c = again.comparison;
      expect(c?.actions).toEqual({ Keep: 30, Add: 0, Drop: 0, More: 0, Fewer: 0 });
      expect(c?.gain.profit).toEqual({ mean: 0, se: 0, low: 0, high: 0 });
      expect(c?.gain.lostCustomers.mean).toBe(0);
    }
  });

  test("a drop says where its customers go and what that product gains; a quantity says why not one more", async () => {
    const model = validateInstance({
      products: [
        { id: "Hit", price: 20, cost: 8, demand: 400, currentUnits: 300 },
        { id: "Tail", price: 20, cost: 8, demand: 0.6, currentUnits: 3 },
        { id: "Other", price: 20, cost: 8, demand: 100, currentUnits: 0 },
      ],
      substitution: [{ from: "Tail", to: "Hit", probability: 0.9 }],
      constraints: { budget: 3000 },
    });
    const r = await optimize(model, { seed: 2, timeLimitMs: 5000 });
    const by = new Map(r.decisions.map((d) => [d.id, d]));
    expect(by.get("Tail")?.action).toBe("Drop");
    expect(by.get("Tail")?.reason).toMatch(/^Drop: 90% of its customers buy Hit instead, which gains \d+ units/);
    expect(by.get("Other")?.action).toBe("Add");
    // The budget (3000 = 375 units) binds: each carried product's reason names where the budget earns more.
    expect(r.rules[0]).toMatchObject({ rule: "budget", binding: true });
    expect(by.get("Hit")?.reason).toMatch(
      /units, 300 now: (beyond these the budget earns more on Other|one more would earn less|the budget is used up)/,
    );
    expect(r.kpis.productsCarried).toBe(2);
    expect(r.comparison?.gain.profit.mean).toBeGreaterThan(0);
  });
});
