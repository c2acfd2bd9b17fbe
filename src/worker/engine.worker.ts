// The Web Worker that runs engine jobs, so a long optimisation never freezes Excel (docs/office.md §2.7: an add-in
// unresponsive for 5 s is restarted). Cancels are honoured between the optimiser's steps; a job stuck in one
// long synchronous step is ended by the client terminating this worker (its season workers end with it).

import type { OptimizeProgress } from "../engine";
import { describeFailure, runJob } from "./jobs";
import type { FromWorker, ToWorker } from "./messages";
import { startSeasonWorker } from "./startSeasonWorker";
import { webSeasonPool, type WebSeasonPool } from "./webSeasonPool";

interface WorkerScope {
  onmessage: ((ev: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const cancelled = new Map<number, { aborted: boolean }>();

// The season workers, kept from run to run (starting one costs tens of ms), remade when a run asks for
// another number or one of them failed. Null where this host cannot start workers from a worker: runs then
// stay on this thread, with the same results.
let pool: WebSeasonPool | null = null;
let nested = true;

function seasonPool(size: number): WebSeasonPool | undefined {
  if (size < 1 || !nested) return undefined;
  if (pool && pool.size === size && !pool.broken) return pool;
  pool?.close();
  pool = null;
  try {
    pool = webSeasonPool(size, startSeasonWorker);
  } catch {
    nested = false;
    return undefined;
  }
  return pool;
}

scope.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === "cancel") {
    const flag = cancelled.get(msg.id);
    if (flag) flag.aborted = true;
    return;
  }
  const flag = { aborted: false };
  cancelled.set(msg.id, flag);
  const onProgress = (progress: OptimizeProgress) => scope.postMessage({ type: "progress", id: msg.id, progress });
  const withPool = seasonPool(msg.threads ?? 0);
  runJob(msg.job, onProgress, flag, withPool)
    .catch((err: unknown) => {
      // A season worker that failed (a host that cannot load it, one that ran out of memory): the same job
      // once more on this thread alone gives the same result; from now on this worker keeps to itself.
      if (!withPool?.broken || flag.aborted) throw err;
      nested = false;
      pool?.close();
      pool = null;
      return runJob(msg.job, onProgress, flag);
    })
    .then((result) => scope.postMessage({ type: "done", id: msg.id, result }))
    .catch((err) => scope.postMessage({ type: "failed", id: msg.id, failure: describeFailure(err) }))
    .finally(() => cancelled.delete(msg.id));
};
