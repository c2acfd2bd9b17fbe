// The warm start (OptimizeOptions.startUnits): a good plan handed in is not lost when the search has no time,
// a plan that breaks the new rules is fitted to them first, and a plan of the wrong length is refused.
// A cut search effort (OptimizeOptions.searchEffort) with a warm start: counted work, so the same plan on
// every run; not worse than its start; a share outside (0, 1] is refused.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { optimize } from "../../../src/engine/optimize/optimize";
import { usage } from "../../../src/engine/model/planLimits";
import { simulate } from "../../../src/engine/simulate/simulate";
import { validateInstance } from "../../../src/engine/model/validate";

function model(budget?: number) {
  const { instance } = generateInstance({ n: 30, totalDemand: 500, seed: 5, substitutes: 4, categorySize: 10 });
  return validateInstance({ ...instance, constraints: budget === undefined ? {} : { budget } });
}

test("with no time to search, the result is at least as good as the starting plan", async () => {
  const m = model();
  const good = await optimize(m, { seed: 2, timeLimitMs: 20000 });
  // 50 ms: next to no search (1 ms is now refused up front: the run could not finish its minimum seasons).
  const warm = await optimize(m, { seed: 2, timeLimitMs: 50, startUnits: good.units });
  const reps = 3000;
  const a = simulate(m, good.units, { seed: "check", reps });
  const b = simulate(m, warm.units, { seed: "check", reps });
  expect(b.expectedProfit).toBeGreaterThanOrEqual(a.expectedProfit - 3 * Math.hypot(a.stdError, b.stdError));
});

test("a starting plan over the budget is fitted to it", async () => {
  const free = await optimize(model(), { seed: 2, timeLimitMs: 5000 });
  const budget = 0.5 * usage(model(), free.units).spend;
  const m = model(budget);
  const r = await optimize(m, { seed: 2, timeLimitMs: 5000, startUnits: free.units });
  expect(usage(m, r.units).spend).toBeLessThanOrEqual(budget * (1 + 1e-9));
});

test("a starting plan of the wrong length is refused", async () => {
  await expect(optimize(model(), { startUnits: new Int32Array(3) })).rejects.toThrow(/3 quantities.*30 products/);
});

test("a warm run with a cut search effort is repeatable and not worse than its start", async () => {
  // Quick plans stand in for a sweep's neighbour: the test is about the warm run, not the start's quality.
  const free = await optimize(model(), { method: "newsvendor", seed: 2 });
  const spend = usage(model(), free.units).spend;
  const start = await optimize(model(0.5 * spend), { method: "newsvendor", seed: 2 });
  const m = model(0.7 * spend);
  const options = { seed: 2, timeLimitMs: 60000, startUnits: start.units, searchEffort: 0.1 };
  const a = await optimize(m, options);
  const b = await optimize(m, options);
  expect(a.stoppedEarly).toBe(false);
  expect(Array.from(a.units)).toEqual(Array.from(b.units));
  expect(usage(m, a.units).spend).toBeLessThanOrEqual(0.7 * spend * (1 + 1e-9));
  const reps = 3000;
  const x = simulate(m, start.units, { seed: "check", reps });
  const y = simulate(m, a.units, { seed: "check", reps });
  expect(y.expectedProfit).toBeGreaterThanOrEqual(x.expectedProfit - 3 * Math.hypot(x.stdError, y.stdError));
});

test.each([0, -0.5, 1.5, NaN])("a search effort of %p is refused", async (e) => {
  await expect(optimize(model(), { searchEffort: e })).rejects.toThrow(/searchEffort.*\(0, 1\].*got/);
});
