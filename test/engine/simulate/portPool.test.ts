// The pool both surfaces use (portPool on the caller's side, seasonService on the worker's) over in-memory
// ports: each message is cloned as a real port would (structuredClone) and answered after a delay, in a
// scrambled order. The same seed gives byte-identical plans, bound and ceiling with 1, 2 or 4 pass workers,
// with or without the ceiling's own worker, and without a pool; a worker that dies fails what it owed.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { validateInstance } from "../../../src/engine/model/validate";
import { optimize } from "../../../src/engine/optimize/optimize";
import { portPool, type PortPool, type SeasonPort } from "../../../src/engine/simulate/portPool";
import { seasonService, type ToSeasonWorker } from "../../../src/engine/simulate/seasonService";
import { passBlocks } from "../../../src/engine/simulate/seasonPool";
import { simulateAsync } from "../../../src/engine/simulate/simulate";

interface Memory {
  pool: PortPool;
  /** Messages each port was sent, by type. */
  seen: Record<string, number>[];
  kill(w: number): void;
}

function memoryPool(ports: number, apart: boolean): Memory {
  const handlers = Array.from({ length: ports }, () => seasonService());
  const seen = Array.from({ length: ports }, () => ({}) as Record<string, number>);
  const dead = Array.from({ length: ports }, () => false);
  let turn = 0;
  const box: { pool?: PortPool } = {};
  // A port keeps its messages in order (as real ones do); the workers answer after different delays.
  const queues = Array.from({ length: ports }, () => Promise.resolve());
  const port = (w: number): SeasonPort => ({
    post(msg: ToSeasonWorker) {
      seen[w][msg.type] = (seen[w][msg.type] ?? 0) + 1;
      const copy = structuredClone(msg);
      const delay = (w * 5 + turn++) % 3;
      queues[w] = queues[w]
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, delay)))
        .then(() => {
          if (dead[w]) return;
          const answer = handlers[w](copy);
          if (answer) box.pool?.answer(w, structuredClone(answer));
        });
    },
  });
  const pool = portPool(
    Array.from({ length: ports }, (_, w) => port(w)),
    apart,
  );
  box.pool = pool;
  return {
    pool,
    seen,
    kill(w: number) {
      dead[w] = true;
      pool.fail(w, new Error(`worker ${w + 1} died`));
    },
  };
}

const model = validateInstance(generateInstance({ n: 30, totalDemand: 400, seed: 11, substitutes: 6 }).instance);

test("the same seed gives byte-identical results on 1, 2 or 4 pass workers, with the ceiling apart or not", async () => {
  const outputs: string[] = [];
  const configs: [number, boolean][] = [
    [0, false],
    [1, false],
    [1, true],
    [2, true],
    [4, true],
    [4, false],
  ];
  for (const [workers, apart] of configs) {
    const m = workers > 0 ? memoryPool(workers + (apart ? 1 : 0), apart) : undefined;
    const r = await optimize(model, { method: "auto", seed: 3, timeLimitMs: 600000, pool: m?.pool });
    expect(r.stoppedEarly).toBe(false);
    expect(r.bound.ceiling).toBeDefined();
    outputs.push(JSON.stringify([Array.from(r.units), r.evaluation.expectedProfit, r.bound, r.warnings]));
    if (m && apart) {
      // The ceiling's worker solved groups and ran no pass; the pass workers ran passes and no group.
      const last = m.seen[m.seen.length - 1];
      expect(last.dual).toBeGreaterThan(0);
      expect(last.pass).toBeUndefined();
      for (const s of m.seen.slice(0, -1)) {
        expect(s.pass).toBeGreaterThan(0);
        expect(s.dual).toBeUndefined();
      }
    }
    if (m) for (const s of m.seen) expect(s.model).toBe(1); // the model once per worker
  }
  expect(new Set(outputs).size).toBe(1);
}, 600000);

test("a simulation split across 1, 2 or 4 workers is the one played here, to the last bit", async () => {
  const units = Array.from({ length: model.n }, (_, i) => (i * 5) % 11);
  const alone = await simulateAsync(model, units, { seed: 8, targetRelativeError: 0.003, minReps: 50 });
  const key = (r: unknown) => JSON.stringify(r, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
  for (const workers of [1, 2, 4]) {
    const m = memoryPool(workers + 1, true);
    const r = await simulateAsync(model, units, { seed: 8, targetRelativeError: 0.003, minReps: 50, pool: m.pool });
    expect(key(r)).toBe(key(alone));
    for (const s of m.seen.slice(0, -1)) expect(s.simulate).toBeGreaterThan(0);
  }
});

test("a pass worker that dies fails the pass it owed and any later one, with its message", async () => {
  const m = memoryPool(3, true);
  const units = new Int32Array(model.n).fill(4);
  const sample = { id: 1, model, key: 5, first: 0, count: 40 };
  const first = m.pool.run(sample, { units, values: false }, passBlocks(40));
  m.kill(1);
  await expect(first).rejects.toThrow("worker 2 died");
  await expect(m.pool.run(sample, { units, values: false }, passBlocks(40))).rejects.toThrow("worker 2 died");
});

test("a ceiling worker that dies leaves the ceiling to the calling thread: the same figure", async () => {
  const alone = await optimize(model, { method: "fluid", seed: 2, timeLimitMs: 600000 });
  const m = memoryPool(2, true);
  m.kill(1); // the ceiling's own
  const r = await optimize(model, { method: "fluid", seed: 2, timeLimitMs: 600000, pool: m.pool });
  expect(r.bound.ceiling).toEqual(alone.bound.ceiling);
});

test("a pool needs a worker for passes", () => {
  expect(() => portPool([{ post: () => undefined }], true)).toThrow(/at least one worker for passes/);
});
