// keepBest gives what a full sort by (score desc, index asc) and a cut at k give, ties included.

import { keepBest, type Scored } from "../../../src/engine/generate/keepBest";
import { Rng } from "../../../src/engine/random/rng";

function sorted(items: Scored[], k: number): Scored[] {
  return [...items].sort((x, y) => y.score - x.score || x.j - y.j).slice(0, k);
}

test.each([
  [1, 50],
  [8, 1000],
  [10, 7],
  [40, 30],
  [5, 0],
])("k = %d over %d candidates: the same k, in the same order, as sorting them all", (k, count) => {
  const rng = new Rng(k * 1000 + count);
  // Coarse scores, so that many tie and the index decides; candidates in a scrambled order.
  const items = Array.from({ length: count }, (_, j) => ({ j, score: Math.floor(rng.next() * 6) / 2 }));
  for (let t = count - 1; t > 0; t--) {
    const u = Math.floor(rng.next() * (t + 1));
    [items[t], items[u]] = [items[u], items[t]];
  }
  const best: Scored[] = [];
  for (const { j, score } of items) keepBest(best, k, j, score);
  expect(best).toEqual(sorted(items, k));
});

test("k = 0 keeps nothing", () => {
  const best: Scored[] = [];
  keepBest(best, 0, 1, 5);
  expect(best).toEqual([]);
});
