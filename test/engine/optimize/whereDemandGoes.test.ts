// Demand transference for one product against the choice probabilities of a customer who wants it first.

import { whereDemandGoes } from "../../../src/engine/optimize/whereDemandGoes";
import { choiceProbabilities } from "../../../src/engine/choice/choiceProbabilities";
import { validateInstance } from "../../../src/engine/model/validate";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

test("equals P_j(S) for a customer whose first choice is i (random instances)", () => {
  const rnd = new TestRandom(31);
  for (const n of [3, 8, 20]) {
    const model = validateInstance(
      toInstanceJson(randomDenseInstance(rnd, { n, totalDemand: 10 * n, linksPerRow: Math.min(4, n - 1) })),
    );
    const available = Uint8Array.from({ length: n }, () => (rnd.next() < 0.5 ? 1 : 0));
    for (let i = 0; i < n; i++) {
      const t = whereDemandGoes(model, available, i, 1e-12);
      const first = new Float64Array(n);
      first[i] = 1;
      const exact = choiceProbabilities(first, model.substitution, available);
      let total = 0;
      for (let j = 0; j < n; j++) {
        expect(t.buys.get(j) ?? 0).toBeCloseTo(exact.purchase[j], 8);
        total += exact.purchase[j];
      }
      expect(t.retained).toBeCloseTo(total, 8);
    }
  }
});

test("an available product keeps all of its own customers", () => {
  const model = validateInstance({
    products: [
      { id: "A", price: 10, cost: 4, demand: 5 },
      { id: "B", price: 10, cost: 4, demand: 5 },
    ],
    substitution: [{ from: "A", to: "B", probability: 0.5 }],
  });
  expect(whereDemandGoes(model, [1, 1], 0)).toEqual({ buys: new Map([[0, 1]]), retained: 1 });
  const t = whereDemandGoes(model, [0, 1], 0);
  expect(t.retained).toBeCloseTo(0.5, 12);
  expect(t.buys.get(1)).toBeCloseTo(0.5, 12);
});
