// Starts one season worker from inside the engine worker (a nested Web Worker). Kept apart because
// `import.meta` does not compile under Jest's CommonJS: tests mock this module (docs/office.md §2.7).

import type { SeasonWorkerLike } from "./webSeasonPool";

export function startSeasonWorker(): SeasonWorkerLike {
  if (typeof Worker === "undefined") throw new Error("this host cannot start a worker from a worker");
  return new Worker(
    /* webpackChunkName: "season-worker" */ new URL("./season.worker.ts", import.meta.url),
  ) as unknown as SeasonWorkerLike;
}
