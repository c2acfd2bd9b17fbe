// The realistic ceiling (the SAA bound of docs/model.md §4) against independent ground truth: HiGHS's exact
// SAA-LP optimum on the same seasons (the dual is never below it, and within 1% of it on the benchmark
// families), the exact optimum of tiny instances (dynamic programming over every stock vector), a
// simulated plan's profit, and the fluid bound on the same seasons.

import loadHighs, { type Highs } from "highs";
import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { limitedFluid } from "../../../src/engine/bound/limitedFluid";
import {
  planBoundWithCeiling,
  realisticCeiling,
  realisticCeilingAsync,
  tighterBound,
} from "../../../src/engine/bound/realisticCeiling";
import {
  componentDual,
  dualScratch,
  sampleSeasonCounts,
  stochasticBound,
} from "../../../src/engine/bound/stochasticBound";
import { substitutionComponents } from "../../../src/engine/bound/substitutionComponents";
import { optimize, OptimizeAborted } from "../../../src/engine/optimize/optimize";
import { validateInstance } from "../../../src/engine/model/validate";
import { bruteForceOptimum } from "../groundTruth/exactDp";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { solveSaaLp } from "../groundTruth/saaLp";
import { TestRandom } from "../groundTruth/testRandom";

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

function family(n: number, per: number, tail: number, margin: "low" | "high", seed = 1) {
  return validateInstance(
    generateInstance({ n, totalDemand: per * n, tailExponent: tail, margin, substitutes: 10, seed }).instance,
  );
}

describe("within 1% of HiGHS's exact SAA LP on the same seasons, and never below it", () => {
  const cases: [string, number, number, number, "low" | "high"][] = [
    ["N 50, ΣD/N 5, tail 0.8, low margins", 50, 5, 0.8, "low"],
    ["N 50, ΣD/N 20, tail 1.2, low margins", 50, 20, 1.2, "low"],
    ["N 50, ΣD/N 100, tail 0.8, high margins", 50, 100, 0.8, "high"],
    ["N 50, ΣD/N 5, tail 1.2, high margins", 50, 5, 1.2, "high"],
  ];
  test.each(cases)("%s", (_name, n, per, tail, margin) => {
    const model = family(n, per, tail, margin);
    const K = 20;
    const seed = `saa:${n}:${per}`;
    const lp = solveSaaLp(highs, model, sampleSeasonCounts(model, K, seed));
    const sb = stochasticBound(model, { samples: K, seed });
    expect(sb.value).toBeGreaterThanOrEqual(lp.value * (1 - 1e-7));
    expect(sb.value).toBeLessThanOrEqual(lp.value * 1.01);
    expect(sb.value).toBeLessThanOrEqual(sb.fluidOnSamples + 1e-9);
    expect(sb.componentsSolved).toBe(2);
  });
});

test("a budget and a capacity priced at the fluid bound's prices: still never below the exact SAA LP", () => {
  const inst = generateInstance({ n: 25, totalDemand: 250, tailExponent: 1, margin: "high", seed: 3 }).instance;
  const model = validateInstance({ ...inst, constraints: { budget: 900, capacity: 150 } });
  const lf = limitedFluid(model);
  expect(lf.budgetPrice + lf.capacityPrice).toBeGreaterThan(0);
  const K = 20;
  const lp = solveSaaLp(highs, model, sampleSeasonCounts(model, K, "limits"));
  const sb = stochasticBound(model, {
    samples: K,
    seed: "limits",
    budgetPrice: lf.budgetPrice,
    capacityPrice: lf.capacityPrice,
  });
  expect(sb.value).toBeGreaterThanOrEqual(lp.value * (1 - 1e-7));
  expect(sb.value).toBeLessThanOrEqual(sb.fluidOnSamples + 1e-9);
});

test("components left out count at their fluid bound: the sum stays between the full dual and the fluid bound", () => {
  const model = family(100, 5, 0.8, "low");
  const comps = substitutionComponents(model.substitution, model.n);
  expect(comps.length).toBe(4);
  const all = stochasticBound(model, { samples: 10, seed: 2 }, comps);
  const part = stochasticBound(model, { samples: 10, seed: 2, components: [0, 2] }, comps);
  const none = stochasticBound(model, { samples: 10, seed: 2, components: [] }, comps);
  expect(part.value).toBeGreaterThan(all.value);
  expect(part.value).toBeLessThan(none.value);
  expect(none.value).toBeCloseTo(limitedFluid(model).value, 6);
  expect(part.componentsSolved).toBe(2);
});

describe("tiny catalogues, Poisson traffic: never below the exact optimum beyond its noise", () => {
  const rnd = new TestRandom(1313);
  const cases = [
    [2, 6],
    [2, 12],
    [3, 4],
  ].map(([n, t]) => randomDenseInstance(rnd, { n, totalDemand: t, linksPerRow: 2, fullRowShare: 0.3, salvage: true }));
  test.each(cases.map((c, k) => [k + 1, c] as const))("case %i", (_k, inst) => {
    const total = inst.demand.reduce((a, b) => a + b, 0);
    const opt = bruteForceOptimum(
      inst,
      inst.demand.map(() => Math.ceil(total + 3 * Math.sqrt(total))),
      "poisson",
    );
    const model = validateInstance(toInstanceJson(inst, { distribution: "poisson" }));
    const c = realisticCeiling(model, limitedFluid(model), { timeMs: 3000, seed: 7 });
    expect(c).toBeDefined();
    expect(c!.seasons).toBe(50);
    expect(c!.stdError).toBeGreaterThan(0);
    expect(c!.value + 3 * c!.stdError).toBeGreaterThanOrEqual(opt.profit);
  });
});

test("optimize reports the ceiling; % of bound is of the tighter bound; a plan does not beat it beyond noise", async () => {
  const model = family(50, 5, 0.8, "low", 4);
  const r = await optimize(model, { seed: 2, timeLimitMs: 20000 });
  const c = r.bound.ceiling!;
  expect(c).toBeDefined();
  expect(c.seasons).toBeGreaterThanOrEqual(10);
  expect(c.label).toMatch(/^SAA bound on \d+ sampled seasons/);
  expect(c.value).toBeLessThan(r.bound.value);
  expect(r.shareOfBoundBasis).toBe("ceiling");
  expect(r.shareOfBound).toBeCloseTo(r.evaluation.expectedProfit / c.value, 12);
  expect(tighterBound(r.bound)).toEqual({ value: c.value, basis: "ceiling" });
  expect(c.value + 3 * Math.hypot(c.stdError, r.evaluation.stdError)).toBeGreaterThan(r.evaluation.expectedProfit);
  // Skipped on request: the fluid bound alone.
  const off = await optimize(model, { seed: 2, method: "fluid", ceilingTimeMs: 0 });
  expect(off.bound.ceiling).toBeUndefined();
  expect(off.shareOfBoundBasis).toBe("fluid");
});

test("same inputs, same ceiling (the work is counted, not timed)", () => {
  const model = family(50, 20, 1, "high", 5);
  const a = planBoundWithCeiling(model, 3000, 9).ceiling!;
  const b = planBoundWithCeiling(model, 3000, 9).ceiling!;
  expect(a).toEqual(b);
});

describe("solved elsewhere or a group at a time: the same ceiling, figure for figure", () => {
  const model = family(200, 5, 1, "low", 6);
  const lf = limitedFluid(model);
  const reference = realisticCeiling(model, lf, { timeMs: 400, seed: 3 })!;

  test("groups solved partly by a solver elsewhere (as workers would), finishing out of order, add up in order", async () => {
    const elsewhere: number[] = [];
    const scratch = dualScratch(model);
    let order = 0;
    const c = await realisticCeilingAsync(model, lf, {
      timeMs: 400,
      seed: 3,
      solver: {
        slots: 2,
        solve: (job, group) => {
          elsewhere.push(group);
          const d = componentDual(scratch, job, group);
          // Later answers for earlier asks: the sums must not depend on who finishes first.
          return new Promise((resolve) => setTimeout(() => resolve(d), 30 - 10 * (order++ % 3)));
        },
      },
    });
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(c).toEqual(reference);
  });

  test("here, with a turn for the host between groups, reporting each group", async () => {
    const done: number[] = [];
    let turns = 0;
    const c = await realisticCeilingAsync(model, lf, {
      timeMs: 400,
      seed: 3,
      pause: () => {
        turns++;
        return false;
      },
      onGroup: (k, of) => done.push(k / of),
    });
    expect(c).toEqual(reference);
    expect(turns).toBe(done.length);
    expect(done[done.length - 1]).toBe(1);
  });

  test("a stop between groups prices the rest at their fluid bound: looser, still above the full ceiling", async () => {
    let turns = 0;
    const c = (await realisticCeilingAsync(model, lf, { timeMs: 400, seed: 3, pause: () => ++turns > 1 }))!;
    expect(c.value).toBeGreaterThan(reference.value);
    expect(c.value).toBeLessThanOrEqual(lf.value + 1e-6 * Math.abs(lf.value));
    expect(c.label).toMatch(/cut short/);
  });
});

test("a cancel from the host is seen while the ceiling runs, before its last group", async () => {
  const model = family(200, 20, 1, "high", 7);
  const controller = new AbortController();
  let ceilingShare = 0;
  let abortedAt = -1;
  const run = optimize(
    model,
    { seed: 1, timeLimitMs: 20000 },
    (p) => {
      if (p.stage !== "Realistic ceiling") return;
      ceilingShare = p.fraction;
      // A host timer, as a Cancel button or a message would be: it can only fire if the ceiling yields.
      if (p.fraction > 0.01 && abortedAt < 0) {
        abortedAt = p.fraction;
        setTimeout(() => controller.abort(), 0);
      }
    },
    controller.signal,
  );
  await expect(run).rejects.toThrow(OptimizeAborted);
  expect(abortedAt).toBeGreaterThan(0);
  // Groups left when the cancel came were never solved: the ceiling's progress stopped short of its end.
  expect(ceilingShare).toBeLessThan(0.03);
});
