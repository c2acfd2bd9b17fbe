// Ground truth for the estimation tests, written independently of the engine: choice probabilities of a
// dense Markov chain by Gaussian elimination, and customers drawn by walking the chain step by step.

import { TestRandom } from "./groundTruth/testRandom";

export interface DenseChain {
  lambda: number[];
  /** Customers who want nothing; Σλ + lambda0 = 1. */
  lambda0: number;
  rho: number[][];
}

/** Solves A x = b (A square, dense) by Gaussian elimination with partial pivoting. */
export function solveDense(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** P_j(S) for every product (0 outside S) and P_0(S), from R_U = λ_U + ρ_UU^T R_U. */
export function denseChoice(chain: DenseChain, offered: boolean[]): { purchase: number[]; noPurchase: number } {
  const out = offered.map((o, i) => (o ? -1 : i)).filter((i) => i >= 0);
  const a = out.map((i) => out.map((k) => (i === k ? 1 : 0) - chain.rho[k][i]));
  const r = out.length
    ? solveDense(
        a,
        out.map((i) => chain.lambda[i]),
      )
    : [];
  const purchase = chain.lambda.map((l, j) =>
    offered[j] ? l + out.reduce((s, k, t) => s + r[t] * chain.rho[k][j], 0) : 0,
  );
  return { purchase, noPurchase: 1 - purchase.reduce((s, x) => s + x, 0) };
}

export interface SampledTransaction {
  offered: number[];
  purchased: number;
}

/** Customers facing random offered sets (each product offered with probability `offerShare`, never none). */
export function sampleTransactions(
  rnd: TestRandom,
  chain: DenseChain,
  customers: number,
  offerShare: number,
): SampledTransaction[] {
  const n = chain.lambda.length;
  const out: SampledTransaction[] = [];
  const pick = (weights: number[], rest: number): number => {
    let u = rnd.next() * (weights.reduce((s, x) => s + x, 0) + rest);
    for (let j = 0; j < weights.length; j++) {
      u -= weights[j];
      if (u < 0) return j;
    }
    return -1;
  };
  while (out.length < customers) {
    const offered: boolean[] = [];
    for (let i = 0; i < n; i++) offered.push(rnd.next() < offerShare);
    if (!offered.some((x) => x)) continue;
    let at = pick(chain.lambda, chain.lambda0);
    while (at >= 0 && !offered[at]) {
      const row = chain.rho[at];
      at = pick(row, 1 - row.reduce((s, x) => s + x, 0));
    }
    out.push({ offered: offered.flatMap((o, i) => (o ? [i] : [])), purchased: at });
  }
  return out;
}

/** A random chain: positive λ with a no-purchase share, each row linking to `links` others with total in [lo, hi]. */
export function randomChain(rnd: TestRandom, n: number, links: number, lo = 0.3, hi = 0.8, lambda0 = 0.1): DenseChain {
  const w = Array.from({ length: n }, () => rnd.uniform(0.3, 1));
  const sw = w.reduce((s, x) => s + x, 0);
  const lambda = w.map((x) => ((1 - lambda0) * x) / sw);
  const rho = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    const to = rnd.sample(n, links, i);
    const v = to.map(() => rnd.uniform(0.2, 1));
    const total = rnd.uniform(lo, hi);
    const sv = v.reduce((s, x) => s + x, 0);
    to.forEach((j, t) => (row[j] = (total * v[t]) / sv));
    return row;
  });
  return { lambda, lambda0, rho };
}

/** Every non-empty subset of n products as a mask. */
export function allSubsets(n: number): boolean[][] {
  const out: boolean[][] = [];
  for (let s = 1; s < 1 << n; s++) out.push(Array.from({ length: n }, (_, i) => ((s >> i) & 1) === 1));
  return out;
}
