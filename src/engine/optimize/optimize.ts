// The optimiser every surface calls: which products to carry and how many units of each (docs/model.md §5).
//
// Methods (all return the same plan shape, judged the same way):
//   fluid       the fluid LP's sales, rounded, on its assortment.
//   newsvendor  the fluid assortment; each product stocked at its critical fractile of Poisson(fluid sales),
//               ignoring stock-out substitution.
//   gk          Gallego–Kim style: the fluid assortment, quantities by sample average approximation (SAA).
//   pooled      the paper's two steps: the pooled long-tail assortment (pooledAssortment.ts), SAA quantities.
//   auto        our best: the fluid, newsvendor and pooled plans as starts; from the best of them on a sample
//               of seasons, one SAA search that may also add and drop products (a superset of gk's and
//               pooled's moves); the winner among all of them is picked on a second, independent sample.
// SAA quantities maximise the plan's mean profit over a sample of simulated seasons of the true sequential
// process (improvePlan.ts), rather than the paper's per-sample LP relaxation: no LP solver in the loop, and
// the sampled objective is the real one, not a relaxation of it.
// Every method's plan is finally simulated on fresh seasons, independent of those used to choose it, so
// the profit reported is an unbiased estimate with its standard error.

import { seedKey } from "../random/hash";
import { pacer, yieldToHost, type AbortSignalLike } from "../simulate/host";
import type { Model } from "../model/instance";
import { decisions } from "./decisions";
import { fitToRules } from "../model/fitToRules";
import { improvePlan } from "./improvePlan";
import { limitedFluid, type LimitedFluid } from "../bound/limitedFluid";
import { planBound } from "../bound/planBound";
import { CEILING_SHARE, ceilingTimeMs, realisticCeilingAsync } from "../bound/realisticCeiling";
import type { Method, OptimizeOptions, OptimizeProgress, OptimizeResult, PlanBound } from "./optimizeTypes";
import { checkRulesFeasible, mayCarry } from "../model/planLimits";
import { criticalFractile, poissonQuantile } from "../random/poissonNewsvendor";
import { pooledAssortment } from "./pooledAssortment";
import { addByValue, greedyFill } from "./refill";
import {
  blockProfits,
  PassStopped,
  sampledSeasons,
  sampleProfit,
  unitValues,
  type SampledSeasons,
  type UnitValues,
} from "../simulate/sampledSeasons";
import { comparePlans } from "../compare/comparePlans";
import type { PlanComparison } from "../compare/compareTypes";
import { planKpis } from "../compare/planKpis";
import { ruleUses } from "../compare/ruleUse";
import { simulateAsync } from "../simulate/simulate";
import { checkWorkBudget, formatSeconds, seasonWalk, tooFewSeasons, walkCapWarning } from "../simulate/workBudget";

export const DEFAULT_TIME_LIMIT_MS = 20000;

/** The seed every surface uses when none is given. */
export const DEFAULT_SEED = 1;
/** Passes of the greedy-fill start under a budget or capacity (each spends a quarter of the room left). */
const GREEDY_PASSES = 60;
/**
 * Customers the greedy-fill start may simulate, and the share of the search's time it may take: it is only a
 * start for the search (on 300 products under a budget its 60 passes took 9 CPU s whatever the time limit).
 */
const GREEDY_WORK = 3e7;
const MIN_GREEDY_PASSES = 6;
const GREEDY_SHARE = 0.25;

/** Shares of the time limit by which each stage must end: search, then selection, then final evaluation. */
const SEARCH_SHARE = 0.7;
const SELECT_SHARE = 0.85;
/**
 * The ceiling's wall-clock guard, in multiples of its intended time: only for a machine far slower than the
 * budget assumes (a busy one, or worker threads still starting), since a cut ceiling is looser.
 */
const CEILING_GUARD = 10;
/** With a current range, the share of the limit kept after the final evaluation for the paired comparison. */
const COMPARE_SHARE = 0.05;

/** Thrown when the caller's AbortSignal fires. */
export class OptimizeAborted extends Error {
  constructor() {
    super("The optimisation was cancelled.");
    this.name = "OptimizeAborted";
  }
}

/** Seasons in the search sample: about 3 million customer-steps per pass, within [50, 2000] (fewer overfit). */
function searchSeasons(model: Model): number {
  return Math.max(50, Math.min(2000, Math.round(3e6 / Math.max(1, 1.5 * model.totalDemand))));
}

/**
 * Seasons in the polish sample: twice the search's (at least 3 million customer-steps per pass), at most
 * 20,000. Close plans differ by less than the search sample can tell apart where traffic is small (one pair
 * move is 0.1–1% of profit on tiny instances) or where N × demand is large (few seasons per pass).
 */
function polishSeasons(model: Model, search: number): number {
  return Math.min(20000, Math.max(2 * search, Math.round(3e6 / Math.max(1, 1.5 * model.totalDemand))));
}

/**
 * Customers simulated (passes × seasons × ΣD) the search and the polish may spend: counted work, so the
 * plan is the same on any machine and any number of workers. Late passes of either gain cents (at N = 1,000,
 * ΣD = 20,000 the polish's passes after the 15th gained under 0.003% of profit on fresh seasons); the bound
 * binds only where passes are heavy (large N × demand), never on small instances.
 */
const SEARCH_WORK = 1.2e8;
const POLISH_WORK = 6e7;
const MIN_SEARCH_PASSES = 8;
const MIN_POLISH_PASSES = 3;
/**
 * Past this N × ΣD, with no budget or capacity, the work shrinks in proportion to the size: the search's down
 * to its least passes, the polish's down to POLISH_WORK_LARGE. Measured on fresh seasons against the full
 * bounds (the speed bench's families, same seeds): at N = 1,000, ΣD = 20,000, 8–9 search and 6 polish
 * passes instead of 27–29 and 14–15 gave plans 0.007% and 0.009% less profitable (± 0.002%) for a third of
 * the search's CPU. Below 1e6 the saving is small and the cost is not: at N = 50, ΣD = 5,000 (2.5e5) the
 * lighter search left auto 2.2 ± 1.0 behind gk on 40,000 paired seasons (bench/results/quality.md), the full
 * one +0.9 ± 0.9. Its larger sample makes a polish pass worth more than a search pass, hence its floor.
 * Under a budget or capacity swaps and re-fills move a unit of the limit at a time and need their passes:
 * there the full bounds hold.
 */
const LARGE_SIZE = 1e6;
const POLISH_WORK_LARGE = 2.8e7;

/** The work bound at this instance's size (see LARGE_SIZE). */
function workAt(model: Model, work: number, floor: number): number {
  const size = model.n * model.totalDemand;
  if (size <= LARGE_SIZE || model.constraints.budget !== null || model.constraints.capacity !== null) return work;
  return Math.max(floor, (work * LARGE_SIZE) / size);
}

function passBound(model: Model, seasons: number, work: number, least: number): number {
  return Math.max(least, Math.floor(work / Math.max(1, seasons * model.totalDemand)));
}

/** Paired standard errors by which a candidate must trail the search's plan on the screening seasons to be dropped. */
const SCREEN_SE = 4;

/**
 * True when a plan's block profits trail the leader's on the same seasons beyond doubt: the mean paired
 * difference over the blocks is below −SCREEN_SE standard errors (identical seasons, so most of the noise
 * cancels).
 */
function clearlyBehind(blocks: Float64Array, lead: Float64Array): boolean {
  const m = blocks.length;
  if (m < 4 || lead.length !== m) return false;
  let mean = 0;
  for (let k = 0; k < m; k++) mean += (blocks[k] - lead[k]) / m;
  let v = 0;
  for (let k = 0; k < m; k++) v += (blocks[k] - lead[k] - mean) ** 2 / (m - 1);
  return mean < 0 && mean < -SCREEN_SE * Math.sqrt(v / m);
}

/** Newsvendor quantities on an assortment: the critical fractile of Poisson(fluid sales). */
function newsvendorWish(model: Model, sales: Float64Array, offered: Uint8Array): Float64Array {
  const wish = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) {
    if (!offered[i] && !model.mustOffer[i]) continue;
    wish[i] = poissonQuantile(sales[i], criticalFractile(model.price[i], model.cost[i], model.salvage[i]));
  }
  return wish;
}

/** Margins after pricing the budget and capacity: the assortment steps use them so limits shape the range. */
function pricedMargins(model: Model, lf: LimitedFluid): Float64Array {
  const m = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) {
    m[i] = model.price[i] - model.cost[i] - lf.budgetPrice * model.cost[i] - lf.capacityPrice * model.size[i];
  }
  return m;
}

/** The caller's starting plan, checked and fitted to the rules (it may come from other rules, e.g. a sweep). */
function warmStart(model: Model, start: Int32Array, mean: Float64Array): Int32Array {
  if (start.length !== model.n)
    throw new RangeError(`the starting plan has ${start.length} quantities; the instance has ${model.n} products`);
  return fitToRules(model, start, mean);
}

function seedText(seed: number | string, purpose: string): string {
  return `${String(seed)}:${purpose}`;
}

export async function optimize(
  model: Model,
  options: OptimizeOptions = {},
  onProgress?: (p: OptimizeProgress) => void,
  signal?: AbortSignalLike,
): Promise<OptimizeResult> {
  const started = Date.now();
  const method: Method = options.method ?? "auto";
  const seed = options.seed ?? 1;
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const effort = options.searchEffort ?? 1;
  if (!(effort > 0 && effort <= 1))
    throw new RangeError(`searchEffort must be a share of the search's work in (0, 1] (got ${String(effort)})`);
  // A start from a neighbouring scenario with a cut effort (a sweep's point): it stands in for the greedy fill.
  const warm = effort < 1 && options.startUnits !== undefined;
  let deadline = started + SEARCH_SHARE * limitMs;
  let selectDeadline = started + SELECT_SHARE * limitMs;
  let finalDeadline = started + limitMs;
  const warnings: string[] = [];
  const overTime: string[] = [];
  let stoppedEarly = false;
  const report = (stage: string, fraction: number) =>
    onProgress?.({ stage, fraction: Math.max(0, Math.min(1, fraction)) });
  const check = async () => {
    await yieldToHost();
    if (signal?.aborted) throw new OptimizeAborted();
  };
  const stop = () => {
    if (signal?.aborted) return true;
    if (Date.now() > deadline) {
      stoppedEarly = true;
      return true;
    }
    return false;
  };

  // Between seasons of a pass over a sample: yield now and then, and stop at once on a cancel.
  const pause = pacer(() => signal?.aborted === true);
  // A pass cut by its stage's deadline (sample.counters.deadline) gives null; a cancel aborts the run.
  const profitOn = async (sample: SampledSeasons, plan: Int32Array): Promise<number | null> => {
    try {
      return await sampleProfit(sample, plan, pause);
    } catch (err) {
      if (!(err instanceof PassStopped)) throw err;
      if (signal?.aborted) throw new OptimizeAborted();
      return null;
    }
  };
  checkRulesFeasible(model);
  // The workers set up (walk tables) while this thread solves the bound.
  options.pool?.prepare?.(model);
  report("Upper bound", 0);
  const lf = limitedFluid(model);
  // Refuse before any simulation a run whose least work (a pass of the search, two final seasons) cannot
  // fit the time limit.
  const least = (method === "fluid" || method === "newsvendor" ? 0 : searchSeasons(model)) + 2;
  checkWorkBudget(
    model,
    "optimize",
    least,
    limitMs,
    seasonWalk(model, fitToRules(model, lf.fluid.sales, lf.fluid.sales)),
  );
  const { value, kind, ignoredConstraints, label } = planBound(model, lf);
  const bound: PlanBound = { value, kind, ignoredConstraints, label };
  await check();
  // The realistic ceiling (SAA bound): a counted amount of work sized from the time limit. It does not steer
  // the plan. On a pool with a thread of its own for it, it runs there in the background while the search's
  // passes run on the others; otherwise first, on top of the search's time like the final evaluation (the
  // search keeps its whole limit).
  const ceilingMs = options.ceilingTimeMs ?? ceilingTimeMs(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const ceilingStarted = Date.now();
  const ceilingGuard = ceilingStarted + CEILING_GUARD * ceilingMs;
  const pool = options.pool;
  const apart = pool?.dual !== undefined && pool.dualApart === true;
  if (!apart) report("Realistic ceiling", 0.01);
  // Its groups are independent: solved here with a turn for the host between groups (a cancel is seen during
  // it too) and, with a pool, on its workers at the same time (here first: they may still be starting).
  const ceilingRun = realisticCeilingAsync(model, lf, {
    timeMs: ceilingMs,
    seed,
    deadline: ceilingGuard,
    shouldStop: () => signal?.aborted === true || Date.now() > ceilingGuard,
    solver: pool?.dual
      ? { slots: apart ? 1 : pool.workers, solve: (job, group) => pool.dual!(model, job, group) }
      : undefined,
    here: !apart,
    pause,
    onGroup: apart ? undefined : (done, of) => report("Realistic ceiling", 0.01 + (0.02 * done) / of),
  });
  // A failure is seen where the run waits for it; until then it must not surface as unhandled.
  let ceilingSettled = false;
  ceilingRun.then(
    () => (ceilingSettled = true),
    () => (ceilingSettled = true),
  );
  const ceilingIn = async () => {
    const ceiling = await ceilingRun;
    if (signal?.aborted) throw new OptimizeAborted();
    if (ceiling) bound.ceiling = ceiling;
    return ceiling;
  };
  if (!apart) {
    await ceilingIn();
    // The ceiling's time comes on top of the limit, up to its share of the limit (its work is sized to less,
    // so a busy machine has room): every stage's deadline moves by that much, so a ceiling slower still takes
    // its overrun from the search, not from the limit.
    const ceilingTook = Math.min(Date.now() - ceilingStarted, CEILING_SHARE * limitMs);
    deadline += ceilingTook;
    selectDeadline += ceilingTook;
    finalDeadline += ceilingTook;
  }
  await check();

  const mean = lf.fluid.sales;
  const fluidPlan = () => fitToRules(model, lf.fluid.sales, mean);
  const newsvendorPlan = () => fitToRules(model, newsvendorWish(model, lf.fluid.sales, lf.fluid.offered), mean);
  const pooledStart = () => {
    const allowed = new Uint8Array(model.n);
    for (let i = 0; i < model.n; i++) allowed[i] = mayCarry(model, i) ? 1 : 0;
    const pa = pooledAssortment(model, pricedMargins(model, lf), allowed);
    return fitToRules(model, newsvendorWish(model, pa.fluid.sales, pa.offered), pa.fluid.sales);
  };

  const greedyStart = async (s: SampledSeasons) => {
    const movable = new Uint8Array(model.n);
    for (let i = 0; i < model.n; i++) movable[i] = mayCarry(model, i) ? 1 : 0;
    const start = fitToRules(model, new Float64Array(model.n), mean);
    if (Date.now() > deadline) return start;
    const passes = Math.min(GREEDY_PASSES, passBound(model, s.keys.length, effort * GREEDY_WORK, MIN_GREEDY_PASSES));
    const until = Date.now() + GREEDY_SHARE * Math.max(0, deadline - Date.now());
    const late = () => {
      if (Date.now() <= until) return false;
      stoppedEarly = true;
      return true;
    };
    try {
      const filled = await greedyFill(s, start, movable, true, passes, pause, late);
      // Cut short by its pass or time bound, it would leave room a user sees as an unspent limit: the last
      // values it read spend the rest, best value per unit of the limit first.
      addByValue(model, filled.units, filled.values, movable, true, 1);
      return filled.units;
    } catch (err) {
      if (!(err instanceof PassStopped) || signal?.aborted)
        throw err instanceof PassStopped ? new OptimizeAborted() : err;
      stoppedEarly = true; // the search's deadline cut its first pass: the smallest plan is the start
      return start;
    }
  };

  let units: Int32Array;
  let sample: SampledSeasons | undefined;
  const getSample = () => {
    if (!sample) {
      sample = sampledSeasons(model, seedKey(seedText(seed, "search")), 0, searchSeasons(model), options.pool);
      sample.deadline = deadline;
    }
    return sample;
  };
  // Each SAA search gets its share of the progress bar and of the time.
  const search = async (start: Int32Array, free: boolean, from: number, to: number, label: string) => {
    report(label, from);
    if (stop()) return start; // the stage's time is already spent
    const result = await improvePlan(getSample(), start, {
      mayChangeAssortment: free,
      maxPasses: passBound(model, getSample().keys.length, effort * workAt(model, SEARCH_WORK, 0), MIN_SEARCH_PASSES),
      shouldStop: stop,
      onRound: (round) => report(label, from + (to - from) * Math.min(0.95, 1 - Math.exp(-round / 25))),
    });
    if (signal?.aborted) throw new OptimizeAborted();
    if (Date.now() > deadline) stoppedEarly = true; // a pass the deadline cut part-way ends the search too
    return result.units;
  };

  switch (method) {
    case "fluid":
      units = fluidPlan();
      break;
    case "newsvendor":
      units = newsvendorPlan();
      break;
    case "gk":
      units = await search(newsvendorPlan(), false, 0.05, 0.85, "SAA quantities");
      break;
    case "pooled":
      report("Pooling the long tail", 0.05);
      units = await search(pooledStart(), false, 0.1, 0.85, "SAA quantities");
      break;
    case "auto": {
      report("Baselines", 0.03);
      const candidates: { name: string; units: Int32Array }[] = [
        { name: "fluid", units: fluidPlan() },
        { name: "newsvendor", units: newsvendorPlan() },
        { name: "pooled assortment", units: pooledStart() },
      ];
      // The starting plan goes first: if the deadline cuts the comparison of starts, it is the one searched from.
      if (options.startUnits)
        candidates.unshift({ name: "starting", units: warmStart(model, options.startUnits, mean) });
      await check();
      // Under a budget or capacity, also the greedy fill from the smallest plan (best value per unit of the
      // limit first): a start that spreads the limit the way a unit-by-unit greedy would. Not for a warm run:
      // its passes cost more than the search's cut, and on a sweep it never won (bench/results/sweep.md).
      if (!warm && (model.constraints.budget !== null || model.constraints.capacity !== null))
        candidates.push({ name: "greedy fill", units: await greedyStart(getSample()) });
      // One search, free to add and drop products (a superset of gk's and pooled's moves), from the best
      // start on the search sample.
      const s = getSample();
      let best = candidates[0];
      let bestProfit = -Infinity;
      for (const c of candidates) {
        const p = await profitOn(s, c.units);
        if (p === null) {
          stoppedEarly = true;
          break;
        }
        if (p > bestProfit) {
          bestProfit = p;
          best = c;
        }
      }
      const searched = await search(best.units, true, 0.1, 0.6, "Improving the plan");
      // Polish on a larger, independent sample: the search's plan is a local optimum of its own sample.
      const polishCount = polishSeasons(model, getSample().keys.length);
      const polished = sampledSeasons(model, seedKey(seedText(seed, "polish")), 0, polishCount, options.pool);
      polished.deadline = deadline;
      report("Polishing the plan", 0.6);
      const polish = stop()
        ? { units: searched }
        : await improvePlan(polished, searched, {
            mayChangeAssortment: true,
            maxPasses: passBound(
              model,
              polishCount,
              effort * workAt(model, POLISH_WORK, POLISH_WORK_LARGE),
              MIN_POLISH_PASSES,
            ),
            shouldStop: stop,
            onRound: (round) => report("Polishing the plan", 0.6 + 0.2 * Math.min(0.95, 1 - Math.exp(-round / 10))),
          });
      if (signal?.aborted) throw new OptimizeAborted();
      candidates.push({ name: "auto", units: polish.units });
      // Choose on seasons the search never saw, so the winner is not the one that fitted the sample best.
      report("Choosing the best plan", 0.8);
      await check();
      // As many seasons as the polish used: the candidates can be as close as the polish could tell apart.
      // Screened on the first quarter of them: a candidate behind the search's plan there beyond doubt (paired
      // over the quarter's blocks) is dropped; the others are judged on all of them (that quarter and the rest).
      const selectKey = seedKey(seedText(seed, "select"));
      const screenCount = Math.max(1, Math.floor(polishCount / 4));
      const screen = sampledSeasons(model, selectKey, 0, screenCount, options.pool);
      const rest = sampledSeasons(model, selectKey, screenCount, polishCount - screenCount, options.pool);
      screen.deadline = selectDeadline;
      rest.deadline = selectDeadline;
      const blocksOn = async (plan: Int32Array): Promise<Float64Array | null> => {
        try {
          return await blockProfits(screen, plan, pause);
        } catch (err) {
          if (!(err instanceof PassStopped)) throw err;
          if (signal?.aborted) throw new OptimizeAborted();
          return null;
        }
      };
      // The search's own plan first: on a tie it wins.
      let winner = candidates[candidates.length - 1];
      let winnerProfit = -Infinity;
      let compared = 0;
      let lead: Float64Array | null = null;
      for (const c of [...candidates].reverse()) {
        const b = Date.now() > selectDeadline ? null : await blocksOn(c.units);
        const dropped = b !== null && lead !== null && clearlyBehind(b, lead);
        const r = b === null || dropped ? null : await profitOn(rest, c.units);
        if (b === null || (r === null && !dropped)) {
          overTime.push("selection");
          warnings.push(
            `Time limit: choosing the best plan on fresh seasons ran past ${formatSeconds(SELECT_SHARE * limitMs)} of the ${formatSeconds(limitMs)} limit; ` +
              (compared === 0
                ? "no candidate was compared, so the search's plan is kept."
                : `${compared} of ${candidates.length} candidate plans were compared.`),
          );
          break;
        }
        compared++;
        if (r === null) continue; // screened out: behind the search's plan beyond doubt
        lead ??= b;
        let screened = 0;
        for (const x of b) screened += x;
        const p = (screened + r * rest.keys.length) / polishCount;
        if (p > winnerProfit + 1e-9 * Math.abs(p)) {
          winnerProfit = p;
          winner = c;
        }
      }
      units = winner.units;
      const same = winner.units.every((x, i) => x === candidates[candidates.length - 1].units[i]);
      if (!same)
        warnings.push(`The search did not beat the ${winner.name} plan on fresh seasons; returning that plan.`);
      break;
    }
    default:
      throw new RangeError(`unknown method '${String(method)}'; use one of auto, fluid, newsvendor, gk, pooled`);
  }
  if (stoppedEarly) {
    overTime.unshift("search");
    warnings.push(
      `The time limit ended the search early (the search gets ${formatSeconds(SEARCH_SHARE * limitMs)} of the ${formatSeconds(limitMs)} limit): the plan is the best found so far (a longer limit may find a better one).`,
    );
  }

  // In the background the ceiling is usually done by now; if not, its thread finishes it before this one
  // starts the final evaluation (both would want a core).
  if (apart) {
    if (!ceilingSettled) report("Realistic ceiling", 0.84);
    await ceilingIn();
  }
  report("Final evaluation", 0.85);
  await check();
  const current = model.currentUnits;
  // With a current range the final stage also compares it with the plan: its share of the bar is smaller.
  const evalShare = current === null ? 0.15 : 0.09;
  const evalStarted = Date.now();
  // With a current range the comparison after the evaluation must also end by the limit: it keeps a share.
  // It keeps its own share even when an earlier stage ran late (its first seasons are its least work).
  const evalShareMs = (1 - SELECT_SHARE - (current === null ? 0 : COMPARE_SHARE)) * limitMs;
  const evalDeadline = Math.max(
    evalStarted + evalShareMs,
    finalDeadline - (current === null ? 0 : COMPARE_SHARE * limitMs),
  );
  const evaluation = await simulateAsync(model, units, {
    seed: seedText(seed, "evaluate"),
    targetRelativeError: options.targetRelativeError ?? 0.002,
    minReps: 200,
    maxReps: 20000,
    onProgress: (f) => report("Final evaluation", 0.85 + evalShare * f),
    shouldStop: () => signal?.aborted === true,
    deadline: evalDeadline,
    // Its batches split across the pool's workers: the same figures to the last bit.
    pool: options.pool,
  });
  if (signal?.aborted) throw new OptimizeAborted();
  // The deadline cuts every season, the first two too: a run that could not even play those has no result.
  if (evaluation.reps < 2)
    throw tooFewSeasons(model, "optimize", "final evaluation", evaluation, Date.now() - evalStarted, limitMs);
  if (evaluation.timeLimited) {
    overTime.push("final evaluation");
    warnings.push(
      `Time limit: the final evaluation stopped at the ${formatSeconds(limitMs)} limit after ${evaluation.reps} seasons, before its precision target; the profit's standard error (${evaluation.stdError.toPrecision(3)}) is wider than asked.`,
    );
  }
  const capped = walkCapWarning(evaluation);
  if (capped) warnings.push(capped);
  let comparison: PlanComparison | undefined;
  let values: UnitValues | undefined;
  if (current !== null) {
    // The one-unit values say why each quantity (one traced pass over the search's seasons).
    const traced = getSample();
    traced.deadline = finalDeadline;
    try {
      values = await unitValues(traced, units, undefined, pause);
    } catch (err) {
      if (!(err instanceof PassStopped) || signal?.aborted)
        throw err instanceof PassStopped ? new OptimizeAborted() : err;
      overTime.push("reasons");
      warnings.push(
        `Time limit: the ${formatSeconds(limitMs)} limit ended the pass that explains each quantity; the plan's reasons are left out.`,
      );
    }
    report("Final evaluation", 0.95);
    // Paired seasons need far fewer than the evaluation; cap them by its count and its duration so the final
    // stage at most doubles, and by the limit.
    const compareUntil = Math.min(finalDeadline, Date.now() + Math.max(200, Date.now() - evalStarted));
    const compared = await comparePlans(model, current, units, {
      seed: seedText(seed, "compare"),
      targetRelativeError: options.targetRelativeError ?? 0.002,
      minReps: 200,
      maxReps: Math.max(200, evaluation.reps),
      onProgress: (f) => report("Final evaluation", 0.95 + 0.05 * f),
      shouldStop: () => signal?.aborted === true || Date.now() > compareUntil,
      deadline: finalDeadline,
    });
    if (signal?.aborted) throw new OptimizeAborted();
    if (compared.seasons >= 2) comparison = compared;
    else {
      overTime.push("comparison");
      warnings.push(
        `Time limit: the ${formatSeconds(limitMs)} limit left no time to compare the current range with the plan on the same seasons; the comparison is left out.`,
      );
    }
  }
  report("Done", 1);
  const ceiling = bound.ceiling;
  const tighter = ceiling ? Math.min(ceiling.value, bound.value) : bound.value;
  return {
    method,
    seed,
    units,
    evaluation,
    bound,
    shareOfBound: tighter > 0 ? evaluation.expectedProfit / tighter : NaN,
    shareOfBoundBasis: ceiling && ceiling.value < bound.value ? "ceiling" : "fluid",
    decisions: decisions(model, units, evaluation, values),
    warnings,
    stoppedEarly,
    ...(overTime.length > 0 ? { overTime } : {}),
    elapsedMs: Date.now() - started,
    kpis: planKpis(model, units, evaluation),
    rules: ruleUses(model, units),
    ...(comparison ? { comparison } : {}),
  };
}
