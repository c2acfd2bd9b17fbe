// Seasons under the source model: against closed forms (one product: expected sales of a Poisson thinned
// by the buying share, min'd by the stock) and the draw-by-probabilities path against the rankings' own
// draw (the same model, two ways), with common random numbers across plans.

import {
  expectedSalesPoisson,
  mnlChoice,
  rankingChoice,
  simulateSourceModel,
  sourceSeasonRevenue,
  seedKey,
} from "../../../src/engine";
import type { ChoiceModel } from "../../../src/engine";

const zeros = (n: number) => new Float64Array(n);

test("one product: profit is price × E[min(Poisson(μ·p), units)] − cost × units (closed form)", () => {
  // Rankings: 30% of customers want A, the rest nothing here.
  const model = rankingChoice(2, [
    { weight: 3, ranking: [0] },
    { weight: 7, ranking: [1] },
  ]);
  const plan = { price: [10, 0], cost: [4, 0], salvage: [1, 0], units: [12, 0], customers: 40 };
  const sim = simulateSourceModel(model, plan, { seasons: 6000, seed: 3 });
  const sales = expectedSalesPoisson(40 * 0.3, 12);
  const exact = 10 * sales + 1 * (12 - sales) - 4 * 12;
  expect(Math.abs(sim.meanProfit - exact)).toBeLessThan(4 * sim.standardError);
  expect(sim.purchaseCost).toBe(48);
});

test("the generic path (probabilities of the set in stock) agrees with the rankings' own draw", () => {
  const types = [
    { weight: 4, ranking: [0, 1] },
    { weight: 2, ranking: [1, 2, 0] },
    { weight: 1, ranking: [2] },
  ];
  const fast = rankingChoice(3, types);
  const slow: ChoiceModel = { n: 3, label: "rankings", probabilities: (a) => fast.probabilities(a) };
  const plan = { price: [5, 7, 3], cost: zeros(3), salvage: zeros(3), units: [6, 3, 4], customers: 20 };
  const a = simulateSourceModel(fast, plan, { seasons: 6000, seed: 1 });
  const b = simulateSourceModel(slow, plan, { seasons: 6000, seed: 2 });
  expect(Math.abs(a.meanProfit - b.meanProfit)).toBeLessThan(4 * Math.hypot(a.standardError, b.standardError));
});

test("a customer who misses a sold-out product takes the next on her list; missed marks it", () => {
  const model = rankingChoice(2, [{ weight: 1, ranking: [0, 1] }]);
  const plan = { price: [10, 1], cost: zeros(2), salvage: zeros(2), units: [0, 1000], customers: 50 };
  const missed = new Uint8Array(2);
  const key = seedKey(9);
  const r = sourceSeasonRevenue(model, plan, 0, key, missed);
  expect(missed[0]).toBe(1);
  expect(missed[1]).toBe(0);
  // Every customer bought B: revenue = customers; with A stocked the same customers pay 10 each.
  expect(sourceSeasonRevenue(model, { ...plan, units: [1000, 0] }, 0, key)).toBe(10 * r);
});

test("MNL customers choose by logit over what is in stock", () => {
  const model = mnlChoice([1, 1], 2); // each product 25% while both are in stock
  const plan = { price: [1, 0], cost: zeros(2), salvage: zeros(2), units: [1000, 1000], customers: 100 };
  const sim = simulateSourceModel(model, plan, { seasons: 4000, seed: 5 });
  expect(Math.abs(sim.meanProfit - 25)).toBeLessThan(4 * sim.standardError);
  // B out of stock: A's share is 1/3.
  const without = simulateSourceModel(model, { ...plan, units: [1000, 0] }, { seasons: 4000, seed: 5 });
  expect(Math.abs(without.meanProfit - 100 / 3)).toBeLessThan(4 * without.standardError);
});
