// The engine work that runs off Excel's UI thread: plain-data jobs in, plain-data results out (everything
// here survives structured cloning, so the same code runs in a Web Worker and, as a fallback, in-thread).

import {
  InputError,
  OptimizeAborted,
  optimize,
  relaxBindingRules,
  simulateAsync,
  sweep,
  sweepPointResult,
} from "../engine";
import type {
  Model,
  OptimizeOptions,
  OptimizeProgress,
  OptimizeResult,
  Problem,
  Relaxation,
  RelaxOptions,
  SeasonPool,
  SimulationResult,
  SweepOptions,
  SweepResult,
  SweepRule,
} from "../engine";
import { similarityFromSheet, type SheetSimilarity } from "../sheet/attributes";
import { sheetBoundWithCeiling, type SheetBound } from "../sheet/bound";
import { choiceTable } from "../sheet/choiceTable";
import { fitFromSheet, type SheetFit } from "../sheet/fitSheet";
import { chainFromSheet, type ChainSettings, type SheetChain } from "../sheet/chainSheet";

// Jobs carry the validated Model (typed arrays and a Map survive structured cloning): the surface read and
// validated the ranges once, with located messages; the worker does not validate again.

export interface OptimizeJob {
  kind: "optimize";
  model: Model;
  options: OptimizeOptions;
}

export interface EvaluateJob {
  kind: "evaluate";
  model: Model;
  units: number[];
  seed: number | string;
  targetRelativeError?: number;
}

/** The bound of BOUND: seconds of fluid solves on large instances with a budget, so off the UI thread too. */
export interface BoundJob {
  kind: "bound";
  model: Model;
}

/** CHOICE's table: one walk per unavailable product, heavy when thousands are unavailable. */
export interface ChoiceJob {
  kind: "choice";
  model: Model;
  available: number[];
}

/** FIT's EM: seconds on a big history. The cells are plain values; rows are named from firstRow in messages. */
export interface FitJob {
  kind: "fit";
  history: unknown[][];
  /** The Products range's ids (they set the output order), or undefined: ids come from the history. */
  productIds?: string[];
  /** Sheet row number of the History range's header row. */
  firstRow: number;
  maxIterations?: number;
  tolerance?: number;
  minProbability?: number;
}

/** SIMILARITY compares every pair of products: seconds for thousands of them. */
export interface SimilarityJob {
  kind: "similarity";
  productIds: string[];
  attributes: unknown[][];
  /** Sheet row number of the Attributes range's header row. */
  firstRow: number;
  /** The [Strength] argument's value (undefined: the default). */
  strength?: unknown;
}

/** CHAIN and the pane's "Substitution from a model": the EM on the model's exact probabilities, seconds to minutes. */
export interface ChainJob {
  kind: "chain";
  productIds: string[];
  model: unknown[][];
  /** Sheet row number of the Model range's header row. */
  firstRow: number;
  settings: ChainSettings;
}

/** SWEEP and the pane's What if: one optimisation per point, minutes on big instances. */
export interface SweepJob {
  kind: "sweep";
  model: Model;
  rule: SweepRule;
  values: number[];
  options: SweepOptions;
}

/**
 * The pane's answer report after an Optimize: what relaxing each rule the plan binds on is worth (+10% budget
 * or space, one more product or change), re-optimised from the plan and paired on shared seasons.
 */
export interface RelaxJob {
  kind: "relax";
  model: Model;
  /** The optimised plan (its units and seed are what the relaxations start from). */
  base: OptimizeResult;
  /** timeLimitMs: the Optimize's limit; the re-optimisations take timeShare of it (default half) in all. */
  options: RelaxOptions;
}

/** The pane's "write this point's plan": the point's plan evaluated under its rule, as Optimize returns it. */
export interface SweepPointJob {
  kind: "sweepPoint";
  model: Model;
  rule: SweepRule;
  value: number;
  units: number[];
  options: OptimizeOptions;
}

export type Job =
  | OptimizeJob
  | EvaluateJob
  | BoundJob
  | ChoiceJob
  | FitJob
  | SimilarityJob
  | SweepJob
  | SweepPointJob
  | RelaxJob
  | ChainJob;

export interface EvaluateOutcome {
  simulation: SimulationResult;
  bound: SheetBound;
}

export type JobResult<J extends Job> = J extends OptimizeJob | SweepPointJob
  ? OptimizeResult
  : J extends EvaluateJob
    ? EvaluateOutcome
    : J extends BoundJob
      ? SheetBound
      : J extends FitJob
        ? SheetFit
        : J extends SimilarityJob
          ? SheetSimilarity
          : J extends SweepJob
            ? SweepResult
            : J extends RelaxJob
              ? Relaxation[]
              : J extends ChainJob
                ? SheetChain
                : unknown[][];

/** What a failed job sends back: enough to rebuild the error on the other side. */
export interface JobFailure {
  name: string;
  message: string;
  problems?: Problem[];
}

export function describeFailure(err: unknown): JobFailure {
  if (err instanceof InputError) return { name: err.name, message: err.message, problems: err.problems };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: "Error", message: String(err) };
}

export function failureToError(f: JobFailure): Error {
  if (f.problems) return new InputError(f.problems);
  const e = new Error(f.message);
  e.name = f.name;
  return e;
}

/** Row labels for a range whose header is on sheet row firstRow (functions cannot cross postMessage). */
function rowsFrom(range: string, firstRow: number) {
  return {
    rowLabel: (index: number) => `${range} row ${firstRow + index}`,
    rowNumber: (index: number) => firstRow + index,
  };
}

/** `pool`: season workers for the passes of the jobs that optimise (the same results as without). */
export async function runJob(
  job: Job,
  onProgress: (p: OptimizeProgress) => void,
  signal: { readonly aborted: boolean },
  pool?: SeasonPool,
): Promise<JobResult<Job>> {
  switch (job.kind) {
    case "optimize":
      return optimize(job.model, { ...job.options, pool }, onProgress, signal);
    case "evaluate":
      return evaluate(job, onProgress, signal);
    case "sweep":
      return sweep(job.model, job.rule, job.values, { ...job.options, pool }, onProgress, signal);
    case "relax":
      return relaxBindingRules(job.model, job.base, { ...job.options, pool }, signal, onProgress);
    case "sweepPoint":
      return sweepPointResult(job.model, job.rule, job.value, job.units, { ...job.options, pool }, onProgress, signal);
    case "bound":
      return sheetBoundWithCeiling(job.model);
    case "choice":
      return choiceTable(job.model, Uint8Array.from(job.available));
    case "fit": {
      const { maxIterations, tolerance, minProbability } = job;
      return fitFromSheet(job.history, job.productIds, {
        maxIterations,
        tolerance,
        minProbability,
        ...rowsFrom("History", job.firstRow),
      });
    }
    case "similarity":
      return similarityFromSheet(job.productIds, job.attributes, job.strength, rowsFrom("Attributes", job.firstRow));
    case "chain": {
      const chain = chainFromSheet(job.productIds, job.model, job.settings, rowsFrom("Model", job.firstRow), {
        onProgress,
        shouldStop: () => signal.aborted,
      });
      // A cancel stops the fit early; its half-fitted chain is not an answer.
      if (signal.aborted) throw new OptimizeAborted();
      return chain;
    }
    default: {
      // A job kind added to Job but not here fails to compile.
      const unknown: never = job;
      throw new Error(`Unknown job ${JSON.stringify((unknown as { kind?: unknown }).kind)}.`);
    }
  }
}

/** EVALUATE: the bound, then the simulation, yielding between batches so a cancel is seen at once. */
async function evaluate(
  job: EvaluateJob,
  onProgress: (p: OptimizeProgress) => void,
  signal: { readonly aborted: boolean },
): Promise<EvaluateOutcome> {
  onProgress({ stage: "Upper bound", fraction: 0 });
  const bound = sheetBoundWithCeiling(job.model, job.seed);
  const simulation = await simulateAsync(job.model, job.units, {
    seed: job.seed,
    targetRelativeError: job.targetRelativeError,
    onProgress: (f) => onProgress({ stage: "Simulating", fraction: f }),
    shouldStop: () => signal.aborted,
  });
  if (signal.aborted) throw new OptimizeAborted();
  return { simulation, bound };
}
