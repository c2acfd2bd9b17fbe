// Alias tables (src/engine/alias.ts): the probability a table gives each outcome is computable exactly from
// the table (column k is hit with probability 1/m; it keeps k with keep[k], else gives alias[k]), so the
// tables must reproduce their weights to rounding; draws must follow the same law; zero weights are
// never drawn; and a uniform just below 1 still gives a valid index.

import { aliasDraw, aliasTable, type AliasTable } from "../../../src/engine/random/alias";
import { TestRandom } from "../groundTruth/testRandom";

/** P(outcome k) implied by the table: (keep[k] + Σ_{j: alias[j] = k} (1 − keep[j])) / m. */
function impliedProbabilities(t: AliasTable): number[] {
  const m = t.keep.length;
  const p = new Array<number>(m).fill(0);
  for (let k = 0; k < m; k++) {
    p[k] += t.keep[k] / m;
    p[t.alias[k]] += (1 - t.keep[k]) / m;
  }
  return p;
}

function normalised(w: number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
}

function randomWeights(rnd: TestRandom, m: number, zeroShare: number): number[] {
  const w = Array.from({ length: m }, () => (rnd.next() < zeroShare ? 0 : Math.exp(rnd.uniform(-8, 4))));
  if (!w.some((x) => x > 0)) w[0] = 1;
  return w;
}

describe("tables reproduce their weights (to 1e-12 of each probability's scale)", () => {
  const rnd = new TestRandom(11);
  const cases = Array.from({ length: 60 }, (_, k) => ({
    k,
    m: [1, 2, 3, 7, 50, 1000][k % 6],
    zeroShare: [0, 0.3, 0.8][k % 3],
  }));

  test.each(cases)("case $k: $m outcomes, zero share $zeroShare", ({ m, zeroShare }) => {
    const w = randomWeights(rnd, m, zeroShare);
    const t = aliasTable(w);
    const want = normalised(w);
    const got = impliedProbabilities(t);
    for (let k = 0; k < m; k++) {
      expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(1e-12 * Math.max(want[k], 1 / m));
      if (w[k] === 0) expect(got[k]).toBe(0);
      expect(t.keep[k] >= 0 && t.keep[k] <= 1).toBe(true);
      expect(t.alias[k] >= 0 && t.alias[k] < m).toBe(true);
    }
  });

  test("weights spanning 24 orders of magnitude, and equal weights", () => {
    const w = [1e-12, 1, 1e12, 3, 0, 5e-6];
    const got = impliedProbabilities(aliasTable(w));
    normalised(w).forEach((p, k) =>
      expect(Math.abs(got[k] - p)).toBeLessThanOrEqual(1e-12 * Math.max(p, 1 / w.length)),
    );
    const eq = aliasTable([2, 2, 2, 2, 2]);
    expect(Array.from(eq.keep)).toEqual([1, 1, 1, 1, 1]);
  });
});

test("draws follow the weights: fraction of a fine grid of uniforms per outcome equals P(k) to 2/grid", () => {
  // Each column covers [k/m, (k+1)/m); within it the first keep[k] share gives k. A grid of G uniforms hits
  // each piece in proportion to its length, up to one point per piece end.
  const w = [5, 0, 1, 3, 0.25, 10, 2];
  const t = aliasTable(w);
  const G = 70_000;
  const hits = new Array<number>(w.length).fill(0);
  for (let g = 0; g < G; g++) hits[aliasDraw(t, (g + 0.5) / G)]++;
  normalised(w).forEach((p, k) => expect(Math.abs(hits[k] / G - p)).toBeLessThanOrEqual((2 * w.length) / G));
  expect(hits[1]).toBe(0);
});

test("random draws: chi-square against the weights (p = 1e-4)", () => {
  const rnd = new TestRandom(4242);
  const w = randomWeights(rnd, 40, 0.2);
  const t = aliasTable(w);
  const n = 200_000;
  const counts = new Array<number>(w.length).fill(0);
  for (let k = 0; k < n; k++) counts[aliasDraw(t, rnd.next())]++;
  const p = normalised(w);
  let stat = 0;
  let cells = 0;
  p.forEach((pk, k) => {
    if (pk === 0) {
      expect(counts[k]).toBe(0);
      return;
    }
    stat += (counts[k] - n * pk) ** 2 / (n * pk);
    cells++;
  });
  const df = cells - 1;
  const a = 2 / (9 * df);
  expect(stat).toBeLessThan(df * (1 - a + 3.719 * Math.sqrt(a)) ** 3);
});

test("a uniform just below 1 gives a valid index, and 0 gives one too", () => {
  const below1 = 1 - 2 ** -53;
  for (const m of [1, 3, 7, 10, 1000, 12345]) {
    const t = aliasTable(new Array<number>(m).fill(1).map((_, k) => k + 1));
    for (const u of [0, below1]) {
      const k = aliasDraw(t, u);
      expect(Number.isInteger(k) && k >= 0 && k < m).toBe(true);
    }
  }
});

test("a single outcome is always drawn", () => {
  const t = aliasTable([0.3]);
  for (const u of [0, 0.5, 1 - 2 ** -53]) expect(aliasDraw(t, u)).toBe(0);
});

test("weights without a positive sum are refused", () => {
  expect(() => aliasTable([0, 0, 0])).toThrow(/positive sum/);
  expect(() => aliasTable([])).toThrow(/positive sum/);
  expect(() => aliasTable([NaN, 1])).toThrow(/positive sum/);
});
