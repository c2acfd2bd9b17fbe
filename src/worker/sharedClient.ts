// The one engine client of the add-in's shared runtime: custom functions and the task pane use the same pool
// of workers. Kept on globalThis so a second copy of this module (another bundle chunk) finds it; the key holds
// the version, so after an update a page still running an old bundle never talks to a new worker (or the reverse).

import packageJson from "../../package.json";
import { EngineClient, type WorkerLike } from "./client";
import { coresSetting, machineCores, seasonThreads } from "./coresSetting";

const KEY = `__assortEngineClient@${packageJson.version}`;

function createWorker(): WorkerLike {
  if (typeof Worker === "undefined") throw new Error("Web Workers are not available");
  return new Worker(
    /* webpackChunkName: "engine-worker" */ new URL("./engine.worker.ts", import.meta.url),
  ) as unknown as WorkerLike;
}

/** Half the cores (at most 4): several ASSORT cells can compute at once without starving Excel. */
function poolSize(): number {
  const cores =
    typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

export function engineClient(): EngineClient {
  const g = globalThis as unknown as Record<string, EngineClient | undefined>;
  return (g[KEY] ??= new EngineClient({
    createWorker,
    poolSize: poolSize(),
    threads: () => seasonThreads(coresSetting(), machineCores()),
  }));
}
