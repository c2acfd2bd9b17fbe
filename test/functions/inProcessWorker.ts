// The real engine worker script (src/worker/engine.worker.ts) running in this process behind a message
// boundary that clones as postMessage does, so jobs and results must survive structured cloning.

import type { WorkerLike } from "../../src/worker/client";
import type { FromWorker, ToWorker } from "../../src/worker/messages";

export interface InProcessWorker extends WorkerLike {
  received: ToWorker[];
  terminated: boolean;
}

export function inProcessWorker(): InProcessWorker {
  const worker: InProcessWorker = {
    received: [],
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(m: ToWorker) {
      worker.received.push(m);
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
