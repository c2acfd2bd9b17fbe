// The history generator draws customers whose purchase frequencies match the chain's exact choice
// probabilities (chainTruth.ts, dense solve) for the sets it offered.

import { sampleHistory } from "../../../src/engine/generate/sampleHistory";
import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";
import { denseChoice, randomChain } from "../chainTruth";
import { TestRandom } from "../groundTruth/testRandom";

test("purchase frequencies per offered set match the exact choice probabilities", () => {
  const chain = randomChain(new TestRandom(31), 4, 2);
  const from: number[] = [];
  const to: number[] = [];
  const p: number[] = [];
  chain.rho.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x > 0) {
        from.push(i);
        to.push(j);
        p.push(x);
      }
    }),
  );
  const history = sampleHistory(chain.lambda, chain.lambda0, sparseSubstitution(4, from, to, p), {
    customers: 200_000,
    customersPerPeriod: 20,
    availability: 0.6,
    seed: 3,
  });
  expect(history.length).toBe(200_000);
  expect(history[19].period).toBe(0);
  expect(history[20].period).toBe(1);
  // Pool by offered set and compare each outcome's frequency with its probability (binomial 4.5 SE).
  const bySet = new Map<string, { offered: number[]; counts: number[]; total: number }>();
  let inconsistent = 0;
  for (const c of history) {
    if (c.offered.length === 0 || (c.purchased >= 0 && !c.offered.includes(c.purchased))) inconsistent++;
    const key = c.offered.join(",");
    let g = bySet.get(key);
    if (!g) bySet.set(key, (g = { offered: c.offered, counts: [0, 0, 0, 0, 0], total: 0 }));
    g.counts[c.purchased + 1]++;
    g.total++;
  }
  expect(inconsistent).toBe(0);
  let checked = 0;
  for (const g of bySet.values()) {
    if (g.total < 2000) continue;
    const exact = denseChoice(
      chain,
      [0, 1, 2, 3].map((i) => g.offered.includes(i)),
    );
    const probs = [exact.noPurchase, ...exact.purchase];
    probs.forEach((q, k) => {
      const se = Math.sqrt((q * (1 - q)) / g.total);
      expect(Math.abs(g.counts[k] / g.total - q)).toBeLessThanOrEqual(4.5 * se + 1e-12);
    });
    checked++;
  }
  expect(checked).toBeGreaterThan(8);
});
