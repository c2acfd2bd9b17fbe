// The engine client: every promise settles (result, error, cancel, timeout, crash), progress flows, workers
// that do not stop are terminated and replaced, and the in-thread fallback gives the worker's answers.

import { InputError } from "../../src/engine/model/instance";
import { validateInstance } from "../../src/engine/model/validate";
import { EngineClient, JobCancelled, JobTimedOut, type WorkerLike } from "../../src/worker/client";
import { optimize } from "../../src/engine/optimize/optimize";
import { relaxBindingRules } from "../../src/engine/whatif/relaxRule";
import type { OptimizeResult } from "../../src/engine/optimize/optimizeTypes";
import { seasonWorkerControls } from "../stubs/startSeasonWorker";
import { runJob, type EvaluateJob, type EvaluateOutcome, type OptimizeJob, type RelaxJob } from "../../src/worker/jobs";
import type { FromWorker, ToWorker } from "../../src/worker/messages";

// The engine worker's season workers run in-process in Jest (test/stubs/startSeasonWorker.ts, by jest.config.js).
const mockSeasonWorkers = seasonWorkerControls();

const INPUT = {
  products: [
    { id: "A", price: 10, cost: 4, demand: 30 },
    { id: "B", price: 12, cost: 5, demand: 20 },
  ],
  substitution: [{ from: "A", to: "B", probability: 0.4 }],
};
const MODEL = validateInstance(INPUT);
/** Must-offer minimums above the budget: optimize's rule check refuses it. */
const UNAFFORDABLE = validateInstance({
  products: [{ id: "A", price: 10, cost: 4, demand: 30, mustOffer: true, minQty: 10 }],
  constraints: { budget: 20 },
});
const EVALUATE: EvaluateJob = { kind: "evaluate", model: MODEL, units: [30, 20], seed: 4, targetRelativeError: 0.01 };
const OPTIMIZE: OptimizeJob = { kind: "optimize", model: MODEL, options: { method: "fluid" } };

/** A worker whose replies the test writes by hand. */
class ScriptedWorker implements WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  onerror: ((ev: { message?: string }) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  postMessage(m: ToWorker) {
    this.received.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: FromWorker) {
    this.onmessage?.({ data: m });
  }
}

/** The real worker script (src/worker/engine.worker.ts) running in this process, behind a message boundary. */
function realWorker(): WorkerLike & { log: FromWorker[] } {
  const worker = {
    log: [] as FromWorker[],
    onmessage: null as ((ev: { data: FromWorker }) => void) | null,
    onerror: null as ((ev: { message?: string }) => void) | null,
    terminated: false,
    postMessage(m: ToWorker) {
      // Structured cloning, as postMessage does (typed arrays and Maps survive; functions would not).
      const data = structuredClone(m);
      setTimeout(() => scope.onmessage?.({ data }), 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const scope: { onmessage: ((ev: { data: ToWorker }) => void) | null; postMessage(m: FromWorker): void } = {
    onmessage: null,
    postMessage: (m) => {
      worker.log.push(m);
      if (!worker.terminated) worker.onmessage?.({ data: structuredClone(m) });
    },
  };
  const g = globalThis as unknown as { self?: unknown };
  const before = g.self;
  g.self = scope;
  // A fresh copy of the worker module per worker, bound to this scope (as each real worker loads its own).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.isolateModules(() => require("../../src/worker/engine.worker"));
  g.self = before;
  return worker;
}

const settleOf = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );

describe("in-thread fallback", () => {
  test("gives exactly what the job runner gives", async () => {
    const client = new EngineClient({ createWorker: null });
    expect(client.usesWorkers).toBe(false);
    const got = (await client.submit(EVALUATE).result) as EvaluateOutcome;
    const direct = (await runJob(EVALUATE, () => undefined, { aborted: false })) as EvaluateOutcome;
    expect(got.simulation.expectedProfit).toBe(direct.simulation.expectedProfit);
    expect(got.bound.value).toBe(direct.bound.value);
  });
  test("cancel rejects at once and stops the optimiser", async () => {
    const client = new EngineClient({ createWorker: null });
    const job = client.submit({ kind: "optimize", model: MODEL, options: { method: "auto", timeLimitMs: 60000 } });
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(JobCancelled);
  });
  test("engine input errors come back as InputError with their problems", async () => {
    const client = new EngineClient({ createWorker: null });
    // The worker gets a validated model; the rule check that optimize makes is what can still fail there.
    const bad = { ...OPTIMIZE, model: UNAFFORDABLE };
    const r = await settleOf(client.submit(bad).result);
    expect(r.ok).toBe(false);
    expect((r as { e: InputError }).e).toBeInstanceOf(InputError);
    expect((r as { e: InputError }).e.problems[0].message).toMatch(/budget/);
  });
  test("a worker factory that throws means in-thread", async () => {
    const client = new EngineClient({
      createWorker: () => {
        throw new Error("no workers here");
      },
    });
    const got = (await client.submit(EVALUATE).result) as EvaluateOutcome;
    expect(got.simulation.reps).toBeGreaterThan(0);
    expect(client.usesWorkers).toBe(false);
  });
  test("a timeout settles the promise", async () => {
    const never = () => new Promise<never>(() => undefined);
    const client = new EngineClient({ createWorker: null, runInThread: never });
    await expect(client.submit(EVALUATE, { timeoutMs: 20 }).result).rejects.toBeInstanceOf(JobTimedOut);
  });
});

describe("with the real worker script", () => {
  test("evaluate: same answer as in-thread, progress reported", async () => {
    const client = new EngineClient({ createWorker: realWorker });
    const progress: number[] = [];
    const got = (await client.submit(EVALUATE, { onProgress: (p) => progress.push(p.fraction) })
      .result) as EvaluateOutcome;
    const direct = (await runJob(EVALUATE, () => undefined, { aborted: false })) as EvaluateOutcome;
    expect(got.simulation.expectedProfit).toBe(direct.simulation.expectedProfit);
    expect(Object.prototype.toString.call(got.simulation.products.expectedSales)).toBe("[object Float64Array]");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(1);
  });
  test("optimize: a plan with units for every product", async () => {
    const client = new EngineClient({ createWorker: realWorker });
    const r = await client.submit(OPTIMIZE).result;
    expect(r.units).toHaveLength(2);
    expect(r.decisions.map((d) => d.id)).toEqual(["A", "B"]);
  });
  test("relax: the value of relaxing a binding budget crosses the boundary, with progress by rule", async () => {
    const model = validateInstance({ ...INPUT, constraints: { budget: 100 } });
    const base = await optimize(model, { method: "newsvendor", seed: 2, timeLimitMs: 1000 });
    expect(base.rules.find((u) => u.rule === "budget")?.binding).toBe(true);
    // A limit the search never reaches (it settles in ~1.5 s here), so both answers are the seed's, not the clock's.
    const job: RelaxJob = { kind: "relax", model, base, options: { seed: 2, timeLimitMs: 30000, reps: 400 } };
    const stages: string[] = [];
    const fractions: number[] = [];
    const client = new EngineClient({ createWorker: realWorker });
    const got = await client.submit(job, {
      onProgress: (p) => (stages.push(p.stage), fractions.push(p.fraction)),
    }).result;
    const direct = await relaxBindingRules(model, base, job.options);
    expect(got.map((r) => [r.rule, r.from, r.to])).toEqual([["budget", 100, 110]]);
    expect(Object.prototype.toString.call(got[0].units)).toBe("[object Int32Array]");
    // The search settles within its share, so the worker's answer is the direct one.
    expect(Array.from(got[0].units)).toEqual(Array.from(direct[0].units));
    expect(got[0].gain).toEqual(direct[0].gain);
    // 10 more of budget buys about two more units, each worth several times its cost.
    expect(got[0].gain.low).toBeGreaterThan(0);
    expect(stages).toContain("Valuing the budget (1 of 1)");
    expect(fractions[fractions.length - 1]).toBe(1);
    // No binding rule: nothing to value, at once.
    const free = await optimize(MODEL, { method: "newsvendor", seed: 2, timeLimitMs: 1000 });
    expect(await client.submit({ kind: "relax", model: MODEL, base: free, options: {} }).result).toEqual([]);
    // A cancel rejects at once.
    const long = client.submit({ ...job, options: { timeLimitMs: 60000 } });
    long.cancel();
    await expect(long.result).rejects.toBeInstanceOf(JobCancelled);
  });
  test("a cancelled optimisation stops in the worker, and the worker takes the next job", async () => {
    const workers: ReturnType<typeof realWorker>[] = [];
    const client = new EngineClient({
      createWorker: () => (workers.push(realWorker()), workers[workers.length - 1]),
      cancelGraceMs: 5000,
    });
    const long = client.submit({ kind: "optimize", model: MODEL, options: { method: "auto", timeLimitMs: 60000 } });
    await new Promise((r) => setTimeout(r, 30));
    long.cancel();
    await expect(long.result).rejects.toBeInstanceOf(JobCancelled);
    const next = (await client.submit(EVALUATE).result) as EvaluateOutcome;
    expect(next.simulation.reps).toBeGreaterThan(0);
    expect(workers).toHaveLength(1); // it stopped when asked: no need to kill it
    expect(workers[0].log.find((m) => m.id === long.id && m.type !== "progress")).toMatchObject({
      type: "failed",
      failure: { name: "OptimizeAborted" },
    });
  });
  test("bound and choice jobs", async () => {
    const client = new EngineClient({ createWorker: realWorker });
    const b = await client.submit({ kind: "bound", model: MODEL }).result;
    expect(b.value).toBeCloseTo(6 * 30 + 7 * 20, 8); // both carried in the fluid plan: Σ margin × demand
    const table = await client.submit({ kind: "choice", model: MODEL, available: [0, 1] }).result;
    expect(table[1].slice(0, 2)).toEqual(["A", false]);
    expect(table[2][3]).toBeCloseTo(0.4 + 0.4 * 0.6, 12); // B's own share plus A's customers who move to B
  });
  test("input errors cross the boundary as InputError", async () => {
    const client = new EngineClient({ createWorker: realWorker });
    const r = await settleOf(client.submit({ ...OPTIMIZE, model: UNAFFORDABLE }).result);
    expect((r as { e: unknown }).e).toBeInstanceOf(InputError);
  });
});

describe("with season workers (the add-in's pool)", () => {
  const model = validateInstance({
    products: Array.from({ length: 12 }, (_, i) => ({
      id: `P${i}`,
      price: 10 + i,
      cost: 4 + (i % 3),
      demand: 40 / (i + 1),
    })),
    substitution: Array.from({ length: 11 }, (_, i) => ({ from: `P${i}`, to: `P${i + 1}`, probability: 0.5 })),
  });
  const job: OptimizeJob = { kind: "optimize", model, options: { method: "auto", seed: 5, timeLimitMs: 600000 } };
  const runWith = async (threads: number) => {
    const client = new EngineClient({ createWorker: realWorker, threads: () => threads });
    const r = (await client.submit(job).result) as OptimizeResult;
    client.dispose();
    return JSON.stringify([Array.from(r.units), r.evaluation.expectedProfit, r.bound, r.warnings]);
  };

  test("the same plan and figures, byte for byte, with 0, 1, 2 or 4 season workers", async () => {
    mockSeasonWorkers.broken = false;
    const before = mockSeasonWorkers.started;
    const alone = await runWith(0);
    expect(mockSeasonWorkers.started).toBe(before); // none asked, none started
    for (const threads of [1, 2, 4]) {
      const started = mockSeasonWorkers.started;
      expect(await runWith(threads)).toBe(alone);
      expect(mockSeasonWorkers.started - started).toBe(threads + 1); // the passes' and the ceiling's own
    }
  }, 600000);

  test("season workers that fail to start leave the job to the engine worker, with the same result", async () => {
    mockSeasonWorkers.broken = false;
    const alone = await runWith(0);
    mockSeasonWorkers.broken = true;
    try {
      expect(await runWith(2)).toBe(alone);
    } finally {
      mockSeasonWorkers.broken = false;
    }
  }, 600000);

  test("the setting is read at each submit and sent with the job; jobs at once share it", () => {
    let threads = 4;
    const made: ScriptedWorker[] = [];
    const client = new EngineClient({
      createWorker: () => (made.push(new ScriptedWorker()), made[made.length - 1]),
      threads: () => threads,
      poolSize: 3,
    });
    const jobs = [client.submit(EVALUATE)];
    threads = Number.NaN; // a host that reports nothing usable: none
    jobs.push(client.submit(EVALUATE));
    jobs.push(client.submit(EVALUATE, { threads: 6 })); // this job's own, shared with the two running
    expect(made.map((w) => (w.received[0] as { threads?: number }).threads)).toEqual([4, 0, 2]);
    client.dispose();
    for (const j of jobs) j.result.catch(() => undefined); // rejected by the dispose
  });
});

describe("with a scripted worker", () => {
  function setup(options: { cancelGraceMs?: number; poolSize?: number } = {}) {
    const workers: ScriptedWorker[] = [];
    const client = new EngineClient({
      createWorker: () => (workers.push(new ScriptedWorker()), workers[workers.length - 1]),
      ...options,
    });
    return { client, workers };
  }

  test("jobs queue behind a busy worker and run in order", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    const b = client.submit(OPTIMIZE);
    expect(workers).toHaveLength(1);
    expect(workers[0].received.map((m) => m.type + m.id)).toEqual([`run${a.id}`]);
    workers[0].reply({ type: "done", id: a.id, result: "first" });
    expect(await a.result).toBe("first");
    expect(workers[0].received.map((m) => m.type + m.id)).toEqual([`run${a.id}`, `run${b.id}`]);
    workers[0].reply({ type: "done", id: b.id, result: "second" });
    expect(await b.result).toBe("second");
    expect(client.pendingCount).toBe(0);
  });
  test("progress goes to its own job only, and stops after settling", async () => {
    const { client, workers } = setup();
    const seen: string[] = [];
    const a = client.submit(EVALUATE, { onProgress: (p) => seen.push(p.stage) });
    workers[0].reply({ type: "progress", id: a.id, progress: { stage: "Simulating", fraction: 0.5 } });
    workers[0].reply({ type: "progress", id: a.id + 99, progress: { stage: "other job", fraction: 0.5 } });
    workers[0].reply({ type: "done", id: a.id, result: 1 });
    workers[0].reply({ type: "progress", id: a.id, progress: { stage: "late", fraction: 1 } });
    await a.result;
    expect(seen).toEqual(["Simulating"]);
  });
  test("cancelling a queued job never sends it", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    const b = client.submit(EVALUATE);
    b.cancel();
    await expect(b.result).rejects.toBeInstanceOf(JobCancelled);
    workers[0].reply({ type: "done", id: a.id, result: 1 });
    await a.result;
    expect(workers[0].received.filter((m) => m.id === b.id)).toEqual([]);
  });
  test("a running job that ignores its cancel is ended by terminating the worker; a new worker takes over", async () => {
    const { client, workers } = setup({ cancelGraceMs: 10 });
    const a = client.submit(EVALUATE);
    const b = client.submit(EVALUATE);
    a.cancel();
    await expect(a.result).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0].received.map((m) => m.type)).toEqual(["run", "cancel"]);
    await new Promise((r) => setTimeout(r, 30));
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual([{ type: "run", id: b.id, job: EVALUATE, threads: 0 }]);
    workers[1].reply({ type: "done", id: b.id, result: "b" });
    expect(await b.result).toBe("b");
  });
  test("a worker that stops when asked is kept", async () => {
    const { client, workers } = setup({ cancelGraceMs: 10 });
    const a = client.submit(EVALUATE);
    a.cancel();
    workers[0].reply({ type: "failed", id: a.id, failure: { name: "OptimizeAborted", message: "cancelled" } });
    await expect(a.result).rejects.toBeInstanceOf(JobCancelled);
    await new Promise((r) => setTimeout(r, 30));
    expect(workers[0].terminated).toBe(false);
  });
  test("timeout: #N/A-worthy error, worker replaced at once", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE, { timeoutMs: 15 });
    const r = await settleOf(a.result);
    expect((r as { e: Error }).e).toBeInstanceOf(JobTimedOut);
    expect((r as { e: Error }).e.message).toMatch(/did not finish within 0 s/);
    await new Promise((res) => setTimeout(res, 5));
    expect(workers[0].terminated).toBe(true);
  });
  test("the timeout counts from the start of the run, not from the wait in the queue", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    const b = client.submit(EVALUATE, { timeoutMs: 40 });
    await new Promise((res) => setTimeout(res, 60)); // b waited longer than its timeout, but never ran
    workers[0].reply({ type: "done", id: a.id, result: "a" });
    await a.result;
    workers[0].reply({ type: "done", id: b.id, result: "b" });
    expect(await b.result).toBe("b");
  });
  test("a crash rejects the running job with a clear message and the next job gets a fresh worker", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    const b = client.submit(EVALUATE);
    workers[0].onerror?.({ message: "out of memory" });
    await expect(a.result).rejects.toThrow(
      "The engine worker stopped unexpectedly: out of memory. Recalculate to try again.",
    );
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: "done", id: b.id, result: 2 });
    expect(await b.result).toBe(2);
  });
  test("failures other than input errors keep their message", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    workers[0].reply({
      type: "failed",
      id: a.id,
      failure: { name: "RangeError", message: "units of A must be a whole number" },
    });
    await expect(a.result).rejects.toThrow("units of A must be a whole number");
  });
  test("pool of two runs two jobs at once", () => {
    const { client, workers } = setup({ poolSize: 2 });
    client.submit(EVALUATE);
    client.submit(EVALUATE);
    client.submit(EVALUATE);
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.received.length)).toEqual([1, 1]);
  });
  test("dispose settles everything and refuses new work", async () => {
    const { client, workers } = setup();
    const a = client.submit(EVALUATE);
    const b = client.submit(EVALUATE);
    client.dispose();
    await expect(a.result).rejects.toBeInstanceOf(JobCancelled);
    await expect(b.result).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0].terminated).toBe(true);
    await expect(client.submit(EVALUATE).result).rejects.toBeInstanceOf(JobCancelled);
  });
});
