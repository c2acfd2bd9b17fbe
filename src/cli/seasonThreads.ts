// The CLI's SeasonPool: passes over sampled seasons split across node:worker_threads (the engine fixes the
// blocks and adds their sums in order, so any number of threads gives the same plan). Each thread runs
// the workers' own small bundle (build/seasonWorker.js, from seasonWorker.ts; the CLI's bundle itself where
// that is missing) with workerData marking it a season worker; the messages are the engine's (portPool on
// this side, seasonService on the thread's).

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { portPool, seasonService } from "../engine";
import type { FromSeasonWorker, SeasonPool, ToSeasonWorker } from "../engine";

const WORKER_FLAG = "assortSeasonWorker";

/** True in a thread started by threadPool (main.ts then serves passes instead of running a command). */
export function isSeasonWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: answers each message through the engine's season service. */
export function serveSeasons(): void {
  const port = parentPort;
  if (!port) return;
  const handle = seasonService();
  port.on("message", (msg: ToSeasonWorker) => {
    const answer = handle(msg);
    // Copied, not transferred (seasonService says why).
    if (answer) port.postMessage(answer);
  });
}

/** Default worker threads: every core (the main thread only waits during a pass), at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export interface ThreadPool extends SeasonPool {
  close(): Promise<void>;
}

/** The script a season worker runs: the small worker bundle beside this bundle, else this bundle itself. */
function workerScript(): string {
  const lean = join(__dirname, "seasonWorker.js");
  return existsSync(lean) ? lean : __filename;
}

/**
 * A pool of `workers` threads running `script` (the workers' bundle by default), plus, unless `apart` is
 * false, one more for the realistic ceiling's groups, so the ceiling runs beside the search's passes instead
 * of before them. It solves one group at a time, so each of its hot loops is compiled in one thread only: at
 * N = 1,000 on 2 cores the ceiling solved on every thread at once took longer than on one (1.0 s against
 * 0.8 s, the pass threads still starting and each compiling the dual's code).
 */
export function threadPool(workers: number, script: string = workerScript(), apart = true): ThreadPool {
  const threads = Array.from({ length: workers + (apart ? 1 : 0) }, () => {
    const w = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
    w.unref();
    return w;
  });
  // A thread keeps the process alive only while one of its answers is awaited.
  const pool = portPool(
    threads.map((t) => ({
      post: (msg: ToSeasonWorker) => t.postMessage(msg),
      owing: (on: boolean) => (on ? t.ref() : t.unref()),
    })),
    apart,
  );
  // A thread that failed or ended answers nothing more (waiting on it would leave the process nothing to wait
  // for, and it would end silently).
  threads.forEach((t, w) => {
    t.on("message", (msg: FromSeasonWorker) => pool.answer(w, msg));
    t.on("error", (err) => pool.fail(w, err));
    t.on("exit", (code) => pool.fail(w, new Error(`season worker ${w + 1} ended (exit code ${code})`)));
  });
  return Object.assign(pool, {
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  });
}
