// Strongly connected components of the substitution graph (links with probability > 0), by Tarjan's
// algorithm without recursion (a million products would overflow the call stack). Components come out in
// reverse topological order: every link leaving a component points into one listed earlier.

import type { SparseSubstitution } from "./instance";

export interface Components {
  /** Component of each product. */
  of: Int32Array;
  /** Members of component c: order[start[c] .. start[c + 1]). */
  start: Int32Array;
  order: Int32Array;
  count: number;
}

export function stronglyConnected(n: number, sub: SparseSubstitution): Components {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const of = new Int32Array(n);
  const order = new Int32Array(n);
  const starts: number[] = [0];
  let sp = 0;
  let next = 0;
  let placed = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = sub.rowStart[root];
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < sub.rowStart[v + 1]) {
        callEdge[depth] = e + 1;
        const w = sub.col[e];
        if (!(sub.prob[e] > 0)) continue;
        if (index[w] < 0) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = sub.rowStart[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        const c = starts.length - 1;
        for (;;) {
          const w = stack[--sp];
          onStack[w] = 0;
          of[w] = c;
          order[placed++] = w;
          if (w === v) break;
        }
        starts.push(placed);
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { of, start: Int32Array.from(starts), order, count: starts.length - 1 };
}
