// The capacity-bound, zero-cost family (revenue only, at most C units, customers who rank products): auto
// must do at least as well as the plain unit-by-unit greedy, judged on the same fresh seasons. The full
// family (12 instances, C = 20–150) is bench/capacity.ts.

import { rankingChain } from "../../../src/engine/generate/rankingChain";
import { validateInstance } from "../../../src/engine/model/validate";
import { usage } from "../../../src/engine/model/planLimits";
import { optimize } from "../../../src/engine/optimize/optimize";
import { seedKey } from "../../../src/engine/random/hash";
import { sampledSeasons } from "../../../src/engine/simulate/sampledSeasons";
import { pairedProfits } from "../../../bench/capacity";
import { unitGreedy } from "../../../bench/baselines/unitGreedy";

test("auto ≥ the unit-by-unit greedy on a ranking chain with 20 units of capacity", async () => {
  const model = validateInstance(
    rankingChain({ n: 8, types: 24, listLength: [3, 6], capacity: 20, trafficPerUnit: 2, seed: "capacity-test" }),
  );
  const greedy = await unitGreedy(sampledSeasons(model, seedKey("greedy-test"), 0, 1000));
  const r = await optimize(model, { method: "auto", seed: 1, timeLimitMs: 600000 });
  expect(usage(model, r.units).space).toBeLessThanOrEqual(20);
  const c = pairedProfits(model, r.units, greedy, 20000);
  // Paired seasons: the difference is precise; allow two standard errors of noise, nothing more.
  expect(c.diff).toBeGreaterThanOrEqual(-2 * c.se);
}, 900000);
