// The add-in's SeasonPool: a run's passes over sampled seasons split across Web Workers started by the engine
// worker (nested workers), plus one for the realistic ceiling's groups, so it runs beside the search. The
// engine fixes the blocks and adds their sums in order, so any number of workers gives the same plan, byte
// for byte, as none (docs/optimizer.md). A worker that fails fails what it owed; the run then reports it.

import { portPool, type FromSeasonWorker, type SeasonPool, type ToSeasonWorker } from "../engine";

export interface SeasonWorkerLike {
  postMessage(message: ToSeasonWorker): void;
  terminate(): void;
  onmessage: ((ev: { data: FromSeasonWorker }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface WebSeasonPool extends SeasonPool {
  /** Workers for passes (the ceiling's own comes on top). */
  readonly size: number;
  /** True once a worker failed: the next run makes a new pool. */
  readonly broken: boolean;
  close(): void;
}

/** Most pass workers a run starts, whatever the machine: past this the passes' blocks are too few to share. */
export const MAX_SEASON_WORKERS = 8;

/** Pass workers for a machine with `cores` logical cores: all but one (Excel keeps one), at least 1, at most 8. */
export function seasonWorkersFor(cores: number): number {
  const c = Number.isFinite(cores) && cores > 0 ? Math.floor(cores) : 2;
  return Math.max(1, Math.min(MAX_SEASON_WORKERS, c - 1));
}

/** A pool of `size` pass workers and the ceiling's own, each made by `create`. */
export function webSeasonPool(size: number, create: () => SeasonWorkerLike): WebSeasonPool {
  const workers: SeasonWorkerLike[] = [];
  try {
    for (let k = 0; k <= size; k++) workers.push(create());
  } catch (err) {
    for (const w of workers) w.terminate();
    throw err;
  }
  const pool = portPool(
    workers.map((w) => ({ post: (msg: ToSeasonWorker) => w.postMessage(msg) })),
    true,
  );
  let broken = false;
  workers.forEach((w, k) => {
    w.onmessage = (ev) => pool.answer(k, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault?.();
      broken = true;
      pool.fail(k, new Error(`season worker ${k + 1} stopped${ev.message ? `: ${ev.message}` : ""}`));
    };
  });
  return {
    workers: pool.workers,
    dualApart: pool.dualApart,
    prepare: (model) => pool.prepare?.(model),
    run: (sample, request, blocks) => pool.run(sample, request, blocks),
    dual: (model, job, component) => pool.dual!(model, job, component),
    simulate: (model, units, key, ranges, deadline) => pool.simulate!(model, units, key, ranges, deadline),
    size,
    get broken() {
      return broken;
    },
    close() {
      for (const w of workers) w.terminate();
    },
  };
}
