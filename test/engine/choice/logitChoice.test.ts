// The logit family's exact probabilities: MNL by hand, nested logit with dissimilarity 1 is the MNL and
// below 1 keeps more of a missing product's customers in its nest, mixed logit is the classes' average.

import { mixedLogitChoice, mnlChoice, nestedLogitChoice } from "../../../src/engine/choice/logitChoice";
import { TestRandom } from "../groundTruth/testRandom";

const W = [3, 2, 1, 4, 0.5];

test("MNL: v_j / (v_0 + Σ_S v)", () => {
  const p = mnlChoice(W, 2).probabilities([1, 0, 1, 1, 0]);
  const total = 2 + 3 + 1 + 4;
  expect([...p.purchase]).toEqual([3 / total, 0, 1 / total, 4 / total, 0]);
  expect(p.noPurchase).toBeCloseTo(2 / total, 15);
});

test("nested logit with every dissimilarity 1 equals the MNL on random sets", () => {
  const rnd = new TestRandom(3);
  const nested = nestedLogitChoice(W, 2, [
    { members: [0, 1], dissimilarity: 1 },
    { members: [2, 3, 4], dissimilarity: 1 },
  ]);
  const mnl = mnlChoice(W, 2);
  for (let t = 0; t < 50; t++) {
    const s = W.map(() => (rnd.next() < 0.6 ? 1 : 0));
    const a = nested.probabilities(s);
    const b = mnl.probabilities(s);
    for (let j = 0; j < W.length; j++) expect(a.purchase[j]).toBeCloseTo(b.purchase[j], 14);
    expect(a.noPurchase).toBeCloseTo(b.noPurchase, 14);
  }
});

test("nested logit below 1: a missing product's customers stay in its nest more than under the MNL", () => {
  const nested = nestedLogitChoice(W, 2, [{ members: [0, 1], dissimilarity: 0.3 }]);
  const mnl = mnlChoice(W, 2);
  const without0 = [0, 1, 1, 1, 1];
  const all = [1, 1, 1, 1, 1];
  const gainNested = nested.probabilities(without0).purchase[1] - nested.probabilities(all).purchase[1];
  const gainMnl = mnl.probabilities(without0).purchase[1] - mnl.probabilities(all).purchase[1];
  expect(gainNested).toBeGreaterThan(gainMnl);
  // Probabilities sum to 1.
  const p = nested.probabilities([1, 0, 1, 0, 1]);
  expect(p.purchase.reduce((s, x) => s + x, 0) + p.noPurchase).toBeCloseTo(1, 14);
});

test("mixed logit is the share-weighted average of its classes", () => {
  const a = { share: 3, weights: [1, 2, 3], noPurchase: 1 };
  const b = { share: 1, weights: [5, 0, 1], noPurchase: 4 };
  const mix = mixedLogitChoice([a, b]).probabilities([1, 1, 0]);
  const pa = mnlChoice(a.weights, a.noPurchase).probabilities([1, 1, 0]);
  const pb = mnlChoice(b.weights, b.noPurchase).probabilities([1, 1, 0]);
  for (let j = 0; j < 3; j++) expect(mix.purchase[j]).toBeCloseTo(0.75 * pa.purchase[j] + 0.25 * pb.purchase[j], 15);
});

test("bad parameters are refused with what is wrong", () => {
  expect(() => mnlChoice([1, -2], 1)).toThrow(/weight 2 is -2/);
  expect(() => nestedLogitChoice([1, 2], 1, [{ members: [0], dissimilarity: 1.5 }])).toThrow(/dissimilarity 1.5/);
  expect(() =>
    nestedLogitChoice([1, 2], 1, [
      { members: [0], dissimilarity: 0.5 },
      { members: [0, 1], dissimilarity: 0.5 },
    ]),
  ).toThrow(/product 1 is in nests 1 and 2/);
  expect(() => mixedLogitChoice([])).toThrow(/at least one class/);
});
