// The simulator against independent ground truth: closed forms (Poisson, binomial), the exact dynamic
// program of groundTruth/exactDp.ts, and the traffic distributions' moments; plus determinism, common
// random numbers and the accounting identities between its outputs.

import type { Model } from "../../../src/engine/model/instance";
import { Rng } from "../../../src/engine/random/rng";
import { seasonTraffic } from "../../../src/engine/simulate/season";
import { simulate, type SimulationResult } from "../../../src/engine/simulate/simulate";
import { validateInstance } from "../../../src/engine/model/validate";
import { exactPlan, poissonPmf, type DenseInstance } from "../groundTruth/exactDp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

/**
 * |estimate − truth| ≤ k·SE. When every season gave the same value the SE is 0, yet a rare other outcome
 * (probability ≲ 3/reps by the rule of three) may still move the truth by up to `range`·3/reps.
 */
function expectWithinSE(estimate: number, truth: number, se: number, k = 3, label = "", range = 0, reps = 1): void {
  const allowed = se > 0 ? k * se : (3 * range) / reps + 1e-9 * Math.max(1, Math.abs(truth));
  if (!(Math.abs(estimate - truth) <= allowed)) {
    throw new Error(
      `${label}: estimate ${estimate} vs exact ${truth}: off by ${Math.abs(estimate - truth)}, allowed ${allowed} (SE ${se})`,
    );
  }
}

function oneProduct(
  demand: number,
  price: number,
  cost: number,
  salvage: number,
  distribution: "poisson" | "fixed" = "poisson",
): Model {
  const p: Record<string, unknown> = { id: "A", price, cost, demand };
  if (salvage > 0) p.salvage = salvage;
  return validateInstance({ products: [p], customers: { distribution } });
}

/** E[min(N, x)] and P(N ≥ x) for N ~ Poisson(mean), from the pmf. */
function poissonMinAndTail(mean: number, x: number): { minMean: number; tail: number } {
  const pmf = poissonPmf(mean, x);
  let below = 0; // Σ_{k<x} (x − k)·pmf(k)
  let cdfBelow = 0; // P(N < x)
  for (let k = 0; k < x; k++) {
    below += (x - k) * pmf[k];
    cdfBelow += pmf[k];
  }
  return { minMean: x - below, tail: 1 - cdfBelow };
}

function binomialPmf(n: number, p: number): number[] {
  const out: number[] = [];
  let c = 1; // C(n, k)
  for (let k = 0; k <= n; k++) {
    out.push(c * p ** k * (1 - p) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

describe("single product, no substitution, Poisson customers", () => {
  // (D, x): none stocked, scarce, balanced, plentiful, far more than demand, small and large means.
  const cases: [number, number][] = [
    [5, 0],
    [5, 3],
    [5, 5],
    [5, 40],
    [0.7, 1],
    [20, 15],
    [20, 25],
    [12, 200],
  ];
  test.each(cases)("D = %p, x = %p: sales = E[min(D, x)], stockout = P(D ≥ x)", (D, x) => {
    const reps = 20000;
    const m = oneProduct(D, 10, 6, 0);
    const r = simulate(m, [x], { reps, seed: `single-${D}-${x}` });
    const { minMean, tail } = poissonMinAndTail(D, x);
    expectWithinSE(r.products.expectedSales[0], minMean, r.products.salesStdError[0], 3, "sales");
    if (x === 0) {
      expect(r.products.expectedSales[0]).toBe(0);
      expect(Number.isNaN(r.products.stockoutProbability[0])).toBe(true);
    } else {
      // A stock-out indicator is Bernoulli(tail).
      expectWithinSE(r.products.stockoutProbability[0], tail, Math.sqrt((tail * (1 - tail)) / reps), 4, "stockout");
    }
    // Every customer's first choice is A and she leaves unserved exactly when A is out.
    expectWithinSE(
      r.products.lostFirstChoice[0],
      D - minMean,
      Math.sqrt(D / reps) + r.products.salesStdError[0],
      3,
      "lost",
    );
    expect(r.products.substitutionInflow[0]).toBe(0);
  });

  test("profit with salvage: (p − s)·E[min(D, x)] − (c − s)·x, and its parts", () => {
    const D = 8;
    const x = 10;
    const [p, c, s] = [25, 11, 4];
    const m = oneProduct(D, p, c, s);
    const r = simulate(m, [x], { reps: 20000, seed: 99 });
    const { minMean } = poissonMinAndTail(D, x);
    const exact = p * minMean + s * (x - minMean) - c * x;
    expectWithinSE(r.expectedProfit, exact, r.stdError, 3, "profit");
    expect(r.purchaseCost).toBeCloseTo(c * x, 12);
    // Parts agree with each other: profit = revenue + salvage − cost, salvage = s·leftover.
    expect(r.expectedRevenue + r.expectedSalvage - r.purchaseCost).toBeCloseTo(r.expectedProfit, 9);
    expect(r.expectedSalvage).toBeCloseTo(s * r.products.expectedLeftover[0], 9);
    expect(r.expectedRevenue).toBeCloseTo(p * r.products.expectedSales[0], 9);
    // The profit's SE is (p − s) times the sales' SE: the only random part.
    expect(r.stdError).toBeCloseTo((p - s) * r.products.salesStdError[0], 6);
  });
});

describe("fixed customers: closed form", () => {
  test("two products without substitution: sales of each are E[min(Binomial(T, λ_i), x_i)]", () => {
    // T = 12 + 18 = 30 customers; first choice A with probability 0.4; nobody substitutes.
    const m = validateInstance({
      products: [
        { id: "A", price: 10, cost: 4, demand: 12 },
        { id: "B", price: 7, cost: 3, demand: 18 },
      ],
      customers: { distribution: "fixed" },
    });
    for (const [xa, xb] of [
      [0, 20],
      [12, 10],
      [40, 40],
    ]) {
      const r = simulate(m, [xa, xb], { reps: 10000, seed: `bin-${xa}-${xb}` });
      expect(r.expectedCustomers).toBe(30);
      [
        [0.4, xa],
        [0.6, xb],
      ].forEach(([lam, x], i) => {
        const exact = binomialPmf(30, lam).reduce((acc, pk, k) => acc + pk * Math.min(k, x), 0);
        expectWithinSE(r.products.expectedSales[i], exact, r.products.salesStdError[i], 3, `product ${i}, x = ${x}`);
      });
    }
  });
});

describe("exact dynamic program, N ≤ 3", () => {
  // Random prices/costs/salvage, random substitution (some rows summing to exactly 1 but always linked to a
  // product with an exit), random plans with some products not stocked.
  const rnd = new TestRandom(20240611);
  const cases: { name: string; inst: DenseInstance; plan: number[]; traffic: "fixed" | "poisson" }[] = [];
  const shapes: [number, number, "fixed" | "poisson"][] = [
    [1, 17, "poisson"],
    [2, 30, "fixed"],
    [2, 11, "fixed"],
    [3, 30, "fixed"],
    [3, 24, "fixed"],
    [3, 30, "fixed"],
    [3, 19, "fixed"],
    [3, 18, "poisson"],
    [2, 25, "poisson"],
  ];
  shapes.forEach(([n, total, traffic], c) => {
    const inst = randomDenseInstance(rnd, {
      n,
      totalDemand: total,
      linksPerRow: 2,
      fullRowShare: 0.7,
      salvage: true,
      negativeMarginShare: 0.15,
    });
    const plan = inst.demand.map((d) =>
      n === 3 && rnd.next() < 0.25 ? 0 : rnd.int(Math.round(0.4 * d), Math.round(1.5 * d) + 1),
    );
    if (!plan.some((x) => x > 0)) plan[0] = 3;
    cases.push({ name: `#${c + 1}: N = ${n}, ΣD = ${total}, ${traffic}, plan ${plan.join("/")}`, inst, plan, traffic });
  });

  test("the random instances include rows summing to exactly 1 and unstocked products", () => {
    const full = cases.filter((c) => c.inst.rho.some((row) => row.reduce((a, b) => a + b, 0) === 1));
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.plan.includes(0) && c.inst.demand.length > 1)).toBe(true);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const model = validateInstance(toInstanceJson(c.inst, { distribution: c.traffic }));
    const exact = exactPlan(c.inst, c.plan, c.traffic);
    const reps = 20000;
    const r = simulate(model, c.plan, { reps, seed: c.name });
    const profitRange = c.plan.reduce((acc, x, i) => acc + (c.inst.price[i] - c.inst.salvage[i]) * x, 0);
    expectWithinSE(r.expectedProfit, exact.profit, r.stdError, 3, "profit", profitRange, reps);
    exact.sales.forEach((s, i) =>
      expectWithinSE(
        r.products.expectedSales[i],
        s,
        r.products.salesStdError[i],
        3,
        `sales of ${c.inst.ids[i]}`,
        c.plan[i],
        reps,
      ),
    );
  });
});

describe("negative binomial traffic", () => {
  const demand = [70, 50, 80]; // ΣD = 200
  const cv = 0.35;
  const model = validateInstance({
    products: demand.map((d, i) => ({ id: `P${i}`, price: 10, cost: 5, demand: d })),
    substitution: [{ from: "P0", to: "P1", probability: 0.5 }],
    customers: { distribution: "negbin", cv },
  });

  test("seasonTraffic has mean ΣD and variance (cv·ΣD)²", () => {
    const draws = 100000;
    const rng = new Rng(12345);
    let s1 = 0;
    const xs = new Float64Array(draws);
    for (let k = 0; k < draws; k++) {
      xs[k] = seasonTraffic(model, rng);
      s1 += xs[k];
    }
    const mean = s1 / draws;
    let m2 = 0;
    let m4 = 0;
    for (const x of xs) {
      m2 += (x - mean) ** 2;
      m4 += (x - mean) ** 4;
    }
    const variance = m2 / (draws - 1);
    m4 /= draws;
    const trueVar = (cv * 200) ** 2; // 4900
    expectWithinSE(mean, 200, Math.sqrt(trueVar / draws), 4, "mean");
    // SE of a sample variance ≈ sqrt((μ4 − σ⁴)/n).
    expectWithinSE(variance, trueVar, Math.sqrt((m4 - variance * variance) / draws), 4, "variance");
    // Far from the Poisson's variance (200): the test can tell the two apart.
    expect(variance).toBeGreaterThan(10 * 200);
  });

  test("simulated expected customers with an empty plan is ΣD", () => {
    const reps = 3000;
    const r = simulate(model, [0, 0, 0], { reps, seed: "negbin-empty" });
    expectWithinSE(r.expectedCustomers, 200, Math.sqrt((cv * 200) ** 2 / reps), 4, "customers");
    // With nothing stocked every customer leaves.
    expect(r.expectedLostCustomers).toBeCloseTo(r.expectedCustomers, 9);
    expect(r.expectedProfit).toBe(0);
  });
});

describe("reproducibility", () => {
  const rnd = new TestRandom(77);
  const inst = randomDenseInstance(rnd, { n: 6, totalDemand: 120, linksPerRow: 3, fullRowShare: 0.5, salvage: true });
  const plan = inst.demand.map((d, i) => (i === 2 ? 0 : Math.round(d)));

  test("same seed gives bit-identical results; different seeds differ", () => {
    const model = validateInstance(toInstanceJson(inst));
    const a = simulate(model, plan, { reps: 500, seed: 42 });
    const b = simulate(model, plan, { reps: 500, seed: 42 });
    expect(b).toEqual(a);
    // A freshly validated copy of the same instance too (no hidden state in the model or caches).
    const c = simulate(validateInstance(toInstanceJson(inst)), plan, { reps: 500, seed: 42 });
    expect(c).toEqual(a);
    const d = simulate(model, plan, { reps: 500, seed: 43 });
    expect(d.expectedProfit).not.toBe(a.expectedProfit);
    expect(Array.from(d.products.expectedSales)).not.toEqual(Array.from(a.products.expectedSales));
  });

  test("matrix and list substitution forms give identical results", () => {
    const list = toInstanceJson(inst, { distribution: "poisson" }, "list");
    // The list in a scrambled order, the matrix with its ids in a different order from the products.
    const links = [...(list.substitution as unknown[])].reverse();
    const perm = [3, 0, 5, 1, 4, 2];
    const matrix = {
      ids: perm.map((i) => inst.ids[i]),
      matrix: perm.map((i) => perm.map((j) => inst.rho[i][j])),
    };
    const fromList = validateInstance({ ...list, substitution: links });
    const fromMatrix = validateInstance({ ...list, substitution: matrix });
    expect(Array.from(fromMatrix.substitution.rowSum)).toEqual(Array.from(fromList.substitution.rowSum));
    const a = simulate(fromList, plan, { reps: 1000, seed: 7 });
    const b = simulate(fromMatrix, plan, { reps: 1000, seed: 7 });
    expect(b).toEqual(a);
  });
});

describe("common random numbers", () => {
  test("two plans differing in one product: the difference is far less noisy under the same seed", () => {
    const rnd = new TestRandom(5);
    const inst = randomDenseInstance(rnd, { n: 5, totalDemand: 60, linksPerRow: 2, salvage: true });
    const model = validateInstance(toInstanceJson(inst));
    const planA = inst.demand.map((d) => Math.round(d));
    const planB = [...planA];
    planB[1] += 2;
    // One season per call: expectedProfit is that season's profit.
    const seasons = 1500;
    const same: number[] = [];
    const indep: number[] = [];
    for (let k = 0; k < seasons; k++) {
      const a = simulate(model, planA, { reps: 1, seed: k }).expectedProfit;
      same.push(simulate(model, planB, { reps: 1, seed: k }).expectedProfit - a);
      indep.push(simulate(model, planB, { reps: 1, seed: k + 1_000_000 }).expectedProfit - a);
    }
    const variance = (v: number[]) => {
      const mu = v.reduce((x, y) => x + y, 0) / v.length;
      return v.reduce((x, y) => x + (y - mu) ** 2, 0) / (v.length - 1);
    };
    const ratio = variance(same) / variance(indep);
    expect(ratio).toBeLessThan(0.1);
    // And the two estimates of the mean difference agree (CRN is unbiased).
    const mean = (v: number[]) => v.reduce((x, y) => x + y, 0) / v.length;
    expect(Math.abs(mean(same) - mean(indep))).toBeLessThan(
      4 * Math.sqrt((variance(same) + variance(indep)) / seasons),
    );
  });
});

describe("accounting identities", () => {
  const rnd = new TestRandom(31337);
  const inst = randomDenseInstance(rnd, { n: 8, totalDemand: 160, linksPerRow: 3, fullRowShare: 0.5, salvage: true });
  const plan = inst.demand.map((d, i) => (i % 3 === 0 ? 0 : Math.max(1, Math.round(d * 0.9))));

  function checkIdentities(model: Model, r: SimulationResult): void {
    const n = model.n;
    let sales = 0;
    let lost = 0;
    for (let i = 0; i < n; i++) {
      const p = r.products;
      expect(p.expectedSales[i]).toBeLessThanOrEqual(plan[i]);
      expect(p.expectedLeftover[i]).toBeCloseTo(plan[i] - p.expectedSales[i], 12);
      expect(p.substitutionInflow[i]).toBeLessThanOrEqual(p.expectedSales[i] + 1e-12);
      if (plan[i] === 0) {
        expect(Number.isNaN(p.stockoutProbability[i])).toBe(true);
        expect(p.expectedSales[i]).toBe(0);
      } else {
        expect(p.stockoutProbability[i]).toBeGreaterThanOrEqual(0);
        expect(p.stockoutProbability[i]).toBeLessThanOrEqual(1);
      }
      sales += p.expectedSales[i];
      lost += p.lostFirstChoice[i];
    }
    expect(r.expectedUnitsSold).toBeCloseTo(sales, 9);
    expect(r.expectedLostCustomers).toBeCloseTo(lost, 9);
    // Every customer either buys one unit or leaves.
    expect(r.expectedCustomers).toBeCloseTo(r.expectedUnitsSold + r.expectedLostCustomers, 9);
    expect(r.expectedRevenue + r.expectedSalvage - r.purchaseCost).toBeCloseTo(r.expectedProfit, 6);
    if (r.reps > 1) {
      expect(r.ci95[0]).toBeLessThanOrEqual(r.expectedProfit);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.expectedProfit);
    }
  }

  test("poisson: identities hold, and Σ firstChoiceDemand = expected customers (within sampling error)", () => {
    const model = validateInstance(toInstanceJson(inst));
    const reps = 4000;
    const r = simulate(model, plan, { reps, seed: 1 });
    expect(r.reps).toBe(reps);
    checkIdentities(model, r);
    const firstChoice = r.products.firstChoiceDemand.reduce((a, b) => a + b, 0);
    // Poisson(ΣD) traffic: the mean of `reps` seasons has SE sqrt(ΣD / reps).
    expectWithinSE(r.expectedCustomers, firstChoice, Math.sqrt(160 / reps), 4, "customers");
    expectWithinSE(firstChoice, 160, Math.sqrt(160 / reps), 4, "first-choice demand");
  });

  test("fixed: exactly round(ΣD) customers every season, so Σ firstChoiceDemand = customers exactly", () => {
    const model = validateInstance(toInstanceJson(inst, { distribution: "fixed" }));
    const r = simulate(model, plan, { reps: 2000, seed: 2 });
    checkIdentities(model, r);
    expect(r.expectedCustomers).toBe(160);
    expect(r.products.firstChoiceDemand.reduce((a, b) => a + b, 0)).toBeCloseTo(r.expectedCustomers, 9);
  });

  test("single seasons: whole units, sales ≤ units, stockout is 0 or 1", () => {
    const model = validateInstance(toInstanceJson(inst));
    for (let k = 0; k < 50; k++) {
      const r = simulate(model, plan, { reps: 1, seed: k });
      checkIdentities(model, r);
      for (let i = 0; i < model.n; i++) {
        const s = r.products.expectedSales[i];
        expect(Number.isInteger(s)).toBe(true);
        if (plan[i] > 0) expect(r.products.stockoutProbability[i]).toBe(s === plan[i] ? 1 : 0);
      }
      expect(Number.isInteger(r.expectedCustomers)).toBe(true);
    }
  });
});
