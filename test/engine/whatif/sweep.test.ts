// Sweeps: profit non-decreasing in budget and in maxProducts within 2 paired standard errors on several
// instances; a budget above the unconstrained buy gives the unconstrained optimum; marginal profits are the
// paired differences; bad values are refused with a clear message; a cancel stops the sweep.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { usage } from "../../../src/engine/model/planLimits";
import { validateInstance } from "../../../src/engine/model/validate";
import { optimize, OptimizeAborted } from "../../../src/engine/optimize/optimize";
import { pairedGain, pairedSeasons } from "../../../src/engine/whatif/pairedSeasons";
import { sweep, sweepValues, type SweepResult } from "../../../src/engine/whatif/sweep";

const INSTANCES = [
  { n: 16, totalDemand: 300, seed: 11, substitutes: 4, categorySize: 8 },
  { n: 20, totalDemand: 200, seed: 12, substitutes: 3, categorySize: 10 },
  { n: 12, totalDemand: 500, seed: 13, substitutes: 5, categorySize: 6 },
];

function expectMonotone(r: SweepResult) {
  for (let i = 1; i < r.points.length; i++) {
    const a = r.points[i - 1];
    const b = r.points[i];
    // marginalProfit × step is the paired difference: its SE is the paired one.
    const m = b.marginalProfit!;
    const dv = b.value - a.value;
    expect(m.mean * dv).toBeCloseTo(b.expectedProfit.mean - a.expectedProfit.mean, 6);
    expect(m.mean * dv).toBeGreaterThanOrEqual(-2 * m.se * dv);
  }
}

describe.each(INSTANCES.map((o, k) => [k + 1, o] as const))("instance %i", (_k, gen) => {
  const { instance } = generateInstance(gen);
  const free = validateInstance(instance);

  test("profit is non-decreasing in budget; above the unconstrained buy it is the unconstrained optimum", async () => {
    const opt = await optimize(free, { seed: 5, timeLimitMs: 60000 });
    const spend = usage(free, opt.units).spend;
    const values = [0.3, 0.6, 0.9, 2, 3].map((f) => Math.round(f * spend));
    const r = await sweep(free, "budget", values, { seed: 5, timeLimitMs: 120000 });
    expect(r.points.map((p) => p.value)).toEqual(values);
    expectMonotone(r);
    for (const p of r.points) {
      expect(p.buyCost).toBeLessThanOrEqual(p.value * (1 + 1e-9));
      expect(p.expectedProfit.mean).toBeLessThanOrEqual(p.bound * (1 + 1e-9));
      expect(p.fillRate).toBeGreaterThan(0);
      expect(p.fillRate).toBeLessThanOrEqual(1);
    }
    // The last budget does not bind: its plan is an unconstrained plan, and worth at least what an independent
    // unconstrained optimisation finds, on the same seasons (both searches are bounded in time, so on a busy
    // machine either may stop early: the sweep's point must not be the one that is worse beyond noise).
    const last = r.points[r.points.length - 1];
    expect(last.buyCost).toBeLessThan(last.value);
    // The loosest plan keeps the budget below it too (its buy is under 2× the unconstrained one): not solved
    // again, the same plan, with that budget's own bound.
    const twice = r.points[3];
    expect(twice.reused).toBe(true);
    expect(Array.from(twice.plan)).toEqual(Array.from(last.plan));
    expect(r.points.slice(0, 3).every((p) => !p.reused)).toBe(true);
    const [a, b] = await pairedSeasons(free, [last.plan, opt.units], { seed: "cmp", reps: 1500 });
    const g = pairedGain(a, b);
    expect(g.mean).toBeGreaterThanOrEqual(-Math.max(3 * g.se, 0.005 * Math.abs(last.expectedProfit.mean)));
  }, 400000);

  test("profit is non-decreasing in maxProducts", async () => {
    const r = await sweep(free, "maxProducts", [2, 5, 10, 20], { seed: 6, timeLimitMs: 120000 });
    expectMonotone(r);
    for (const p of r.points) expect(p.productsCarried).toBeLessThanOrEqual(p.value);
  }, 400000);
});

test("bad values are refused with a clear message", () => {
  expect(() => sweepValues("budget", [100])).toThrow(/at least 2 different budget values/);
  expect(() => sweepValues("budget", [5, 5])).toThrow(/at least 2/);
  expect(() => sweepValues("budget", [-1, 5])).toThrow(/cannot be negative/);
  expect(() => sweepValues("budget", [NaN, 5])).toThrow(/must be a number/);
  expect(() => sweepValues("maxProducts", [1.5, 5])).toThrow(/whole numbers/);
  expect(() =>
    sweepValues(
      "budget",
      Array.from({ length: 51 }, (_, i) => i),
    ),
  ).toThrow(/at most 50 points/);
  expect(() => sweepValues("maxChanges" as never, [1, 2])).toThrow(/cannot sweep 'maxChanges'/);
  expect(sweepValues("capacity", [30, 10, 20])).toEqual([10, 20, 30]);
});

test("a cancel stops the sweep", async () => {
  const model = validateInstance(generateInstance(INSTANCES[0]).instance);
  const signal = { aborted: false };
  const run = sweep(
    model,
    "budget",
    [100, 200, 300],
    { timeLimitMs: 20000 },
    (p) => {
      if (p.pointsDone >= 1) signal.aborted = true;
    },
    signal,
  );
  await expect(run).rejects.toBeInstanceOf(OptimizeAborted);
}, 60000);
