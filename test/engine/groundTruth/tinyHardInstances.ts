// Tiny instances (N = 4–5) of the kind where a local search is most easily trapped: low margins, salvage,
// strong substitution (rows summing to 0.6–0.95, often to a close twin), small traffic. Exact optima
// come from exactOptimum.ts.

import type { DenseInstance } from "./exactDp";
import { TestRandom } from "./testRandom";

export interface TinyHardOptions {
  n: number;
  totalDemand: number;
  /** Cost as a share of price, drawn in [lo, hi]. */
  costShare: [number, number];
  salvage: boolean;
  /** Row sums drawn in [lo, hi]. */
  rowSum: [number, number];
}

export function tinyHardInstance(seed: number, o: TinyHardOptions): DenseInstance {
  const rnd = new TestRandom(seed);
  const n = o.n;
  const ids = Array.from({ length: n }, (_, i) => `T${i}`);
  const price: number[] = [];
  const cost: number[] = [];
  const salvage: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = Math.round(rnd.uniform(8, 30) * 100) / 100;
    const c = Math.round(rnd.uniform(o.costShare[0], o.costShare[1]) * p * 100) / 100;
    price.push(p);
    cost.push(c);
    salvage.push(o.salvage && rnd.next() < 0.7 ? Math.round(rnd.uniform(0.2, 0.8) * c * 100) / 100 : 0);
    weight.push(rnd.uniform(0.3, 1));
  }
  const ws = weight.reduce((a, b) => a + b, 0);
  const demand = weight.map((w) => (w / ws) * o.totalDemand);
  const rho = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    // Most of the row to one twin, the rest spread: customers substitute hard and mostly to one product.
    const twin = rnd.sample(n, 1, i)[0];
    const total = rnd.uniform(o.rowSum[0], o.rowSum[1]);
    const twinShare = rnd.uniform(0.5, 0.9);
    rho[i][twin] = total * twinShare;
    const others = rnd.sample(n, 2, i).filter((j) => j !== twin);
    for (const j of others) rho[i][j] += (total * (1 - twinShare)) / others.length;
    if (others.length === 0) rho[i][twin] = total;
  }
  return { ids, price, cost, salvage, demand, rho };
}

/** The 13 instances of the exact-optimum check (bench/exactOptimum.ts and the optimiser tests). */
export function tinyHardSet(): { name: string; inst: DenseInstance }[] {
  const specs: [number, TinyHardOptions][] = [
    [1, { n: 4, totalDemand: 8, costShare: [0.6, 0.85], salvage: true, rowSum: [0.7, 0.95] }],
    [2, { n: 4, totalDemand: 10, costShare: [0.7, 0.9], salvage: true, rowSum: [0.6, 0.9] }],
    [3, { n: 4, totalDemand: 12, costShare: [0.5, 0.8], salvage: false, rowSum: [0.8, 0.95] }],
    [4, { n: 4, totalDemand: 6, costShare: [0.65, 0.9], salvage: true, rowSum: [0.85, 0.95] }],
    [5, { n: 5, totalDemand: 7, costShare: [0.6, 0.85], salvage: true, rowSum: [0.7, 0.95] }],
    [6, { n: 5, totalDemand: 8, costShare: [0.7, 0.9], salvage: false, rowSum: [0.6, 0.9] }],
    [7, { n: 5, totalDemand: 6, costShare: [0.75, 0.9], salvage: true, rowSum: [0.8, 0.95] }],
    [8, { n: 4, totalDemand: 9, costShare: [0.8, 0.92], salvage: true, rowSum: [0.7, 0.95] }],
    [9, { n: 5, totalDemand: 9, costShare: [0.55, 0.8], salvage: true, rowSum: [0.85, 0.95] }],
    [10, { n: 4, totalDemand: 14, costShare: [0.7, 0.88], salvage: true, rowSum: [0.6, 0.85] }],
    [11, { n: 5, totalDemand: 8, costShare: [0.6, 0.9], salvage: true, rowSum: [0.9, 0.95] }],
    [12, { n: 4, totalDemand: 11, costShare: [0.75, 0.9], salvage: false, rowSum: [0.75, 0.95] }],
    [13, { n: 5, totalDemand: 10, costShare: [0.65, 0.85], salvage: true, rowSum: [0.6, 0.95] }],
  ];
  return specs.map(([seed, o]) => ({
    name: `tiny-${seed} (N=${o.n}, ΣD=${o.totalDemand}${o.salvage ? ", salvage" : ""})`,
    inst: tinyHardInstance(1000 + seed, o),
  }));
}
