// A fixed sample of seasons: the same seasons the simulator plays for the same seed, and one-unit values
// that are exactly the profit change of re-playing the sample with one unit more or fewer.

import { sampledSeasons, sampleProfit, unitValues } from "../../../src/engine/simulate/sampledSeasons";
import { simulate } from "../../../src/engine/simulate/simulate";
import { seedKey } from "../../../src/engine/random/hash";
import { validateInstance } from "../../../src/engine/model/validate";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

const rnd = new TestRandom(404);
const model = validateInstance(
  toInstanceJson(randomDenseInstance(rnd, { n: 6, totalDemand: 40, linksPerRow: 3, salvage: true })),
);
const plan = Int32Array.from({ length: 6 }, (_, i) => (i === 2 ? 0 : Math.round(model.demand[i] * 0.9)));

test("the sample's mean profit is the simulator's estimate on the same seasons", async () => {
  const s = sampledSeasons(model, seedKey(9), 0, 300);
  const mean = await sampleProfit(s, plan);
  expect(mean).toBeCloseTo(simulate(model, plan, { reps: 300, seed: 9 }).expectedProfit, 8);
});

test("unitValues: exact one-more and one-fewer profit changes (re-played on the sample)", async () => {
  const s = sampledSeasons(model, seedKey(5), 0, 200);
  const v = await unitValues(s, plan);
  expect(v.profit).toBeCloseTo(await sampleProfit(s, plan), 9);
  for (let i = 0; i < model.n; i++) {
    const up = Int32Array.from(plan);
    up[i]++;
    expect(v.more[i]).toBeCloseTo((await sampleProfit(s, up)) - v.profit, 8);
    if (plan[i] > 0) {
      const down = Int32Array.from(plan);
      down[i]--;
      expect(v.fewer[i]).toBeCloseTo((await sampleProfit(s, down)) - v.profit, 8);
    }
  }
});

test("seasons are keyed by their index: a sample starting later is the tail of a longer one", async () => {
  const whole = sampledSeasons(model, 77, 0, 10);
  const tail = sampledSeasons(model, 77, 4, 6);
  expect([...tail.keys]).toEqual([...whole.keys.slice(4)]);
});
