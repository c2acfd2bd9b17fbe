// The CLI's SeasonPool: passes over sampled seasons split across node:worker_threads (the engine fixes the
// blocks and adds their sums in order, so any number of threads gives the same plan). Each thread runs
// the workers' own small bundle (build/seasonWorker.js, from seasonWorker.ts; the CLI's bundle itself where
// that is missing) with workerData marking it a season worker, receives the model once, and then answers
// passes over ranges of blocks with their partial sums as plain data.

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { blockSums, componentDual, dualScratch, seasonScratch } from "../engine";
import type {
  BlockSums,
  ComponentDual,
  DualJob,
  DualScratch,
  Model,
  PassRequest,
  PoolSample,
  SeasonPool,
  SeasonScratch,
} from "../engine";

/** What a season worker is told. */
type ToSeasonWorker =
  | { type: "model"; modelId: number; model: Model; passes: boolean }
  | {
      type: "pass";
      seq: number;
      modelId: number;
      sample: { key: number; first: number };
      request: PassRequest;
      blocks: [number, number][];
    }
  | { type: "dual"; seq: number; modelId: number; job: DualJob; component: number };

type FromSeasonWorker =
  { seq: number; sums: BlockSums[] } | { seq: number; dual: ComponentDual } | { seq: number; error: string };

const WORKER_FLAG = "assortSeasonWorker";

/** True in a thread started by threadPool (main.ts then serves passes instead of running a command). */
export function isSeasonWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: keeps one scratch state per model, answers each pass with its blocks' sums. */
export function serveSeasons(): void {
  const port = parentPort;
  if (!port) return;
  // Models as sent, and their season state, made on a model's first pass (the ceiling's thread never needs
  // it: its walk tables cost ~50 ms of CPU at N = 1,000, on a core the passes share).
  const models = new Map<number, Model>();
  const scratch = new Map<number, SeasonScratch>();
  const scratchOf = (modelId: number): SeasonScratch => {
    let s = scratch.get(modelId);
    if (s) return s;
    const model = models.get(modelId);
    if (!model) throw new Error(`season worker: model ${modelId} was never sent`);
    scratch.set(modelId, (s = seasonScratch(model)));
    return s;
  };
  // The ceiling's state per model, made on its first group (the substitution groups, the sampled seasons).
  const duals = new Map<number, DualScratch>();
  port.on("message", (msg: ToSeasonWorker) => {
    if (msg.type === "model") {
      // A new model replaces the old ones: a run optimises one model at a time.
      models.clear();
      scratch.clear();
      duals.clear();
      models.set(msg.modelId, msg.model);
      if (msg.passes) scratchOf(msg.modelId);
      return;
    }
    if (msg.type === "dual") {
      try {
        const model = models.get(msg.modelId);
        if (!model) throw new Error(`season worker: model ${msg.modelId} was never sent`);
        let d = duals.get(msg.modelId);
        if (!d) duals.set(msg.modelId, (d = dualScratch(model)));
        const dual = componentDual(d, msg.job, msg.component);
        port.postMessage({ seq: msg.seq, dual } satisfies FromSeasonWorker);
      } catch (err) {
        port.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    try {
      const s = scratchOf(msg.modelId);
      const sums = msg.blocks.map(([from, to]) => blockSums(s, msg.sample, msg.request, from, to));
      const transfer: ArrayBuffer[] = [];
      for (const b of sums) for (const a of [b.more, b.fewer, b.sales]) if (a) transfer.push(a.buffer as ArrayBuffer);
      port.postMessage({ seq: msg.seq, sums } satisfies FromSeasonWorker, transfer);
    } catch (err) {
      port.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
    }
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
  const total = workers + (apart ? 1 : 0);
  const threads = Array.from({ length: total }, () => {
    const w = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
    w.unref();
    return w;
  });
  const modelIds = new WeakMap<Model, number>();
  let nextModel = 1;
  const sent = threads.map(() => 0);
  // The ceiling's thread, when there is one: the last.
  const dualThread = apart ? workers : -1;
  const dualsOut = threads.map(() => 0);
  let seq = 0;
  const pending = new Map<number, { w: number; resolve: (s: FromSeasonWorker) => void; reject: (e: Error) => void }>();
  // A thread that failed or ended answers nothing more: what it owed, and anything asked of it later, fails
  // at once (waiting on it would leave the process nothing to wait for, and it would end silently).
  const gone: (Error | null)[] = threads.map(() => null);
  const fail = (w: number, err: Error) => {
    gone[w] ??= err;
    for (const [id, p] of pending) {
      if (p.w !== w) continue;
      pending.delete(id);
      p.reject(err);
    }
  };
  threads.forEach((t, w) => {
    t.on("message", (msg: FromSeasonWorker) => {
      const p = pending.get(msg.seq);
      if (!p) return;
      pending.delete(msg.seq);
      if ("error" in msg) p.reject(new Error(msg.error));
      else p.resolve(msg);
    });
    t.on("error", (err) => fail(w, err));
    t.on("exit", (code) => fail(w, new Error(`season worker ${w + 1} ended (exit code ${code})`)));
  });
  /** Sends the model to thread w unless it has it already; its id. */
  const ensureModel = (w: number, model: Model): number => {
    let modelId = modelIds.get(model);
    if (modelId === undefined) modelIds.set(model, (modelId = nextModel++));
    if (sent[w] !== modelId) {
      threads[w].postMessage({ type: "model", modelId, model, passes: w !== dualThread } satisfies ToSeasonWorker);
      sent[w] = modelId;
    }
    return modelId;
  };
  // A thread keeps the process alive while any of its answers is awaited (a late ceiling group and a pass
  // can overlap): counted, so the first answer back does not unref a thread still owing another.
  const owed = threads.map(() => 0);
  const ask = (w: number, msg: ToSeasonWorker & { seq: number }): Promise<FromSeasonWorker> => {
    const err = gone[w];
    if (err) return Promise.reject(err);
    return new Promise<FromSeasonWorker>((resolve, reject) => {
      pending.set(msg.seq, { w, resolve, reject });
      if (owed[w]++ === 0) threads[w].ref();
      threads[w].postMessage(msg);
    }).finally(() => {
      if (--owed[w] === 0) threads[w].unref();
    });
  };
  return {
    workers,
    dualApart: apart,
    prepare(model: Model) {
      for (let w = 0; w < total; w++) if (!gone[w]) ensureModel(w, model);
    },
    async dual(model: Model, job: DualJob, component: number): Promise<ComponentDual> {
      // To the ceiling's own thread, else the one with the fewest groups in hand (the engine keeps one per
      // thread in flight).
      let w = dualThread;
      if (w < 0) {
        w = 0;
        for (let t = 1; t < workers; t++) if (dualsOut[t] < dualsOut[w]) w = t;
      }
      dualsOut[w]++;
      try {
        const modelId = ensureModel(w, model);
        const answer = await ask(w, { type: "dual", seq: seq++, modelId, job, component });
        if (!("dual" in answer)) throw new Error("season worker: no dual in its answer");
        return answer.dual;
      } finally {
        dualsOut[w]--;
      }
    },
    async run(sample: PoolSample, request: PassRequest, blocks: [number, number][]): Promise<BlockSums[]> {
      // Contiguous shares of the blocks, one per thread; the sums come back in block order.
      const per = Math.ceil(blocks.length / workers);
      const parts = threads.slice(0, workers).map(async (_, w) => {
        const part = blocks.slice(w * per, (w + 1) * per);
        if (part.length === 0) return [] as BlockSums[];
        const modelId = ensureModel(w, sample.model);
        const answer = await ask(w, {
          type: "pass",
          seq: seq++,
          modelId,
          sample: { key: sample.key, first: sample.first },
          request,
          blocks: part,
        });
        return "sums" in answer ? answer.sums : [];
      });
      return (await Promise.all(parts)).flat();
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
