// Plans played on shared seasons: one plan alone replays exactly the seasons simulate() plays with the same
// seed, and the paired gain agrees with two separate evaluations while being far less noisy.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { validateInstance } from "../../../src/engine/model/validate";
import { simulate } from "../../../src/engine/simulate/simulate";
import { pairedGain, pairedSeasons, PairedStopped, profitEstimate } from "../../../src/engine/whatif/pairedSeasons";

const { instance } = generateInstance({ n: 20, totalDemand: 300, seed: 9, substitutes: 4, categorySize: 10 });
const model = validateInstance(instance);
const planA = Int32Array.from({ length: model.n }, (_, i) => Math.round(model.demand[i]));
const planB = Int32Array.from({ length: model.n }, (_, i) => (i % 3 === 0 ? 0 : Math.round(1.3 * model.demand[i])));

test("one plan on the shared seasons is exactly simulate() with the same seed and seasons", async () => {
  const [p] = await pairedSeasons(model, [planA], { seed: "s", reps: 500 });
  const sim = simulate(model, planA, { seed: "s", reps: 500 });
  const e = profitEstimate(p);
  expect(e.mean).toBeCloseTo(sim.expectedProfit, 6);
  expect(e.se).toBeCloseTo(sim.stdError, 6);
  expect(p.revenue).toBeCloseTo(sim.expectedRevenue, 6);
  expect(p.unitsSold).toBeCloseTo(sim.expectedUnitsSold, 6);
  expect(p.customers).toBeCloseTo(sim.expectedCustomers, 6);
});

test("the paired gain matches separate evaluations within 3 combined SEs and is less noisy", async () => {
  const [a, b] = await pairedSeasons(model, [planA, planB], { seed: "t", reps: 2000 });
  const gain = pairedGain(b, a);
  const sa = simulate(model, planA, { seed: "u1", reps: 2000 });
  const sb = simulate(model, planB, { seed: "u2", reps: 2000 });
  const unpaired = Math.hypot(sa.stdError, sb.stdError);
  expect(Math.abs(gain.mean - (sb.expectedProfit - sa.expectedProfit))).toBeLessThanOrEqual(
    3 * Math.hypot(unpaired, gain.se),
  );
  expect(gain.se).toBeLessThan(unpaired);
  expect(gain.low).toBeLessThan(gain.mean);
  expect(gain.high).toBeGreaterThan(gain.mean);
});

test("a fired signal stops between seasons", async () => {
  const signal = { aborted: true };
  await expect(pairedSeasons(model, [planA], { reps: 1e6, signal })).rejects.toBeInstanceOf(PairedStopped);
});
