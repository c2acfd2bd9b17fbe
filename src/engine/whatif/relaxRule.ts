// The value of relaxing a rule (the answer report's "what is +10% budget worth?", and one step of a sweep):
// re-optimise from the base plan with the rule moved, then play the base and the relaxed plans on the same
// seasons and report the paired gain with its standard error and 95% interval.
// When the rule is loosened the base plan still keeps it, so the relaxed optimum can only be worth more:
// if the re-optimised plan comes out below the base on the shared seasons, the base plan is the answer
// and the gain is exactly 0 (a search that found nothing better, not a loss).

import type { Model } from "../model/instance";
import type { AbortSignalLike } from "../simulate/host";
import { DEFAULT_TIME_LIMIT_MS, optimize, OptimizeAborted } from "../optimize/optimize";
import type { OptimizeOptions, OptimizeProgress, OptimizeResult } from "../optimize/optimizeTypes";
import type { Relaxation, RuleName } from "../compare/compareTypes";
import { estimate } from "../compare/estimate";
import { pairedGain, pairedReps, pairedSeasons, PairedStopped, profitEstimate } from "./pairedSeasons";
import { relaxedLimit, ruleLimit, ruleUses, withRule } from "./rules";

export interface RelaxOptions extends OptimizeOptions {
  /** Share of timeLimitMs the re-optimisations may take, in all (default 0.5). */
  timeShare?: number;
  /** Seasons the plans are compared on (default: about 2e7 customer-steps, within [200, 4000]). */
  reps?: number;
}

/** Plays base and candidate on the same seasons; a wrapped cancel becomes OptimizeAborted. */
async function compare(
  model: Model,
  plans: Int32Array[],
  seed: number | string,
  reps: number,
  signal?: AbortSignalLike,
  onProgress?: (fraction: number) => void,
) {
  try {
    return await pairedSeasons(model, plans, {
      seed: `${String(seed)}:whatif`,
      reps,
      signal,
      onProgress: onProgress && ((f) => onProgress(0.8 + 0.2 * f)),
    });
  } catch (err) {
    throw err instanceof PairedStopped ? new OptimizeAborted() : err;
  }
}

export async function relaxRule(
  model: Model,
  base: OptimizeResult,
  rule: RuleName,
  to: number,
  options: RelaxOptions = {},
  signal?: AbortSignalLike,
  onProgress?: (fraction: number) => void,
): Promise<Relaxation> {
  const from = ruleLimit(model, rule);
  if (from === null) throw new RangeError(`the instance has no ${rule} rule to relax`);
  const moved = withRule(model, rule, to);
  const seed = options.seed ?? base.seed;
  const share = Math.max(0.01, Math.min(1, options.timeShare ?? 0.5));
  const relaxed = await optimize(
    moved,
    {
      seed,
      method: "auto",
      timeLimitMs: share * (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
      // The comparison below is what counts; the optimiser's own final evaluation can be brief.
      targetRelativeError: 0.02,
      startUnits: base.units,
    },
    onProgress && ((p) => onProgress(0.8 * p.fraction)),
    signal,
  );
  const reps = options.reps ?? pairedReps(model, 2);
  const [b, r] = await compare(moved, [base.units, relaxed.units], seed, reps, signal, onProgress);
  let gain = pairedGain(r, b);
  let units = relaxed.units;
  let profit = profitEstimate(r);
  const baseKeepsIt = to >= from && withinRule(moved, base.units, rule);
  if (baseKeepsIt && gain.mean < 0) {
    units = Int32Array.from(base.units);
    gain = estimate(0, 0);
    profit = profitEstimate(b);
  }
  return { rule, from, to, gain, units, profit, seasons: reps, stoppedEarly: relaxed.stoppedEarly };
}

function withinRule(model: Model, units: Int32Array, rule: RuleName): boolean {
  const use = ruleUses(model, units).find((u) => u.rule === rule);
  return use === undefined || use.used <= use.limit * (1 + 1e-9) + 1e-9;
}

/**
 * The value of relaxing each rule the base plan binds on: +10% budget, +10% capacity, one more product,
 * one more change (when the model has maxChanges). Slack rules are left out (their value is 0).
 * The re-optimisations share `timeShare` of the time limit between them. Progress names the rule being valued.
 */
export async function relaxBindingRules(
  model: Model,
  base: OptimizeResult,
  options: RelaxOptions = {},
  signal?: AbortSignalLike,
  onProgress?: (p: OptimizeProgress) => void,
): Promise<Relaxation[]> {
  const binding = ruleUses(model, base.units).filter((u) => u.binding);
  const out: Relaxation[] = [];
  const share = (options.timeShare ?? 0.5) / Math.max(1, binding.length);
  for (const [k, u] of binding.entries()) {
    const stage = `Valuing the ${RULE_WORDS[u.rule]} (${k + 1} of ${binding.length})`;
    const report = onProgress && ((f: number) => onProgress({ stage, fraction: (k + f) / binding.length }));
    report?.(0);
    const to = relaxedLimit(u.rule, u.limit);
    out.push(await relaxRule(model, base, u.rule, to, { ...options, timeShare: share }, signal, report));
  }
  onProgress?.({ stage: "Valuing the rules", fraction: 1 });
  return out;
}

const RULE_WORDS: Record<RuleName, string> = {
  budget: "budget",
  capacity: "space",
  maxProducts: "product limit",
  maxChanges: "change limit",
};
