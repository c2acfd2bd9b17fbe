// Pair moves on a tiny sample against brute force: every one-pack transfer between two products is re-played on
// the sample, and the best transfer the search returns must be the best one found that way, with its gain exact.

import { pairMoves } from "../../../src/engine/optimize/pairMoves";
import { sampledSeasons, sampleProfit, unitValues } from "../../../src/engine/simulate/sampledSeasons";
import { validateInstance } from "../../../src/engine/model/validate";
import { randomDenseInstance, toInstanceJson } from "../groundTruth/randomInstances";
import { TestRandom } from "../groundTruth/testRandom";

// Every product linked to every other: one neighbourhood, so each pass is exact for its one product.
const n = 4;
const rnd = new TestRandom(2024);
const model = validateInstance(
  toInstanceJson(randomDenseInstance(rnd, { n, totalDemand: 30, linksPerRow: n - 1, salvage: true })),
);
const movable = new Uint8Array(n).fill(1);

async function bruteBest(s: ReturnType<typeof sampledSeasons>, units: Int32Array) {
  const base = await sampleProfit(s, units);
  let best = { from: -1, to: -1, gain: -Infinity };
  for (let i = 0; i < n; i++) {
    if (units[i] - 1 < 1) continue; // pack 1, minQty 0: the lowest carried quantity is 1 (not free to drop)
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const trial = units.slice();
      trial[i]--;
      trial[j]++;
      const gain = (await sampleProfit(s, trial)) - base;
      if (gain > best.gain) best = { from: i, to: j, gain };
    }
  }
  return best;
}

test("the best pair found is the best one-unit transfer by brute force, its gain exact", async () => {
  const s = sampledSeasons(model, 99, 0, 40);
  let positive = 0;
  for (let trial = 0; trial < 6; trial++) {
    const units = Int32Array.from({ length: n }, () => 1 + Math.floor(rnd.next() * 14));
    const v = await unitValues(s, units);
    const r = await pairMoves(s, units, v, movable, false, n);
    const brute = await bruteBest(s, units);
    if (brute.gain > 1e-9) {
      positive++;
      expect(r.pairs.length).toBeGreaterThan(0);
      const [out, into] = r.pairs[0].moves;
      expect(r.pairs[0].gain).toBeCloseTo(brute.gain, 8);
      // The pair named is one whose re-played gain is the best (ties aside).
      const moved = units.slice();
      moved[out.i] = out.to;
      moved[into.i] = into.to;
      expect((await sampleProfit(s, moved)) - v.profit).toBeCloseTo(brute.gain, 8);
      expect(out.to).toBe(units[out.i] - 1);
      expect(into.to).toBe(units[into.i] + 1);
      // Every pair returned is exact on the sample, and no product is in two pairs.
      const seen = new Set<number>();
      for (const p of r.pairs) {
        const t = units.slice();
        for (const m of p.moves) {
          expect(seen.has(m.i)).toBe(false);
          seen.add(m.i);
          t[m.i] = m.to;
        }
        expect((await sampleProfit(s, t)) - v.profit).toBeCloseTo(p.gain, 8);
      }
    } else {
      expect(r.pairs).toEqual([]);
    }
  }
  expect(positive).toBeGreaterThan(0); // the sample must exercise the search
});
