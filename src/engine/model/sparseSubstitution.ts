// Builds the compressed sparse rows (and columns) of ρ from (from, to, probability) triplets.

import type { SparseSubstitution } from "./instance";

export function sparseSubstitution(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  p: ArrayLike<number>,
): SparseSubstitution {
  const m = from.length;
  // Everything but the loops comes first. The first call (validation, every link) is long enough to be
  // compiled mid-loop; that code is reused on entry by later calls (one per substitution group), and a step
  // after the loops it had not yet seen (the sort, the result) sent each of them back to the interpreter:
  // 40 bail-outs at N = 1,000.
  // Order links by (from, to) so results never depend on the order the user listed them in.
  const order = Array.from({ length: m }, (_, e) => e).sort((a, b) => from[a] - from[b] || to[a] - to[b]);
  const sub: SparseSubstitution = {
    rowStart: new Int32Array(n + 1),
    col: new Int32Array(m),
    prob: new Float64Array(m),
    rowSum: new Float64Array(n),
    colStart: new Int32Array(n + 1),
    colSource: new Int32Array(m),
    colProb: new Float64Array(m),
  };
  const { rowStart, col, prob, rowSum, colStart, colSource, colProb } = sub;
  const colFill = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    rowStart[from[e] + 1]++;
    colStart[to[e] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    rowStart[i + 1] += rowStart[i];
    colStart[i + 1] += colStart[i];
    colFill[i] = colStart[i];
  }
  for (let k = 0; k < m; k++) {
    const e = order[k];
    col[k] = to[e];
    prob[k] = p[e];
    rowSum[from[e]] += p[e];
    const c = colFill[to[e]]++;
    colSource[c] = from[e];
    colProb[c] = p[e];
  }
  return sub;
}
