// The conversation between the engine client (UI thread) and the engine worker.

import type { OptimizeProgress } from "../engine";
import type { Job, JobFailure } from "./jobs";

/** `threads`: season workers for the run's passes (0: all on the engine worker; the same results either way). */
export type ToWorker = { type: "run"; id: number; job: Job; threads?: number } | { type: "cancel"; id: number };

export type FromWorker =
  | { type: "progress"; id: number; progress: OptimizeProgress }
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; failure: JobFailure };
