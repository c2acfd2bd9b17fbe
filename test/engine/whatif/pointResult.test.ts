// A sweep point's plan as a full result (what the pane writes to the plan sheet): the plan unchanged, its
// evaluation the simulator's own on the same seed, its rules measured under the point's limit, its bound the
// fluid bound of that limit, a decision per product; a cancel stops it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planBound } from "../../../src/engine/bound/planBound";
import { validateInstance } from "../../../src/engine/model/validate";
import { OptimizeAborted } from "../../../src/engine/optimize/optimize";
import { simulate } from "../../../src/engine/simulate/simulate";
import { sweepPointResult } from "../../../src/engine/whatif/pointResult";
import { withRule } from "../../../src/engine/whatif/rules";

const model = validateInstance(JSON.parse(readFileSync(join(__dirname, "../../../examples/small.json"), "utf8")));
const plan = Int32Array.from([150, 100, 120, 70, 40, 0, 20, 8, 0, 0]);

test("the point's plan, evaluated under its own budget as the simulator evaluates it", async () => {
  const r = await sweepPointResult(model, "budget", 6000, plan, { seed: 7, targetRelativeError: 0.01 });
  expect(Array.from(r.units)).toEqual(Array.from(plan));
  const m = withRule(model, "budget", 6000);
  const direct = simulate(m, plan, { seed: "7:evaluate", targetRelativeError: 0.01, minReps: 200, maxReps: 20000 });
  expect(r.evaluation.expectedProfit).toBe(direct.expectedProfit);
  expect(r.evaluation.reps).toBe(direct.reps);
  expect(r.bound.value).toBe(planBound(m).value);
  expect(r.decisions).toHaveLength(model.n);
  expect(r.decisions.filter((d) => d.carry).map((d) => d.units)).toEqual(Array.from(plan).filter((u) => u > 0));
  const spend = plan.reduce((s, u, i) => s + u * model.cost[i], 0);
  expect(r.rules).toEqual([expect.objectContaining({ rule: "budget", used: spend, limit: 6000 })]);
  expect(r.warnings[0]).toContain("budget = 6000");
});

test("a plan of the wrong length is refused, and a cancel stops the evaluation", async () => {
  await expect(sweepPointResult(model, "budget", 6000, [1, 2])).rejects.toThrow(
    /the plan has 2 quantities; the instance has 10/,
  );
  await expect(sweepPointResult(model, "budget", 6000, plan, {}, undefined, { aborted: true })).rejects.toBeInstanceOf(
    OptimizeAborted,
  );
});
