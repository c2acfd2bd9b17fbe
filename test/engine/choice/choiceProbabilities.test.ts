// Choice probabilities (docs/model.md §3) against independent ground truth:
//  - MNL: the closed form P_j(S) = v_j / (v_0 + Σ_{k∈S} v_k) must come out of the Markov chain conversion
//    (Blanchet, Gallego and Goyal 2016) to 1e-12;
//  - general chains: a dense first-step analysis written here (where does a customer standing at i end up?),
//    solved by Gaussian elimination. The engine solves the other way round (expected visits), so the two
//    share no equations, only the model.

import { choiceProbabilities } from "../../../src/engine/choice/choiceProbabilities";
import type { SparseSubstitution } from "../../../src/engine/model/instance";
import { mnlToMarkovChain } from "../../../src/engine/choice/mnlToMarkovChain";
import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";
import { TestRandom } from "../groundTruth/testRandom";

function sparseOf(rho: ArrayLike<number>[]): SparseSubstitution {
  const n = rho.length;
  const from: number[] = [];
  const to: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (rho[i][j] > 0) {
        from.push(i);
        to.push(j);
        p.push(rho[i][j]);
      }
    }
  }
  return sparseSubstitution(n, from, to, p);
}

/** Gaussian elimination with partial pivoting for several right-hand sides at once: A·X = B. */
function gaussSolve(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]]);
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[r][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k < width; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, r) => row.slice(n).map((v) => v / row[r]));
}

/**
 * First-step analysis: h[i][j] = probability that a customer standing at i ends up buying j. For i ∈ S she
 * buys i at once; for i ∉ S, h[i][j] = Σ_k ρ[i][k]·h[k][j]. So over the unavailable U:
 * (I − ρ_UU)·H_U = ρ_US, and P_j = Σ_i λ_i·h[i][j].
 */
function denseChoice(
  lambda: number[],
  rho: number[][],
  available: boolean[],
): { purchase: number[]; noPurchase: number } {
  const n = lambda.length;
  const total = lambda.reduce((x, y) => x + y, 0);
  const U = [...Array(n).keys()].filter((i) => !available[i]);
  const S = [...Array(n).keys()].filter((i) => available[i]);
  const hU =
    U.length === 0 || S.length === 0
      ? U.map(() => S.map(() => 0))
      : gaussSolve(
          U.map((i) => U.map((k) => (i === k ? 1 : 0) - rho[i][k])),
          U.map((i) => S.map((j) => rho[i][j])),
        );
  const purchase = new Array<number>(n).fill(0);
  S.forEach((j, c) => {
    let p = lambda[j];
    U.forEach((i, r) => (p += lambda[i] * hU[r][c]));
    purchase[j] = p / total;
  });
  // Leaving is computed on its own (exits from unavailable products), not as 1 − Σ P.
  let leave = 0;
  if (U.length > 0) {
    const exit = U.map((i) => [1 - rho[i].reduce((x, y) => x + y, 0)]);
    const leaveFrom = gaussSolve(
      U.map((i) => U.map((k) => (i === k ? 1 : 0) - rho[i][k])),
      exit,
    );
    U.forEach((i, r) => (leave += lambda[i] * leaveFrom[r][0]));
  }
  return { purchase, noPurchase: leave / total };
}

/** A random chain: some rows sum to exactly 1 (dyadic shares), but every product can reach an exit. */
function randomChain(rnd: TestRandom, n: number): { lambda: number[]; rho: number[][] } {
  const lambda = Array.from({ length: n }, () => rnd.uniform(0, 1) ** 2);
  lambda[rnd.int(0, n - 1)] += 0.1; // not all zero
  const rho = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // Products 0..e-1 have exits; a product ≥ e gets a full row but always links to a lower index, so every
  // walk drifts down to a product with an exit.
  const e = Math.max(1, Math.floor(n / 3));
  for (let i = 0; i < n; i++) {
    const links = Math.min(n - 1, rnd.int(1, 6));
    const targets = rnd.sample(n, links, i);
    if (i >= e) {
      if (!targets.some((j) => j < i)) targets[0] = rnd.int(0, i - 1);
      // Sixteenths add up to exactly 1 in binary floating point.
      const cuts = rnd
        .sample(15, targets.length - 1)
        .map((c) => c + 1)
        .sort((a, b) => a - b);
      let prev = 0;
      [...cuts, 16].forEach((c, t) => {
        rho[i][targets[t]] += (c - prev) / 16;
        prev = c;
      });
    } else {
      const share = rnd.uniform(0.05, 0.95);
      const w = targets.map(() => rnd.uniform(0.05, 1));
      const ws = w.reduce((x, y) => x + y, 0);
      targets.forEach((j, t) => (rho[i][j] = (w[t] / ws) * share));
    }
  }
  return { lambda, rho };
}

function randomSet(rnd: TestRandom, n: number, share: number): boolean[] {
  return Array.from({ length: n }, () => rnd.next() < share);
}

describe("MNL: the Markov chain conversion gives exactly the MNL choice probabilities", () => {
  const rnd = new TestRandom(31);
  const cases = Array.from({ length: 40 }, (_, k) => {
    const n = rnd.int(1, 40);
    const v = Array.from({ length: n }, () => Math.exp(rnd.uniform(-3, 3)));
    const vSum = v.reduce((x, y) => x + y, 0);
    // From customers who almost always buy something (v_0 = 1% of Σv) to ones who mostly leave.
    const v0 = vSum * [0.01, 0.2, 1, 5][k % 4];
    return { k, n, v, v0 };
  });

  test.each(cases)("case $k: N = $n", ({ n, v, v0 }) => {
    const chain = mnlToMarkovChain(v, v0);
    const sub = sparseOf(chain.rho);
    const sets = [
      randomSet(rnd, n, 0.5),
      randomSet(rnd, n, 0.2),
      randomSet(rnd, n, 0.9),
      new Array<boolean>(n).fill(true),
    ];
    for (const S of sets) {
      const r = choiceProbabilities(chain.lambda, sub, S);
      // The engine normalises λ to the customers who want a product (Σλ = 1); in the MNL a share v_0/(v_0+Σv)
      // of customers want nothing from the start. Scale back to all customers.
      const buyers = 1 - v0 / (v0 + v.reduce((x, y) => x + y, 0));
      const denominator = v0 + v.reduce((x, y, j) => x + (S[j] ? y : 0), 0);
      for (let j = 0; j < n; j++) {
        const mnl = S[j] ? v[j] / denominator : 0;
        expect(Math.abs(r.purchase[j] * buyers - mnl)).toBeLessThanOrEqual(1e-12);
      }
      const leave = 1 - buyers + buyers * r.noPurchase;
      expect(Math.abs(leave - v0 / denominator)).toBeLessThanOrEqual(1e-12);
    }
  });

  test("the conversion itself: λ_i = v_i/(v_0 + Σv), ρ[i][j] = λ_j/(1 − λ_i), ρ[i][i] = 0", () => {
    const { lambda, rho } = mnlToMarkovChain([1, 2, 5], 2);
    expect(Array.from(lambda)).toEqual([0.1, 0.2, 0.5]);
    expect(rho.map((r) => Array.from(r))).toEqual([
      [0, 0.2 / 0.9, 0.5 / 0.9],
      [0.1 / 0.8, 0, 0.5 / 0.8],
      [0.1 / 0.5, 0.2 / 0.5, 0],
    ]);
  });

  test("the conversion rejects weights that are not an MNL", () => {
    expect(() => mnlToMarkovChain([1, -1], 1)).toThrow(/weight 2 is -1/);
    expect(() => mnlToMarkovChain([1, NaN], 1)).toThrow(/weight 2/);
    expect(() => mnlToMarkovChain([1, 2], 0)).toThrow(/no-purchase weight/);
  });
});

describe("general chains: equal to a dense first-step solve", () => {
  const rnd = new TestRandom(97);
  const cases = Array.from({ length: 30 }, (_, k) => ({ k, n: rnd.int(2, 45) }));

  test.each(cases)("case $k: N = $n, rows summing to exactly 1", ({ n }) => {
    const { lambda, rho } = randomChain(rnd, n);
    expect(rho.some((row) => row.reduce((x, y) => x + y, 0) === 1)).toBe(true);
    const sub = sparseOf(rho);
    for (const share of [0, 0.15, 0.5, 0.85, 1]) {
      const S = randomSet(rnd, n, share);
      const r = choiceProbabilities(lambda, sub, S);
      const d = denseChoice(lambda, rho, S);
      for (let j = 0; j < n; j++) expect(Math.abs(r.purchase[j] - d.purchase[j])).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(r.noPurchase - d.noPurchase)).toBeLessThanOrEqual(1e-12);
    }
  });

  test("a hand-computed chain with a full row: A → B (all), B → A (half), C leaves", () => {
    // λ = (0.5, 0.3, 0.2); only C available. From A the customer surely reaches B; from B she goes back to
    // A with probability ½, else leaves. Visits: R_A = 0.5 + ½·R_B, R_B = 0.3 + R_A → R_B = 1.6, and C
    // gets no walkers: P_C = 0.2, and the rest (0.8) leave.
    const rho = [
      [0, 1, 0],
      [0.5, 0, 0],
      [0, 0, 0],
    ];
    const r = choiceProbabilities([0.5, 0.3, 0.2], sparseOf(rho), [false, false, true]);
    expect(Array.from(r.purchase)).toEqual([0, 0, expect.closeTo(0.2, 15)]);
    expect(r.noPurchase).toBeCloseTo(0.8, 15);
    // With B available too: everyone at A walks to B and buys; C keeps its own.
    const r2 = choiceProbabilities([0.5, 0.3, 0.2], sparseOf(rho), [false, true, true]);
    expect(Array.from(r2.purchase)).toEqual([0, expect.closeTo(0.8, 15), expect.closeTo(0.2, 15)]);
    expect(r2.noPurchase).toBeCloseTo(0, 15);
  });
});

describe("edge cases", () => {
  const rnd = new TestRandom(5);
  const { lambda, rho } = randomChain(rnd, 12);
  const sub = sparseOf(rho);
  const total = lambda.reduce((x, y) => x + y, 0);

  test("nothing available: nobody buys", () => {
    const r = choiceProbabilities(lambda, sub, new Array<boolean>(12).fill(false));
    expect(Array.from(r.purchase)).toEqual(new Array<number>(12).fill(0));
    expect(r.noPurchase).toBeCloseTo(1, 14);
  });

  test("everything available: each customer buys her first choice", () => {
    const r = choiceProbabilities(lambda, sub, new Array<boolean>(12).fill(true));
    lambda.forEach((l, j) => expect(r.purchase[j]).toBeCloseTo(l / total, 15));
    expect(r.noPurchase).toBeCloseTo(0, 14);
  });

  test("availability given as 0/1 numbers or booleans gives the same answer", () => {
    const S = randomSet(rnd, 12, 0.5);
    const a = choiceProbabilities(lambda, sub, S);
    const b = choiceProbabilities(
      lambda,
      sub,
      Uint8Array.from(S, (x) => (x ? 1 : 0)),
    );
    expect(Array.from(b.purchase)).toEqual(Array.from(a.purchase));
  });

  test("a product nobody wants first sells only to walkers", () => {
    const l = [0, 1, 1];
    const r = choiceProbabilities(
      l,
      sparseOf([
        [0, 0, 0],
        [0.4, 0, 0],
        [0, 0, 0],
      ]),
      [true, false, true],
    );
    expect(Array.from(r.purchase)).toEqual([expect.closeTo(0.2, 15), 0, expect.closeTo(0.5, 15)]);
  });

  test("no demand at all: all zeros, nobody buys", () => {
    const r = choiceProbabilities(
      [0, 0],
      sparseOf([
        [0, 0.5],
        [0.5, 0],
      ]),
      [true, true],
    );
    expect(Array.from(r.purchase)).toEqual([0, 0]);
    expect(r.noPurchase).toBe(1);
  });
});
