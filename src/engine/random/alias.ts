// Walker's alias method (Vose's stable construction): draw from a discrete distribution in O(1).

export interface AliasTable {
  /** Probability of keeping column k (else take alias[k]). */
  keep: Float64Array;
  alias: Int32Array;
}

/** Builds the table for weights w (non-negative, not all zero); outcomes are the indices 0..w.length-1. */
export function aliasTable(w: ArrayLike<number>): AliasTable {
  const m = w.length;
  const keep = new Float64Array(m);
  const alias = new Int32Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) total += w[k];
  if (!(total > 0)) throw new Error("aliasTable: the weights must have a positive sum");
  const scaled = new Float64Array(m);
  const small: number[] = [];
  const large: number[] = [];
  for (let k = 0; k < m; k++) {
    scaled[k] = (w[k] * m) / total;
    alias[k] = k;
    (scaled[k] < 1 ? small : large).push(k);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large[large.length - 1];
    keep[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) {
      large.pop();
      small.push(l);
    }
  }
  // Leftovers are 1 up to rounding.
  for (const k of large) keep[k] = 1;
  for (const k of small) keep[k] = 1;
  return { keep, alias };
}

/** Draws an index from the table with one uniform u in [0, 1). */
export function aliasDraw(t: AliasTable, u: number): number {
  const x = u * t.keep.length;
  const k = Math.floor(x);
  return x - k < t.keep[k] ? k : t.alias[k];
}
