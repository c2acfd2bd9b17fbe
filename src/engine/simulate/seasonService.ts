// The worker side of a SeasonPool, as plain message handling with no host API: a node:worker_threads thread
// (src/cli/seasonWorker.ts) and a Web Worker (src/worker/season.worker.ts) each feed it what they receive and
// post back what it answers. A worker is sent a model once, then passes over ranges of blocks (answered with
// their partial sums), the realistic ceiling's groups (answered with their duals) and ranges of the final
// evaluation's seasons (answered with their simulation blocks).

import type { Model } from "../model/instance";
import type { ComponentDual } from "../bound/componentSaaDual";
import { componentDual, dualScratch, type DualJob, type DualScratch } from "../bound/stochasticBound";
import { blockSums, seasonScratch, type BlockSums, type PassRequest, type SeasonScratch } from "./seasonPool";
import { simulationBlock, type SimulationBlock } from "./simulationBlock";

/** What a season worker is told. `passes`: set up for passes at once (the ceiling's own worker never needs to). */
export type ToSeasonWorker =
  | { type: "model"; modelId: number; model: Model; passes: boolean }
  | {
      type: "pass";
      seq: number;
      modelId: number;
      sample: { key: number; first: number };
      request: PassRequest;
      blocks: [number, number][];
    }
  | { type: "dual"; seq: number; modelId: number; job: DualJob; component: number }
  | {
      type: "simulate";
      seq: number;
      modelId: number;
      units: Int32Array;
      key: number;
      range: [number, number];
      deadline?: number;
    };

export type FromSeasonWorker =
  | { seq: number; sums: BlockSums[] }
  | { seq: number; dual: ComponentDual }
  | { seq: number; block: SimulationBlock }
  | { seq: number; error: string };

/**
 * A season worker's state (one model at a time: a run optimises one model) and its handler: the answer to a
 * message, or null for one that needs none (a model).
 *
 * Answers are to be posted as they are, copied, never with their buffers transferred: the first buffer a
 * V8 thread detaches throws away all of its compiled code that reads typed arrays (it had assumed none ever
 * would be), so each worker recompiled its whole pass code after its first traced pass. Copying a pass's
 * sums costs well under a millisecond; at N = 1,000 not transferring saved 13% of the run's CPU.
 */
export function seasonService(): (msg: ToSeasonWorker) => FromSeasonWorker | null {
  const models = new Map<number, Model>();
  // Made on a model's first pass: at N = 1,000 its walk tables cost ~50 ms of CPU, on a core passes share.
  const scratch = new Map<number, SeasonScratch>();
  // The ceiling's state per model, made on its first group (the substitution groups, the sampled seasons).
  const duals = new Map<number, DualScratch>();
  const modelOf = (id: number): Model => {
    const model = models.get(id);
    if (!model) throw new Error(`season worker: model ${id} was never sent`);
    return model;
  };
  const scratchOf = (id: number): SeasonScratch => {
    let s = scratch.get(id);
    if (!s) scratch.set(id, (s = seasonScratch(modelOf(id))));
    return s;
  };
  return (msg) => {
    if (msg.type === "model") {
      models.clear();
      scratch.clear();
      duals.clear();
      models.set(msg.modelId, msg.model);
      if (msg.passes) scratchOf(msg.modelId);
      return null;
    }
    try {
      if (msg.type === "dual") {
        let d = duals.get(msg.modelId);
        if (!d) duals.set(msg.modelId, (d = dualScratch(modelOf(msg.modelId))));
        return { seq: msg.seq, dual: componentDual(d, msg.job, msg.component) };
      }
      const s = scratchOf(msg.modelId);
      if (msg.type === "simulate") {
        const [from, to] = msg.range;
        const block = simulationBlock(s.model, msg.units, msg.key, from, to, s.tables, s.counters, msg.deadline);
        return { seq: msg.seq, block };
      }
      return { seq: msg.seq, sums: msg.blocks.map(([from, to]) => blockSums(s, msg.sample, msg.request, from, to)) };
    } catch (err) {
      return { seq: msg.seq, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
