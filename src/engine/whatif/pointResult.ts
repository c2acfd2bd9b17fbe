// One sweep point's plan as a full result, the shape Optimize returns (evaluation, bound, decisions and
// reasons, KPIs, rules, the comparison with the current range), so the task pane can write a point of the
// What-if curve to the plan sheet through the same path as Optimize. The plan is not searched again: it is
// evaluated under the point's own rule, on fresh seasons, as optimize() evaluates its winner.

import type { Model } from "../model/instance";
import type { AbortSignalLike } from "../simulate/host";
import { simulateAsync } from "../simulate/simulate";
import { walkCapWarning } from "../simulate/workBudget";
import { planBound } from "../bound/planBound";
import { decisions } from "../optimize/decisions";
import { OptimizeAborted } from "../optimize/optimize";
import type { OptimizeOptions, OptimizeProgress, OptimizeResult } from "../optimize/optimizeTypes";
import { comparePlans } from "../compare/comparePlans";
import { planKpis } from "../compare/planKpis";
import { ruleUses } from "../compare/ruleUse";
import { withRule } from "./rules";
import type { SweepRule } from "./sweep";

export async function sweepPointResult(
  model: Model,
  rule: SweepRule,
  value: number,
  plan: ArrayLike<number>,
  options: OptimizeOptions = {},
  onProgress?: (p: OptimizeProgress) => void,
  signal?: AbortSignalLike,
): Promise<OptimizeResult> {
  const started = Date.now();
  const m = withRule(model, rule, value);
  if (plan.length !== m.n) throw new RangeError(`the plan has ${plan.length} quantities; the instance has ${m.n}`);
  const units = Int32Array.from(plan);
  const seed = options.seed ?? 1;
  const target = options.targetRelativeError ?? 0.002;
  const stop = () => signal?.aborted === true;
  const { value: boundValue, kind, ignoredConstraints, label } = planBound(m);
  onProgress?.({ stage: "Final evaluation", fraction: 0 });
  const evaluation = await simulateAsync(m, units, {
    seed: `${String(seed)}:evaluate`,
    targetRelativeError: target,
    minReps: 200,
    maxReps: 20000,
    onProgress: (f) => onProgress?.({ stage: "Final evaluation", fraction: 0.9 * f }),
    shouldStop: stop,
  });
  if (stop()) throw new OptimizeAborted();
  const warnings = [`The plan of the what-if point ${rule} = ${value}, evaluated on fresh seasons.`];
  const capped = walkCapWarning(evaluation);
  if (capped) warnings.push(capped);
  const comparison =
    m.currentUnits === null
      ? undefined
      : await comparePlans(m, m.currentUnits, units, {
          seed: `${String(seed)}:compare`,
          targetRelativeError: target,
          minReps: 200,
          maxReps: Math.max(200, evaluation.reps),
          shouldStop: stop,
        });
  if (stop()) throw new OptimizeAborted();
  onProgress?.({ stage: "Done", fraction: 1 });
  return {
    method: options.method ?? "auto",
    seed,
    units,
    evaluation,
    bound: { value: boundValue, kind, ignoredConstraints, label },
    shareOfBound: boundValue > 0 ? evaluation.expectedProfit / boundValue : NaN,
    shareOfBoundBasis: "fluid",
    decisions: decisions(m, units, evaluation),
    warnings,
    stoppedEarly: false,
    elapsedMs: Date.now() - started,
    kpis: planKpis(m, units, evaluation),
    rules: ruleUses(m, units),
    ...(comparison ? { comparison } : {}),
  };
}
