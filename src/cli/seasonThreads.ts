// The CLI's SeasonPool: passes over sampled seasons split across node:worker_threads (the engine fixes the
// blocks and adds their sums in order, so any number of threads gives the same plan). Each thread runs
// this same bundle (build/cli.js) with workerData marking it a season worker (main.ts), receives the
// model once, and then answers passes over ranges of blocks with their partial sums as plain data.

import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { blockSums, seasonScratch } from "../engine";
import type { BlockSums, Model, PassRequest, PoolSample, SeasonPool, SeasonScratch } from "../engine";

/** What a season worker is told. */
type ToSeasonWorker =
  | { type: "model"; modelId: number; model: Model }
  | {
      type: "pass";
      seq: number;
      modelId: number;
      sample: { key: number; first: number };
      request: PassRequest;
      blocks: [number, number][];
    };

type FromSeasonWorker = { seq: number; sums: BlockSums[] } | { seq: number; error: string };

const WORKER_FLAG = "assortSeasonWorker";

/** True in a thread started by threadPool (main.ts then serves passes instead of running a command). */
export function isSeasonWorker(): boolean {
  return parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;
}

/** The worker side: keeps one scratch state per model, answers each pass with its blocks' sums. */
export function serveSeasons(): void {
  const port = parentPort;
  if (!port) return;
  const scratch = new Map<number, SeasonScratch>();
  port.on("message", (msg: ToSeasonWorker) => {
    if (msg.type === "model") {
      // A new model replaces the old ones: a run optimises one model at a time.
      scratch.clear();
      scratch.set(msg.modelId, seasonScratch(msg.model));
      return;
    }
    try {
      const s = scratch.get(msg.modelId);
      if (!s) throw new Error(`season worker: model ${msg.modelId} was never sent`);
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

/** A pool of `workers` threads running `script` (the bundle itself by default). */
export function threadPool(workers: number, script: string = __filename): ThreadPool {
  const threads = Array.from({ length: workers }, () => {
    const w = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
    w.unref();
    return w;
  });
  const modelIds = new WeakMap<Model, number>();
  let nextModel = 1;
  const sent = threads.map(() => 0);
  let seq = 0;
  const pending = new Map<number, { resolve: (s: BlockSums[]) => void; reject: (e: Error) => void }>();
  for (const t of threads) {
    t.on("message", (msg: FromSeasonWorker) => {
      const p = pending.get(msg.seq);
      if (!p) return;
      pending.delete(msg.seq);
      if ("error" in msg) p.reject(new Error(msg.error));
      else p.resolve(msg.sums);
    });
    t.on("error", (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  return {
    workers,
    async run(sample: PoolSample, request: PassRequest, blocks: [number, number][]): Promise<BlockSums[]> {
      let modelId = modelIds.get(sample.model);
      if (modelId === undefined) modelIds.set(sample.model, (modelId = nextModel++));
      // Contiguous shares of the blocks, one per thread; the sums come back in block order.
      const per = Math.ceil(blocks.length / workers);
      const parts = threads.map((t, w) => {
        const part = blocks.slice(w * per, (w + 1) * per);
        if (part.length === 0) return Promise.resolve([] as BlockSums[]);
        if (sent[w] !== modelId) {
          t.postMessage({ type: "model", modelId, model: sample.model } satisfies ToSeasonWorker);
          sent[w] = modelId as number;
        }
        const id = seq++;
        return new Promise<BlockSums[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          t.ref();
          t.postMessage({
            type: "pass",
            seq: id,
            modelId: modelId as number,
            sample: { key: sample.key, first: sample.first },
            request,
            blocks: part,
          } satisfies ToSeasonWorker);
        }).finally(() => t.unref());
      });
      return (await Promise.all(parts)).flat();
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
