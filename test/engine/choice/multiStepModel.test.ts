// The multi-step customer: exact probabilities (quadrature) against brute-force enumeration of every
// consideration set; the MNL special case against its closed form; the chain conversion reproduces the
// sets it is built from; and the approximation report on random offered sets.

import {
  chainProbabilities,
  generateMultiStepInstance,
  generateMultiStepModel,
  measureChainApproximation,
  multiStepProbabilities,
  multiStepToMarkovChain,
  type MultiStepModel,
} from "../../../src/engine";
import { validateInstance } from "../../../src/engine/model/validate";
import { TestRandom } from "../groundTruth/testRandom";

/** P_j(S) by summing over all 2^L examined subsets of each query's list. */
function bruteForce(model: MultiStepModel, available: number[]): { purchase: number[]; noPurchase: number } {
  const purchase = new Array<number>(model.n).fill(0);
  for (const q of model.queries) {
    const shown: number[] = [];
    const att: number[] = [];
    let pos = 0;
    for (const i of q.ranking) {
      if (pos >= model.attention.length) break;
      if (available[i]) {
        shown.push(i);
        att.push(model.attention[pos++]);
      } else if (!model.hideUnavailable) pos++;
    }
    for (let mask = 0; mask < 1 << shown.length; mask++) {
      let prob = q.share;
      let denom = 1;
      for (let m = 0; m < shown.length; m++) {
        const on = (mask >> m) & 1;
        prob *= on ? att[m] : 1 - att[m];
        if (on) denom += model.weights[shown[m]];
      }
      for (let m = 0; m < shown.length; m++)
        if ((mask >> m) & 1) purchase[shown[m]] += (prob * model.weights[shown[m]]) / denom;
    }
  }
  return { purchase, noPurchase: 1 - purchase.reduce((s, x) => s + x, 0) };
}

describe("multiStepProbabilities", () => {
  test.each([true, false])("equals brute-force enumeration (hideUnavailable = %s)", (hide) => {
    const { model } = generateMultiStepModel({ n: 9, listLength: 6, queries: 4, seed: 3, hideUnavailable: hide });
    const rnd = new TestRandom(4);
    for (let rep = 0; rep < 15; rep++) {
      const available = Array.from({ length: 9 }, () => (rnd.next() < 0.6 ? 1 : 0));
      const exact = bruteForce(model, available);
      const got = multiStepProbabilities(model, available);
      for (let j = 0; j < 9; j++) expect(got.purchase[j]).toBeCloseTo(exact.purchase[j], 11);
      expect(got.noPurchase).toBeCloseTo(exact.noPurchase, 11);
    }
  });

  test("with full attention to one list of everything it is the MNL, and the chain is exact on every set", () => {
    const w = [2, 0.5, 1, 3, 0.25];
    const model: MultiStepModel = {
      n: 5,
      weights: Float64Array.from(w),
      queries: [{ share: 1, ranking: Int32Array.from([0, 1, 2, 3, 4]) }],
      attention: new Float64Array(5).fill(1),
      hideUnavailable: true,
    };
    const available = [1, 0, 1, 1, 0];
    const p = multiStepProbabilities(model, available);
    expect(p.purchase[3]).toBeCloseTo(3 / (1 + 2 + 1 + 3), 12);
    const chain = multiStepToMarkovChain(model);
    expect(chain.negativeLinks).toBe(0);
    // MNL chain: ρ[i][j] = w_j / (1 + Σw − w_i).
    const link = chain.links.find((l) => l.from === 0 && l.to === 3);
    expect(link?.probability).toBeCloseTo(3 / (1 + 6.75 - 2), 10);
    const report = measureChainApproximation(model, chain, { sets: 30 });
    expect(report.maxTv).toBeLessThan(1e-9);
    expect(report.meanTvNoSubstitution).toBeGreaterThan(0.01);
  });
});

describe("multiStepToMarkovChain", () => {
  test("reproduces all products and every all-but-one set (sold-out products keep their place)", () => {
    const { model } = generateMultiStepModel({ n: 12, listLength: 8, seed: 5, hideUnavailable: false });
    const chain = multiStepToMarkovChain(model, 0);
    // Keeping the place, removing i only removes a competitor: no negative links, no row above 1.
    expect(chain.negativeLinks).toBe(0);
    expect(chain.scaledRows).toBe(0);
    for (let i = -1; i < 12; i++) {
      const available = Array.from({ length: 12 }, (_, k) => (k === i ? 0 : 1));
      const ms = multiStepProbabilities(model, available);
      const mc = chainProbabilities(chain, 12, available);
      for (let j = 0; j < 12; j++) expect(mc.purchase[j]).toBeCloseTo(ms.purchase[j], 9);
    }
  });

  test("on random sets the chain is close, and much closer than ignoring substitution", () => {
    const { model } = generateMultiStepModel({ n: 24, listLength: 12, seed: 6 });
    const chain = multiStepToMarkovChain(model);
    const r = measureChainApproximation(model, chain, { sets: 40, seed: 1 });
    expect(r.meanTv).toBeGreaterThan(0);
    expect(r.meanTv).toBeLessThan(0.15);
    expect(r.meanTv).toBeLessThan(r.meanTvNoSubstitution / 1.5);
    expect(r.meanSalesError).toBeLessThan(r.meanSalesErrorNoSubstitution);
    expect(r.p95Tv).toBeLessThanOrEqual(r.maxTv);
  });
});

describe("generateMultiStepInstance", () => {
  test("gives a valid, heavy-tailed instance, the same for the same seed", () => {
    const a = generateMultiStepInstance({ n: 40, listLength: 12, traffic: 5000, seed: 9 });
    const b = generateMultiStepInstance({ n: 40, listLength: 12, traffic: 5000, seed: 9 });
    expect(JSON.stringify(a.instance)).toBe(JSON.stringify(b.instance));
    const model = validateInstance(a.instance);
    const demand = Array.from(model.demand).sort((x, y) => y - x);
    const total = demand.reduce((s, x) => s + x, 0);
    // The top 10% of products take far more than 10% of first choices.
    expect(demand.slice(0, 4).reduce((s, x) => s + x, 0) / total).toBeGreaterThan(0.3);
    expect(total).toBeCloseTo(5000 * (1 - a.chain.noPurchaseShare), 0);
  });
});
