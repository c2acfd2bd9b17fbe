// Passes split across workers give byte-identical results for any number of workers: the engine fixes the
// blocks and the order their sums are added in. A pool of "virtual workers" here (each with its own
// scratch state, answering in a scrambled order after a delay) stands in for threads; the CLI's real
// worker threads are checked end to end in test/cli/workers.test.ts.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { validateInstance } from "../../../src/engine/model/validate";
import type { Model } from "../../../src/engine/model/instance";
import { optimize } from "../../../src/engine/optimize/optimize";
import {
  blockSums,
  passBlocks,
  PASS_BLOCKS,
  seasonScratch,
  type BlockSums,
  type SeasonPool,
  type SeasonScratch,
} from "../../../src/engine/simulate/seasonPool";
import { sampledSeasons, sampleProfit, unitValues } from "../../../src/engine/simulate/sampledSeasons";

/** k virtual workers: blocks dealt out contiguously, each worker's answer arriving after a random delay. */
function virtualPool(k: number): SeasonPool & { calls: number } {
  const scratch: Map<Model, SeasonScratch>[] = Array.from({ length: k }, () => new Map());
  let turn = 0;
  const pool = {
    workers: k,
    calls: 0,
    async run(sample, request, blocks) {
      pool.calls++;
      const per = Math.ceil(blocks.length / k);
      const parts = Array.from({ length: k }, (_, w) => blocks.slice(w * per, (w + 1) * per));
      const answers = await Promise.all(
        parts.map(
          (part, w) =>
            new Promise<BlockSums[]>((resolve) => {
              const delay = (w * 7 + turn++) % 3;
              setTimeout(() => {
                const cache = scratch[w];
                let s = cache.get(sample.model);
                if (!s) cache.set(sample.model, (s = seasonScratch(sample.model)));
                // Structured cloning would copy the request; sharing it is fine as workers only read it.
                resolve(part.map(([from, to]) => blockSums(s, sample, request, from, to)));
              }, delay);
            }),
        ),
      );
      return answers.flat();
    },
  } as SeasonPool & { calls: number };
  return pool;
}

describe("the fixed cut of a pass", () => {
  test("covers every season once, in order, in at most PASS_BLOCKS blocks", () => {
    for (const count of [1, 5, 16, 17, 333, 2000]) {
      const b = passBlocks(count);
      expect(b.length).toBe(Math.min(PASS_BLOCKS, count));
      expect(b[0][0]).toBe(0);
      expect(b[b.length - 1][1]).toBe(count);
      for (let k = 1; k < b.length; k++) expect(b[k][0]).toBe(b[k - 1][1]);
    }
  });
});

describe("identical results for any number of workers", () => {
  const model = validateInstance(generateInstance({ n: 20, totalDemand: 200, seed: 4, substitutes: 6 }).instance);

  test("one-unit values and profits are byte-identical with 0, 1, 2 or 4 workers", async () => {
    const units = Int32Array.from({ length: model.n }, (_, i) => (i % 3 === 0 ? 0 : 5 + (i % 7)));
    const results = [];
    for (const k of [0, 1, 2, 4]) {
      const s = sampledSeasons(model, 99, 0, 150, k > 0 ? virtualPool(k) : undefined);
      const v = await unitValues(s, units);
      results.push({ v, p: await sampleProfit(s, units) });
    }
    for (const r of results.slice(1)) {
      expect(r.p).toBe(results[0].p);
      expect(r.v.profit).toBe(results[0].v.profit);
      expect(Array.from(r.v.more)).toEqual(Array.from(results[0].v.more));
      expect(Array.from(r.v.fewer)).toEqual(Array.from(results[0].v.fewer));
      expect(Array.from(r.v.sales)).toEqual(Array.from(results[0].v.sales));
    }
    // The values are the sample's own: the profit of the plan, one season at a time, agrees.
    expect(results[0].p).toBeCloseTo(results[0].v.profit, 9);
  });

  test("the same seed gives byte-identical plans on 1, 2 or 4 workers (and without a pool)", async () => {
    const plans: string[] = [];
    for (const k of [0, 1, 2, 4]) {
      const pool = k > 0 ? virtualPool(k) : undefined;
      const r = await optimize(model, { method: "auto", seed: 7, timeLimitMs: 600000, pool });
      plans.push(JSON.stringify([Array.from(r.units), r.warnings]));
      if (pool) expect(pool.calls).toBeGreaterThan(3);
    }
    expect(new Set(plans).size).toBe(1);
  }, 600000);
});
