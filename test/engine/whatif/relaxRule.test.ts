// The value of relaxing a rule: about 0 for a slack rule, clearly positive for a budget that binds, never
// below 0 beyond noise, only binding rules listed, and a cancel stops it.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import type { Model } from "../../../src/engine/model/instance";
import { usage } from "../../../src/engine/model/planLimits";
import { validateInstance } from "../../../src/engine/model/validate";
import { optimize, OptimizeAborted } from "../../../src/engine/optimize/optimize";
import type { OptimizeResult } from "../../../src/engine/optimize/optimizeTypes";
import { relaxBindingRules, relaxRule } from "../../../src/engine/whatif/relaxRule";
import { ruleUses } from "../../../src/engine/whatif/rules";

const { instance } = generateInstance({ n: 30, totalDemand: 500, seed: 4, substitutes: 4, categorySize: 10 });
const options = { seed: 3, timeLimitMs: 6000 };

function withConstraints(constraints: Record<string, number>): Model {
  return validateInstance({ ...instance, constraints });
}

let free: OptimizeResult;
let spend: number;
beforeAll(async () => {
  free = await optimize(validateInstance(instance), options);
  spend = usage(validateInstance(instance), free.units).spend;
}, 60000);

test("a slack budget is worth about nothing", async () => {
  const model = withConstraints({ budget: 3 * spend });
  const base = await optimize(model, options);
  expect(ruleUses(model, base.units)[0].binding).toBe(false);
  const r = await relaxRule(model, base, "budget", 3.3 * spend, options);
  expect(r.from).toBe(3 * spend);
  expect(Math.abs(r.gain.mean)).toBeLessThanOrEqual(Math.max(3 * r.gain.se, 0.003 * base.evaluation.expectedProfit));
  expect(await relaxBindingRules(model, base, options)).toEqual([]);
}, 60000);

test("a binding budget gains clearly, within the looser budget, on the same seasons", async () => {
  const model = withConstraints({ budget: 0.5 * spend });
  const base = await optimize(model, options);
  const [r, ...rest] = await relaxBindingRules(model, base, options);
  expect(rest).toEqual([]);
  expect(r.rule).toBe("budget");
  expect(r.to).toBeCloseTo(0.55 * spend, 6);
  expect(r.gain.mean).toBeGreaterThan(2 * r.gain.se);
  expect(r.gain.low).toBeGreaterThan(0);
  const used = usage(model, r.units).spend;
  expect(used).toBeLessThanOrEqual(0.55 * spend * (1 + 1e-9));
  expect(used).toBeGreaterThan(0.5 * spend);
  expect(r.seasons).toBeGreaterThanOrEqual(200);
}, 60000);

test("one more product is worth ≥ 0 within noise when maxProducts binds", async () => {
  const carried = usage(validateInstance(instance), free.units).carried;
  const model = withConstraints({ maxProducts: Math.max(1, carried - 8) });
  const base = await optimize(model, options);
  const rs = await relaxBindingRules(model, base, options);
  expect(rs.map((r) => r.rule)).toEqual(["maxProducts"]);
  expect(rs[0].gain.mean).toBeGreaterThanOrEqual(-2 * rs[0].gain.se);
  expect(usage(model, rs[0].units).carried).toBeLessThanOrEqual(carried - 7);
}, 60000);

test("bad limits and a cancel", async () => {
  const model = withConstraints({ budget: 0.5 * spend });
  const base = await optimize(model, { ...options, timeLimitMs: 500 });
  await expect(relaxRule(model, base, "capacity", 10, options)).rejects.toThrow(/no capacity rule/);
  await expect(relaxRule(model, base, "budget", -1, options)).rejects.toThrow(/0 or more/);
  await expect(relaxRule(model, base, "maxChanges", 3, options)).rejects.toThrow(/no maxChanges/);
  await expect(relaxRule(model, base, "budget", spend, options, { aborted: true })).rejects.toBeInstanceOf(
    OptimizeAborted,
  );
}, 60000);
