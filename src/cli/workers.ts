// --workers: how many threads share the passes over sampled seasons (optimize, plan). The plan is the same
// for any number; only the time differs. 1 runs every pass on the main thread.

import type { SeasonPool } from "../engine";
import { integerOption, type ParsedArgs } from "./args";
import type { Io } from "./io";
import { defaultWorkers } from "./seasonThreads";

export const WORKERS_OPTION = {
  name: "workers",
  value: "N",
  description: "threads for the simulation passes (default: one per core); the plan is the same for any N",
};

/** Runs `work` with a pool of the requested threads (none when 1, or where the host has no threads). */
export async function withSeasonPool<T>(
  io: Io,
  args: ParsedArgs,
  command: string,
  work: (pool: SeasonPool | undefined) => Promise<T>,
): Promise<T> {
  const workers =
    integerOption(args, "workers", command, { min: 1, max: 64, what: "number of worker threads" }) ?? defaultWorkers();
  const pool = workers > 1 && io.seasonPool ? io.seasonPool(workers) : undefined;
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}
