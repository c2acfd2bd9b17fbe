// Flat alias tables for the simulator: one for the first choice (λ), one per product for where a customer
// who finds it unavailable goes next (its substitutes, or −1 for leaving). O(1) per step, no allocation.

import { aliasTable } from "../random/alias";
import type { Model } from "../model/instance";

export interface WalkTables {
  n: number;
  /** First choice: keep/alias over products, by λ. */
  firstKeep: Float64Array;
  firstAlias: Int32Array;
  /** Row i's table occupies [start[i], start[i] + size[i]). */
  start: Int32Array;
  size: Int32Array;
  keep: Float64Array;
  /** Outcome when the column is kept / when its alias is taken: a product, or −1 to leave. */
  primary: Int32Array;
  alias: Int32Array;
}

const cache = new WeakMap<Model, WalkTables>();

export function walkTables(model: Model): WalkTables {
  const hit = cache.get(model);
  if (hit) return hit;
  const { n, substitution: sub } = model;
  const first = aliasTable(model.demand);
  const start = new Int32Array(n);
  const size = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const links = sub.rowStart[i + 1] - sub.rowStart[i];
    start[i] = total;
    // No links: the customer always leaves (size 0 = no draw needed).
    size[i] = links === 0 ? 0 : links + (sub.rowSum[i] < 1 ? 1 : 0);
    total += size[i];
  }
  const keep = new Float64Array(total);
  const primary = new Int32Array(total);
  const alias = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const m = size[i];
    if (m === 0) continue;
    const w = new Float64Array(m);
    const outcome = new Int32Array(m);
    let k = 0;
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++, k++) {
      w[k] = sub.prob[e];
      outcome[k] = sub.col[e];
    }
    if (k < m) {
      w[k] = 1 - sub.rowSum[i];
      outcome[k] = -1;
    }
    const t = aliasTable(w);
    for (let c = 0; c < m; c++) {
      keep[start[i] + c] = t.keep[c];
      primary[start[i] + c] = outcome[c];
      alias[start[i] + c] = outcome[t.alias[c]];
    }
  }
  const tables: WalkTables = { n, firstKeep: first.keep, firstAlias: first.alias, start, size, keep, primary, alias };
  cache.set(model, tables);
  return tables;
}
