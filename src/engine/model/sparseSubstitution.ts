// Builds the compressed sparse rows (and columns) of ρ from (from, to, probability) triplets.

import type { SparseSubstitution } from "./instance";

export function sparseSubstitution(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  p: ArrayLike<number>,
): SparseSubstitution {
  const m = from.length;
  const rowStart = new Int32Array(n + 1);
  const colStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    rowStart[from[e] + 1]++;
    colStart[to[e] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    rowStart[i + 1] += rowStart[i];
    colStart[i + 1] += colStart[i];
  }
  // Order links by (from, to) so results never depend on the order the user listed them in.
  const order = Array.from({ length: m }, (_, e) => e).sort((a, b) => from[a] - from[b] || to[a] - to[b]);
  const col = new Int32Array(m);
  const prob = new Float64Array(m);
  const rowSum = new Float64Array(n);
  const colSource = new Int32Array(m);
  const colProb = new Float64Array(m);
  const colFill = colStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    const e = order[k];
    col[k] = to[e];
    prob[k] = p[e];
    rowSum[from[e]] += p[e];
    const c = colFill[to[e]]++;
    colSource[c] = from[e];
    colProb[c] = p[e];
  }
  return { rowStart, col, prob, rowSum, colStart, colSource, colProb };
}
