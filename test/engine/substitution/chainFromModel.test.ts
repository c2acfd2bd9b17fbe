// Any choice model in, the best chain out: exact for the MNL, maximum likelihood on exact probabilities for
// the rest, the one-removal construction as a fallback; and what the chain loses, measured on held-out sets.

import { rankingChoice, type RankingType } from "../../../src/engine/choice/rankingChoice";
import { mnlChoice } from "../../../src/engine/choice/logitChoice";
import { mnlToMarkovChain } from "../../../src/engine/choice/mnlToMarkovChain";
import { chainFromModel, planSets, removalChain, ROW_CAP } from "../../../src/engine/substitution/chainFromModel";
import { rankingFamily } from "../../../src/engine/generate/rankingFamily";
import { chainFidelity, chainPurchaseOf } from "../../../src/engine/substitution/chainFidelity";
import { TestRandom } from "../groundTruth/testRandom";

test("MNL in, the exact chain out (1e-12)", () => {
  const w = [3, 2, 1, 4, 0.5, 2.5];
  const chain = chainFromModel(mnlChoice(w, 2));
  const exact = mnlToMarkovChain(w, 2);
  expect(chain.route).toBe("exact");
  for (let i = 0; i < w.length; i++) expect(chain.lambda[i]).toBeCloseTo(exact.lambda[i], 12);
  for (const l of chain.links) expect(l.probability).toBeCloseTo(exact.rho[l.from][l.to], 12);
  // And the chain's probabilities are the MNL's on any set.
  const p = chainPurchaseOf(chain, [1, 0, 1, 0, 1, 1]);
  const q = mnlChoice(w, 2).probabilities([1, 0, 1, 0, 1, 1]);
  for (let j = 0; j < w.length; j++) expect(p.purchase[j]).toBeCloseTo(q.purchase[j], 12);
});

/** Rankings sampled from a chain: each type walks the chain from a first choice until it leaves. */
function rankingsFromChain(rnd: TestRandom, lambda: number[], rho: number[][], types: number): RankingType[] {
  const out: RankingType[] = [];
  for (let t = 0; t < types; t++) {
    const ranking: number[] = [];
    let u = rnd.next();
    let at = lambda.findIndex((l) => (u -= l) < 0);
    while (at >= 0 && !ranking.includes(at)) {
      ranking.push(at);
      u = rnd.next();
      const row = rho[at];
      at = row.findIndex((p) => (u -= p) < 0);
    }
    out.push({ weight: 1, ranking });
  }
  return out;
}

test("a chain in (as 4,000 rankings sampled from it), a chain close to it out", () => {
  const rnd = new TestRandom(17);
  const lambda = [0.3, 0.25, 0.2, 0.15, 0.05];
  const rho = [
    [0, 0.5, 0.2, 0, 0],
    [0.4, 0, 0.3, 0, 0],
    [0.2, 0.2, 0, 0.3, 0],
    [0, 0, 0.5, 0, 0.3],
    [0.3, 0, 0, 0.4, 0],
  ];
  const model = rankingChoice(5, rankingsFromChain(rnd, lambda, rho, 4000));
  const chain = chainFromModel(model);
  expect(chain.route).toBe("fitted");
  for (let i = 0; i < 5; i++) expect(chain.lambda[i]).toBeCloseTo(lambda[i], 1);
  const fid = chainFidelity(model, chain, { sets: 100 });
  // Rankings that skip products already visited are not exactly a chain; the sample adds noise too.
  expect(fid.meanTv).toBeLessThan(0.03);
});

/** Customers who consider a random subset of the products, in a random order: far from a chain. */
function randomSubsetRankings(rnd: TestRandom, n: number, types: number, size: [number, number]): RankingType[] {
  return Array.from({ length: types }, () => ({
    weight: rnd.uniform(0.5, 2),
    ranking: rnd.sample(n, rnd.int(size[0], size[1])),
  }));
}

test("random-subset rankings: the fitted chain's error on held-out sets is below the construction's", () => {
  const rnd = new TestRandom(23);
  const model = rankingChoice(20, randomSubsetRankings(rnd, 20, 150, [1, 4]));
  const fitted = chainFromModel(model);
  const removal = removalChain(model);
  const a = chainFidelity(model, fitted, { sets: 150 });
  const b = chainFidelity(model, removal, { sets: 150 });
  expect(a.meanTv).toBeLessThan(b.meanTv);
  expect(a.verdict).toMatch(/The chain \(fitted\)/);
});

test("everybody always buys something: rows capped below 1 and said so, no walk without end", () => {
  // Every type ranks every product: nobody ever leaves.
  const rnd = new TestRandom(29);
  const n = 6;
  const types = Array.from({ length: 40 }, () => ({ weight: 1, ranking: rnd.sample(n, n) }));
  const model = rankingChoice(n, types);
  for (const chain of [chainFromModel(model), removalChain(model)]) {
    const sum = new Float64Array(n);
    for (const l of chain.links) sum[l.from] += l.probability;
    for (let i = 0; i < n; i++) expect(sum[i]).toBeLessThanOrEqual(ROW_CAP + 1e-12);
    expect(chain.cappedRows.length).toBeGreaterThan(0);
    expect(chain.notes.join(" ")).toMatch(/summed to 1 or more .* always buys something else/);
  }
  const fid = chainFidelity(model, chainFromModel(model), { sets: 50 });
  for (const band of fid.bySize) expect(band.modelNoPurchase).toBe(0);
});

describe("a refit warm-started from the chain before it", () => {
  // Random-subset rankings, the case where refits were slow; the refit adds a plan's offered sets.
  const fam = rankingFamily({ n: 12, types: 40, shape: "subsets", seed: "warm-refit" });
  const model = rankingChoice(12, fam.types);
  const design = { randomSets: 40, seed: 3 };
  const units = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 0 : 2));
  const extraSets = planSets(units, { random: 20 });
  const first = chainFromModel(model, design);
  const cold = chainFromModel(model, { ...design, extraSets });
  const customers = 1000 * cold.fittedSets; // expected counts: 1,000 customers per offered set

  test("with the cold fit's stopping rule, it reaches the cold fit's likelihood", () => {
    const warm = chainFromModel(model, { ...design, extraSets, start: first, tolerance: 1e-9 });
    expect(cold.converged && warm.converged).toBe(true);
    expect(warm.fittedSets).toBe(cold.fittedSets);
    expect(Math.abs((warm.logLikelihood as number) - (cold.logLikelihood as number)) / customers).toBeLessThan(1e-6);
  });

  test("with the refit's looser rule, it stops near that likelihood and as faithful on held-out sets", () => {
    const warm = chainFromModel(model, { ...design, extraSets, start: first });
    expect(warm.converged).toBe(true);
    expect(((cold.logLikelihood as number) - (warm.logLikelihood as number)) / customers).toBeLessThan(1e-4);
    const tv = (c: typeof cold) => chainFidelity(model, c, { sets: 100, seed: 5 }).meanTv;
    expect(Math.abs(tv(warm) - tv(cold))).toBeLessThan(0.005);
  });

  test("links the start lacks can still grow: a start with no links reaches the same likelihood", () => {
    const bare = { lambda: first.lambda, noPurchaseShare: first.noPurchaseShare, links: [] };
    const warm = chainFromModel(model, { ...design, extraSets, start: bare, tolerance: 1e-9 });
    expect(Math.abs((warm.logLikelihood as number) - (cold.logLikelihood as number)) / customers).toBeLessThan(1e-6);
  });

  test("a start for another number of products is refused", () => {
    const other = { lambda: new Float64Array(5), noPurchaseShare: 1, links: [] };
    expect(() => chainFromModel(model, { ...design, start: other })).toThrow(/5 first-choice shares for 12 products/);
  });
});
