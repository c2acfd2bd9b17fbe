// The fluid bound (docs/model.md §4) against independent ground truth: the LP itself solved by a general solver
// (HiGHS), the dual fixed point u_i = max(m_i, Σ_j ρ_ij u_j) and strong duality, the flow equations for the
// fluid sales, and the bound's promise: no plan's simulated profit exceeds it.

import loadHighs, { type Highs } from "highs";
import { fluidBound, type FluidSolution } from "../../../src/engine/bound/fluidBound";
import type { Model } from "../../../src/engine/model/instance";
import { simulate } from "../../../src/engine/simulate/simulate";
import { validateInstance } from "../../../src/engine/model/validate";
import type { DenseInstance } from "../groundTruth/exactDp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

let highs: Highs;
beforeAll(async () => {
  // Loading the WebAssembly module is the slow part: once per file.
  highs = await loadHighs();
});

interface LpSolution {
  value: number;
  sales: Float64Array;
  /** Row duals: the value of one more customer starting at i. */
  duals: Float64Array;
}

/**
 * max Σ m_i z_i  s.t.  z_i + w_i − Σ_j ρ[j][i]·w_j = D_i,  z, w ≥ 0,  z_i = 0 for excluded i.
 * Columns: z_0..z_{n−1}, then w_0..w_{n−1}; built column-wise straight from the dense ρ.
 */
function solveLp(inst: DenseInstance): LpSolution {
  const n = inst.demand.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    indices.push(i);
    values.push(1);
    starts.push(indices.length);
  }
  for (let j = 0; j < n; j++) {
    indices.push(j);
    values.push(1);
    for (let i = 0; i < n; i++) {
      if (inst.rho[j][i] > 0) {
        indices.push(i);
        values.push(-inst.rho[j][i]);
      }
    }
    starts.push(indices.length);
  }
  const colCost = [...inst.price.map((p, i) => p - inst.cost[i]), ...new Array<number>(n).fill(0)];
  const colUpper = [
    ...inst.ids.map((_, i) => (inst.exclude?.[i] ? 0 : highs.infinity)),
    ...new Array<number>(n).fill(highs.infinity),
  ];
  const model = highs.createModel({
    numCols: 2 * n,
    numRows: n,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Array<number>(2 * n).fill(0),
    colUpper,
    rowLower: inst.demand,
    rowUpper: inst.demand,
    matrix: { format: "csc", numRows: n, numCols: 2 * n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS status ${status}, not optimal`);
    const sol = model.getSolution();
    return { value: model.getObjectiveValue(), sales: sol.colValue.slice(0, n), duals: sol.rowDual.slice() };
  } finally {
    model.dispose();
  }
}

function modelOf(inst: DenseInstance): Model {
  return validateInstance(toInstanceJson(inst));
}

interface Case {
  label: string;
  inst: DenseInstance;
}

/** N from 2 to 80; negative margins, excluded products and rows summing to exactly 1 in most of them. */
function randomCases(): Case[] {
  const rnd = new TestRandom(20261125);
  const sizes = [2, 3, 4, 6, 9, 13, 20, 27, 35, 48, 60, 80];
  return sizes.map((n, k) => {
    const opts = {
      n,
      totalDemand: Math.round(rnd.uniform(5, 60) * n),
      linksPerRow: Math.min(n - 1, rnd.int(1, 8)),
      fullRowShare: k % 4 === 3 ? 0 : 0.6,
      negativeMarginShare: k % 3 === 0 ? 0 : 0.25,
      excludeShare: k % 2 === 0 ? 0.15 : 0,
      salvage: k % 2 === 1,
    };
    return {
      label: `N=${n}, links ${opts.linksPerRow}, full rows ${opts.fullRowShare}, neg ${opts.negativeMarginShare}, excl ${opts.excludeShare}`,
      inst: randomDenseInstance(rnd, opts),
    };
  });
}

const cases = randomCases();

function rowSumIsOneSomewhere(inst: DenseInstance): boolean {
  return inst.rho.some((row) => row.reduce((a, b) => a + b, 0) === 1);
}

test("the random instances cover what they claim: rows summing to 1, negative margins, excluded products", () => {
  expect(cases.filter((c) => rowSumIsOneSomewhere(c.inst)).length).toBeGreaterThanOrEqual(4);
  expect(cases.filter((c) => c.inst.price.some((p, i) => p <= c.inst.cost[i])).length).toBeGreaterThanOrEqual(4);
  expect(cases.filter((c) => c.inst.exclude?.some((e) => e)).length).toBeGreaterThanOrEqual(3);
});

describe.each(cases)("$label", ({ inst }) => {
  const model = modelOf(inst);
  const n = model.n;
  const margin = (i: number) => inst.price[i] - inst.cost[i];
  let fluid: FluidSolution;
  let lp: LpSolution;
  beforeAll(() => {
    fluid = fluidBound(model);
    lp = solveLp(inst);
  });

  test("bound = the LP optimum from HiGHS (1e-6 relative)", () => {
    expect(Math.abs(fluid.value - lp.value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(lp.value)));
  });

  test("dual u is the fixed point u_i = max(m_i, Σ_j ρ_ij u_j) and equals HiGHS's row duals", () => {
    const scale = Math.max(1, ...inst.price);
    for (let i = 0; i < n; i++) {
      let walk = 0;
      for (let j = 0; j < n; j++) walk += inst.rho[i][j] * fluid.dual[j];
      // An excluded product cannot sell, so its customer's only value is in walking on.
      const target = inst.exclude?.[i] ? walk : Math.max(margin(i), walk);
      expect(Math.abs(fluid.dual[i] - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(target)));
      // Every D_i > 0, so the LP's dual optimum is unique: the least u with u ≥ m and u ≥ ρu.
      expect(Math.abs(fluid.dual[i] - lp.duals[i])).toBeLessThanOrEqual(1e-6 * scale);
    }
  });

  test("strong duality: Σ D_i u_i = Σ m_i z_i = dualValue", () => {
    let dual = 0;
    for (let i = 0; i < n; i++) dual += inst.demand[i] * fluid.dual[i];
    const tol = 1e-9 * Math.max(1, Math.abs(lp.value));
    expect(Math.abs(fluid.dualValue - dual)).toBeLessThanOrEqual(tol);
    expect(Math.abs(fluid.dualValue - fluid.value)).toBeLessThanOrEqual(tol);
  });

  test("fluid sales and pass-throughs satisfy the flow equations, are non-negative, and give the value", () => {
    const z = fluid.sales;
    const w = fluid.passThrough;
    let value = 0;
    for (let i = 0; i < n; i++) {
      let inflow = 0;
      for (let j = 0; j < n; j++) inflow += inst.rho[j][i] * w[j];
      expect(Math.abs(z[i] + w[i] - inst.demand[i] - inflow)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, model.totalDemand),
      );
      expect(z[i]).toBeGreaterThanOrEqual(0);
      expect(w[i]).toBeGreaterThanOrEqual(0);
      if (inst.exclude?.[i]) expect(z[i]).toBe(0);
      // The assortment is where u_i = m_i, and only those products sell.
      if (fluid.offered[i]) expect(margin(i)).toBeGreaterThan(0);
      else expect(z[i]).toBe(0);
      value += margin(i) * z[i];
    }
    expect(Math.abs(value - fluid.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(fluid.value)));
  });
});

// Simulation under Jest is far slower than under plain Node, so this check uses the smaller instances.
describe.each(cases.filter((c) => c.inst.demand.length <= 20))("$label", ({ inst }) => {
  test("bound ≥ simulated profit of random plans and of the rounded fluid plan (3 standard errors)", () => {
    const model = modelOf(inst);
    const fluid = fluidBound(model);
    const rnd = new TestRandom(model.n * 7919);
    const plans: number[][] = [Array.from(fluid.sales, (z) => Math.round(z))];
    for (let k = 0; k < 3; k++) {
      plans.push(
        inst.demand.map((d, i) => (inst.exclude?.[i] || rnd.next() < 0.2 ? 0 : Math.round(rnd.uniform(0.3, 1.8) * d))),
      );
    }
    for (const [k, plan] of plans.entries()) {
      const sim = simulate(model, plan, { reps: 200, seed: 1000 + k });
      expect(sim.expectedProfit - 3 * sim.stdError).toBeLessThanOrEqual(fluid.value);
    }
  });
});

test("the fluid plan gets close to the bound when demand is large (the bound is not just any upper number)", () => {
  // With 10,000 customers a season, stock-outs and leftovers are small next to sales: the profit of the
  // fluid plan must come within 3% of the bound (the gap shrinks like 1/√demand).
  const inst = randomDenseInstance(new TestRandom(77), { n: 8, totalDemand: 10000, linksPerRow: 3, fullRowShare: 0.5 });
  const model = modelOf(inst);
  const fluid = fluidBound(model);
  const plan = Array.from(fluid.sales, (z) => Math.round(z));
  const sim = simulate(model, plan, { reps: 40, seed: 5 });
  expect(sim.expectedProfit).toBeLessThanOrEqual(fluid.value + 3 * sim.stdError);
  expect(sim.expectedProfit).toBeGreaterThan(0.97 * fluid.value); // measured: 0.993
});

test("no product with a positive margin: the bound is 0 and the assortment empty", () => {
  const inst: DenseInstance = {
    ids: ["A", "B", "C"],
    price: [10, 8, 5],
    cost: [10, 9, 6],
    salvage: [0, 0, 0],
    demand: [30, 20, 10],
    rho: [
      [0, 0.5, 0.5],
      [0.5, 0, 0.5],
      [0.25, 0.25, 0],
    ],
  };
  const fluid = fluidBound(modelOf(inst));
  expect(fluid.value).toBe(0);
  expect(Array.from(fluid.offered)).toEqual([0, 0, 0]);
  expect(solveLp(inst).value).toBeCloseTo(0, 9);
});

test("a hand-computed chain: B's customers are worth more walking to A than buying B", () => {
  // m = (10, 4); ρ[B][A] = 0.6. u_A = 10, u_B = max(4, 0.6·10 = 6) = 6, so B is dropped and its customers
  // walk: z_A = D_A + 0.6·D_B = 100 + 30 = 130, bound = 10·130 = 1300 = Σ D·u = 100·10 + 50·6.
  const inst: DenseInstance = {
    ids: ["A", "B"],
    price: [20, 10],
    cost: [10, 6],
    salvage: [0, 0],
    demand: [100, 50],
    rho: [
      [0, 0],
      [0.6, 0],
    ],
  };
  const fluid = fluidBound(modelOf(inst));
  expect(fluid.value).toBeCloseTo(1300, 9);
  expect(Array.from(fluid.dual)).toEqual([10, 6].map((v) => expect.closeTo(v, 12)));
  expect(Array.from(fluid.sales)).toEqual([expect.closeTo(130, 9), 0]);
  expect(Array.from(fluid.offered)).toEqual([1, 0]);
  expect(solveLp(inst).value).toBeCloseTo(1300, 6);
});
