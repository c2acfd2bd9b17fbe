// Jest's stand-in for src/worker/startSeasonWorker.ts, whose `new Worker(new URL(…, import.meta.url))` only
// webpack can build: a season worker in this process, the engine's own seasonService behind a cloning,
// order-keeping message boundary. Controls on globalThis (the engine worker is loaded in isolated module
// registries, so a module-level counter would not be shared): how many were started, and whether new ones
// fail as a worker whose script cannot load does.

import { seasonService, type ToSeasonWorker } from "../../src/engine/simulate/seasonService";
import type { SeasonWorkerLike } from "../../src/worker/webSeasonPool";

export interface SeasonWorkerControls {
  started: number;
  broken: boolean;
}

export function seasonWorkerControls(): SeasonWorkerControls {
  const g = globalThis as unknown as { __assortSeasonWorkers?: SeasonWorkerControls };
  return (g.__assortSeasonWorkers ??= { started: 0, broken: false });
}

export function startSeasonWorker(): SeasonWorkerLike {
  const controls = seasonWorkerControls();
  controls.started++;
  const broken = controls.broken;
  const handle = seasonService();
  const w: SeasonWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(m: ToSeasonWorker) {
      const data = structuredClone(m);
      setTimeout(() => {
        if (broken) return w.onerror?.({ message: "the script could not be loaded" });
        const answer = handle(data);
        if (answer) w.onmessage?.({ data: structuredClone(answer) });
      }, 0);
    },
    terminate() {},
  };
  return w;
}
