// The engine client: hands jobs to a small pool of Web Workers and gives back one promise per job that always
// settles: with the result, with the job's error, or with JobCancelled / JobTimedOut. Excel shows #BUSY!
// for as long as a custom function's promise is pending, so nothing here may leave one hanging.
//
// Cancel: the worker is asked to stop (the optimiser checks between steps) and the promise is rejected at
// once; if the worker has not stopped after a grace period (a long synchronous step), it is terminated and
// a fresh one takes its place. A timeout does the same. Where Web Workers are unavailable (Jest, old hosts)
// jobs run in-thread, cancelled through the same flag.

import type { OptimizeProgress } from "../engine";
import { failureToError, runJob, type Job, type JobResult } from "./jobs";
import type { FromWorker, ToWorker } from "./messages";

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: { data: FromWorker }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null;
}

export class JobCancelled extends Error {
  constructor(message = "The calculation was cancelled.") {
    super(message);
    this.name = "JobCancelled";
  }
}

export class JobTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `The calculation did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped; set a shorter time limit in Options (or run it from the task pane).`,
    );
    this.name = "JobTimedOut";
  }
}

export interface ClientOptions {
  /** Makes a worker; null (or a factory that throws) means in-thread. */
  createWorker?: (() => WorkerLike) | null;
  /** Workers running at once (jobs beyond wait in a queue). Default 1: the optimiser is CPU-bound. */
  poolSize?: number;
  /** How long a cancelled job's worker may take to stop before it is terminated. */
  cancelGraceMs?: number;
  /** The in-thread runner (tests may slow it down). */
  runInThread?: typeof runJob;
  /**
   * Season workers the engine worker may start for a job's passes (read at each submit, so a changed setting
   * counts from the next run). Default 0: every pass on the engine worker. The results are the same.
   */
  threads?: () => number;
}

export interface SubmitOptions {
  /** Longest run allowed, counted from when the job starts (not while it waits in the queue). */
  timeoutMs?: number;
  onProgress?: (p: OptimizeProgress) => void;
  /** Season workers for this job, instead of the client's setting. */
  threads?: number;
}

export interface JobHandle<T> {
  id: number;
  result: Promise<T>;
  cancel(): void;
}

interface Slot {
  worker: WorkerLike;
  /** The job the worker is busy with (also while a cancelled job winds down). */
  running?: Pending;
  killTimer?: ReturnType<typeof setTimeout>;
}

interface Pending {
  id: number;
  job: Job;
  onProgress?: (p: OptimizeProgress) => void;
  resolve(value: unknown): void;
  reject(err: Error): void;
  settled: boolean;
  timeoutMs?: number;
  timer?: ReturnType<typeof setTimeout>;
  slot?: Slot;
  flag: { aborted: boolean };
  threads: number;
}

const DEFAULT_GRACE_MS = 2000;

/** A usable count of season workers: a whole number from 0. */
function wholeThreads(t: number): number {
  return Number.isFinite(t) && t > 0 ? Math.floor(t) : 0;
}

export class EngineClient {
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private readonly slots: Slot[] = [];
  private readonly poolSize: number;
  private readonly graceMs: number;
  private readonly runInThread: typeof runJob;
  private createWorker: (() => WorkerLike) | null;
  private readonly threads: () => number;
  private disposed = false;

  constructor(options: ClientOptions = {}) {
    this.createWorker = options.createWorker ?? null;
    this.poolSize = Math.max(1, options.poolSize ?? 1);
    this.graceMs = options.cancelGraceMs ?? DEFAULT_GRACE_MS;
    this.runInThread = options.runInThread ?? runJob;
    this.threads = options.threads ?? (() => 0);
  }

  /** True when jobs run in Web Workers (false: in-thread fallback). */
  get usesWorkers(): boolean {
    return this.createWorker !== null;
  }

  /** Jobs submitted and not yet settled. */
  get pendingCount(): number {
    return this.queue.length + this.slots.filter((s) => s.running && !s.running.settled).length;
  }

  submit<J extends Job>(job: J, options: SubmitOptions = {}): JobHandle<JobResult<J>> {
    let resolve!: (v: unknown) => void;
    let reject!: (e: Error) => void;
    const result = new Promise<JobResult<J>>((res, rej) => {
      resolve = res as (v: unknown) => void;
      reject = rej;
    });
    const p: Pending = {
      id: this.nextId++,
      job,
      onProgress: options.onProgress,
      resolve,
      reject,
      settled: false,
      flag: { aborted: false },
      threads: wholeThreads(options.threads ?? this.threads()),
    };
    if (this.disposed) {
      this.settle(p, new JobCancelled("The engine was shut down."));
      return { id: p.id, result, cancel: () => undefined };
    }
    if (options.timeoutMs !== undefined && options.timeoutMs > 0) p.timeoutMs = options.timeoutMs;
    if (this.createWorker) {
      this.queue.push(p);
      this.pump();
    } else {
      this.runHere(p);
    }
    return { id: p.id, result, cancel: () => this.stop(p, new JobCancelled()) };
  }

  /** Ends every job and worker; later submissions are rejected. */
  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.splice(0)) this.settle(p, new JobCancelled("The engine was shut down."));
    for (const s of this.slots.splice(0)) {
      if (s.running) this.settle(s.running, new JobCancelled("The engine was shut down."));
      if (s.killTimer) clearTimeout(s.killTimer);
      s.worker.terminate();
    }
  }

  /** The clock starts when the job starts: a job waiting behind others is not timed out for their work. */
  private startClock(p: Pending): void {
    const ms = p.timeoutMs;
    if (ms !== undefined && !p.settled) p.timer = setTimeout(() => this.stop(p, new JobTimedOut(ms)), ms);
  }

  private settle(p: Pending, outcome: Error | { value: unknown }): void {
    if (p.settled) return;
    p.settled = true;
    if (p.timer) clearTimeout(p.timer);
    if (outcome instanceof Error) p.reject(outcome);
    else p.resolve(outcome.value);
  }

  private runHere(p: Pending): void {
    this.startClock(p);
    // A microtask later, so submit returns its handle (and cancel works) before the work starts.
    Promise.resolve()
      .then(() => (p.settled ? undefined : this.runInThread(p.job, (pr) => p.onProgress?.(pr), p.flag)))
      .then(
        (value) => this.settle(p, { value }),
        (err: unknown) => this.settle(p, err instanceof Error ? err : new Error(String(err))),
      );
  }

  /** Cancel or timeout: the promise settles now; the work is stopped (politely, then by force). */
  private stop(p: Pending, reason: Error): void {
    if (p.settled) return;
    p.flag.aborted = true;
    this.settle(p, reason);
    const queued = this.queue.indexOf(p);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return;
    }
    const slot = p.slot;
    if (!slot || slot.running !== p) return;
    try {
      slot.worker.postMessage({ type: "cancel", id: p.id });
    } catch {
      // A dead worker is replaced below.
    }
    slot.killTimer = setTimeout(() => this.replaceWorker(slot), reason instanceof JobTimedOut ? 0 : this.graceMs);
  }

  private spawn(): WorkerLike | null {
    if (!this.createWorker) return null;
    try {
      return this.createWorker();
    } catch {
      // Workers are unavailable here (e.g. blocked by the host): run in-thread from now on.
      this.createWorker = null;
      for (const p of this.queue.splice(0)) this.runHere(p);
      return null;
    }
  }

  private attach(slot: Slot): void {
    slot.worker.onmessage = (ev) => this.onMessage(slot, ev.data);
    slot.worker.onerror = (ev) => {
      ev.preventDefault?.();
      const p = slot.running;
      if (p)
        this.settle(
          p,
          new Error(
            `The engine worker stopped unexpectedly${ev.message ? `: ${ev.message}` : ""}. Recalculate to try again.`,
          ),
        );
      this.replaceWorker(slot);
    };
  }

  private replaceWorker(slot: Slot): void {
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = undefined;
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    const running = slot.running;
    slot.running = undefined;
    if (running) this.settle(running, new JobCancelled());
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (!this.disposed) this.pump();
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const p = slot.running;
    if (!p || p.id !== msg.id) return; // a message from a job already replaced
    if (msg.type === "progress") {
      if (!p.settled) p.onProgress?.(msg.progress);
      return;
    }
    if (msg.type === "done") this.settle(p, { value: msg.result });
    else this.settle(p, failureToError(msg.failure));
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = undefined;
    slot.running = undefined;
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot) {
        if (this.slots.length >= this.poolSize) return;
        const worker = this.spawn();
        if (!worker) return;
        slot = { worker };
        this.attach(slot);
        this.slots.push(slot);
      }
      const p = this.queue.shift() as Pending;
      slot.running = p;
      p.slot = slot;
      this.startClock(p);
      try {
        // Jobs computing at once (several ASSORT cells) share the cores rather than each taking them all.
        const busy = this.slots.filter((s) => s.running && !s.running.settled).length;
        const threads = p.threads > 0 ? Math.max(1, Math.floor(p.threads / Math.max(1, busy))) : 0;
        slot.worker.postMessage({ type: "run", id: p.id, job: p.job, threads });
      } catch (err) {
        this.settle(p, new Error(`The engine worker could not take the job: ${(err as Error).message}`));
        this.replaceWorker(slot);
      }
    }
  }
}

/** Added to a job's own time limit for its timeout: the final evaluation and writing come on top of the search. */
export const TIMEOUT_MARGIN_MS = 60000;
