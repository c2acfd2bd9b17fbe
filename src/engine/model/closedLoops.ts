// Products from which a walking customer can never leave: every row on every path sums to 1 and no path
// reaches a row with an exit. Such a customer would circle forever once they are all out of stock, so the
// model rejects them (docs/model.md §1). Found by a backward search from the rows that have an exit.

import type { SparseSubstitution } from "./instance";

const EXIT_TOLERANCE = 1e-12;

/** Groups of products (as index lists, connected through their links) that cannot reach an exit. */
export function closedLoops(n: number, sub: SparseSubstitution): number[][] {
  const canExit = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (sub.rowSum[i] < 1 - EXIT_TOLERANCE) {
      canExit[i] = 1;
      queue.push(i);
    }
  }
  // i reaches an exit if some j with ρ[i][j] > 0 does: walk the links backwards.
  for (let head = 0; head < queue.length; head++) {
    const j = queue[head];
    for (let e = sub.colStart[j]; e < sub.colStart[j + 1]; e++) {
      const i = sub.colSource[e];
      if (!canExit[i] && sub.colProb[e] > 0) {
        canExit[i] = 1;
        queue.push(i);
      }
    }
  }
  // Group the trapped products by (undirected) connectivity among themselves.
  const group = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (canExit[s] || group[s] >= 0) continue;
    const members: number[] = [];
    const stack = [s];
    group[s] = groups.length;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      members.push(i);
      const visit = (k: number) => {
        if (!canExit[k] && group[k] < 0) {
          group[k] = groups.length;
          stack.push(k);
        }
      };
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) if (sub.prob[e] > 0) visit(sub.col[e]);
      for (let e = sub.colStart[i]; e < sub.colStart[i + 1]; e++) if (sub.colProb[e] > 0) visit(sub.colSource[e]);
    }
    members.sort((a, b) => a - b);
    groups.push(members);
  }
  return groups;
}
