// The simulator's hard cap on a walk: a customer who has made WALK_CAP moves leaves, is counted as lost and
// as capped, and one-unit what-ifs replay walks by the same rule. Validation keeps such chains out; here the
// model is edited after validation into a closed loop so that every walk would otherwise run forever.

import { WALK_CAP } from "../../../src/engine/model/limits";
import type { Model } from "../../../src/engine/model/instance";
import { simulate } from "../../../src/engine/simulate/simulate";
import { validateInstance } from "../../../src/engine/model/validate";

/** A, B, C each passing half to each other (rows of 1: no exit), one customer a season wanting A. */
function closedLoop(): Model {
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 4, demand: 1 },
      { id: "B", price: 10, cost: 4, demand: 0 },
      { id: "C", price: 10, cost: 4, demand: 0 },
    ],
    substitution: ["A", "B", "C"].flatMap((from) =>
      ["A", "B", "C"].filter((to) => to !== from).map((to) => ({ from, to, probability: 0.45 })),
    ),
    customers: { distribution: "fixed" },
  });
  const sub = model.substitution;
  sub.prob.fill(0.5);
  sub.colProb.fill(0.5);
  sub.rowSum.fill(1);
  return model;
}

describe("walk cap", () => {
  test("a walk in a closed loop ends at the cap, counted as lost and capped", () => {
    const model = closedLoop();
    const r = simulate(model, [0, 0, 0], { reps: 2, seed: 3 });
    expect(r.cappedWalks).toBe(2);
    expect(r.expectedLostCustomers).toBe(1);
    // One visit to her first choice, then WALK_CAP moves, in each of the two seasons.
    expect(r.customerSteps).toBe(2 * (WALK_CAP + 1));
  }, 60000);

  test("a stocked substitute ends the walk long before the cap: nothing capped", () => {
    const model = closedLoop();
    const r = simulate(model, [0, 5, 0], { reps: 20, seed: 3 });
    expect(r.cappedWalks).toBe(0);
    expect(r.expectedUnitsSold).toBe(1);
  });
});
