// The caller's side of a SeasonPool over message ports, with no host API: the CLI wraps node:worker_threads
// threads in ports (src/cli/seasonThreads.ts), the add-in Web Workers (src/worker/webSeasonPool.ts). It sends
// each worker the model once, cuts a pass's blocks into contiguous shares (one per pass worker, the sums come
// back in block order, so any number of workers gives the same totals), and sends the ceiling's groups to the
// ceiling's own worker when there is one (docs/optimizer.md).

import type { Model } from "../model/instance";
import type { ComponentDual } from "../bound/componentSaaDual";
import type { DualJob } from "../bound/stochasticBound";
import type { BlockSums, PassRequest, PoolSample, SeasonPool } from "./seasonPool";
import type { FromSeasonWorker, ToSeasonWorker } from "./seasonService";

export interface SeasonPort {
  post(msg: ToSeasonWorker): void;
  /** Told when the port starts (true) and stops (false) owing answers: a Node thread is kept alive meanwhile. */
  owing?(on: boolean): void;
}

export interface PortPool extends SeasonPool {
  /** Each answer port `w` receives. */
  answer(w: number, msg: FromSeasonWorker): void;
  /** Port `w` failed or ended: what it owed fails at once, and so does anything asked of it later. */
  fail(w: number, err: Error): void;
}

/**
 * A pool over `ports`: every one runs passes, unless `apart`, when the last one only solves the ceiling's
 * groups (beside the passes, so the ceiling no longer comes before the search).
 */
export function portPool(ports: SeasonPort[], apart: boolean): PortPool {
  const total = ports.length;
  const workers = apart ? total - 1 : total;
  if (workers < 1) throw new RangeError("a season pool needs at least one worker for passes");
  const dualPort = apart ? total - 1 : -1;
  const modelIds = new WeakMap<Model, number>();
  let nextModel = 1;
  const sent = ports.map(() => 0);
  const dualsOut = ports.map(() => 0);
  const owed = ports.map(() => 0);
  const gone: (Error | null)[] = ports.map(() => null);
  let seq = 0;
  const pending = new Map<number, { w: number; resolve: (s: FromSeasonWorker) => void; reject: (e: Error) => void }>();

  const ensureModel = (w: number, model: Model): number => {
    let modelId = modelIds.get(model);
    if (modelId === undefined) modelIds.set(model, (modelId = nextModel++));
    if (sent[w] !== modelId) {
      ports[w].post({ type: "model", modelId, model, passes: w !== dualPort });
      sent[w] = modelId;
    }
    return modelId;
  };
  // Counted, so the first answer back does not release a port still owing another (a late ceiling group and
  // a pass can overlap).
  const ask = (w: number, msg: ToSeasonWorker & { seq: number }): Promise<FromSeasonWorker> => {
    const err = gone[w];
    if (err) return Promise.reject(err);
    return new Promise<FromSeasonWorker>((resolve, reject) => {
      pending.set(msg.seq, { w, resolve, reject });
      if (owed[w]++ === 0) ports[w].owing?.(true);
      ports[w].post(msg);
    }).finally(() => {
      if (--owed[w] === 0) ports[w].owing?.(false);
    });
  };

  return {
    workers,
    dualApart: apart,
    prepare(model: Model) {
      for (let w = 0; w < total; w++) if (!gone[w]) ensureModel(w, model);
    },
    async dual(model: Model, job: DualJob, component: number): Promise<ComponentDual> {
      // To the ceiling's own worker, else the one with the fewest groups in hand.
      let w = dualPort;
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
      const per = Math.ceil(blocks.length / workers);
      const parts = Array.from({ length: workers }, async (_, w) => {
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
    async simulate(model: Model, units: Int32Array, key: number, ranges: [number, number][], deadline?: number) {
      const parts = ranges.map(async (range, w) => {
        const modelId = ensureModel(w % workers, model);
        const answer = await ask(w % workers, { type: "simulate", seq: seq++, modelId, units, key, range, deadline });
        if (!("block" in answer)) throw new Error("season worker: no simulation block in its answer");
        return answer.block;
      });
      return Promise.all(parts);
    },
    answer(w: number, msg: FromSeasonWorker) {
      const p = pending.get(msg.seq);
      if (!p || p.w !== w) return;
      pending.delete(msg.seq);
      if ("error" in msg) p.reject(new Error(msg.error));
      else p.resolve(msg);
    },
    fail(w: number, err: Error) {
      gone[w] ??= err;
      for (const [id, p] of pending) {
        if (p.w !== w) continue;
        pending.delete(id);
        p.reject(err);
      }
    },
  };
}
