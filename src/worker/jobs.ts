// The engine work that runs off Excel's UI thread: plain-data jobs in, plain-data results out (everything
// here survives structured cloning, so the same code runs in a Web Worker and, as a fallback, in-thread).

import { InputError, type InstanceInput, type Problem } from "../engine/instance";
import { optimize } from "../engine/optimize";
import type { OptimizeOptions, OptimizeProgress, OptimizeResult } from "../engine/optimizeTypes";
import { simulate, type SimulationResult } from "../engine/simulate";
import { validateInstance } from "../engine/validate";
import { sheetBound, type SheetBound } from "../sheet/bound";
import { choiceTable } from "../sheet/choiceTable";

export interface OptimizeJob {
  kind: "optimize";
  input: InstanceInput;
  options: OptimizeOptions;
}

export interface EvaluateJob {
  kind: "evaluate";
  input: InstanceInput;
  units: number[];
  seed: number | string;
  targetRelativeError?: number;
}

/** The bound of BOUND: seconds of fluid solves on large instances with a budget, so off the UI thread too. */
export interface BoundJob {
  kind: "bound";
  input: InstanceInput;
}

/** CHOICE's table: one walk per unavailable product, heavy when thousands are unavailable. */
export interface ChoiceJob {
  kind: "choice";
  input: InstanceInput;
  available: number[];
}

export type Job = OptimizeJob | EvaluateJob | BoundJob | ChoiceJob;

export interface EvaluateOutcome {
  simulation: SimulationResult;
  bound: SheetBound;
}

export type JobResult<J extends Job> =
  J extends OptimizeJob ? OptimizeResult
  : J extends EvaluateJob ? EvaluateOutcome
  : J extends BoundJob ? SheetBound
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

export async function runJob(job: Job, onProgress: (p: OptimizeProgress) => void, signal: { readonly aborted: boolean }): Promise<JobResult<Job>> {
  const model = validateInstance(job.input);
  if (job.kind === "optimize") return optimize(model, job.options, onProgress, signal);
  if (job.kind === "bound") return sheetBound(model);
  if (job.kind === "choice") return choiceTable(model, Uint8Array.from(job.available));
  onProgress({ stage: "Upper bound", fraction: 0 });
  const bound = sheetBound(model);
  const simulation = simulate(model, job.units, {
    seed: job.seed,
    targetRelativeError: job.targetRelativeError,
    onProgress: (f) => onProgress({ stage: "Simulating", fraction: f }),
    shouldStop: () => signal.aborted,
  });
  return { simulation, bound };
}
