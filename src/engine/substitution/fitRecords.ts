// The history as the EM reads it: records checked (each problem names its record) and merged by offered set,
// so an iteration costs in proportion to the distinct offered sets, not to the customers.

import { HistoryError, type PeriodSales, type Transaction } from "./fitTypes";

/** Records with the same offered set, merged. */
export interface Group {
  /** 1 where unavailable. */
  unavailable: Uint8Array;
  /** Available product indices. */
  members: Int32Array;
  /** Purchases per member (aligned with members). */
  bought: Float64Array;
  /** Customers counted as leaving (multinomial records). */
  left: number;
  /** Exposure of sales-only periods (their leavers are missing data). */
  exposure: number;
}

/** Checks the records and merges those with the same offered set (and kind). */
export function groupRecords(
  n: number,
  transactions: readonly Transaction[],
  periods: readonly PeriodSales[],
): Group[] {
  const byKey = new Map<string, Group>();
  const mask = new Uint8Array(n);
  const groupFor = (available: Uint8Array, poisson: boolean): Group => {
    let key = poisson ? "P" : "T";
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (available[i]) members.push(i);
    key += members.join(",");
    let g = byKey.get(key);
    if (!g) {
      const unavailable = new Uint8Array(n);
      for (let i = 0; i < n; i++) unavailable[i] = available[i] ? 0 : 1;
      g = {
        unavailable,
        members: Int32Array.from(members),
        bought: new Float64Array(members.length),
        left: 0,
        exposure: 0,
      };
      byKey.set(key, g);
    }
    return g;
  };
  const position = (g: Group, j: number): number => {
    // members are sorted: binary search
    let lo = 0;
    let hi = g.members.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (g.members[mid] === j) return mid;
      if (g.members[mid] < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  transactions.forEach((t, r) => {
    const count = t.count ?? 1;
    if (!(count > 0) || !Number.isFinite(count))
      throw new HistoryError(`record ${r + 1}: the count must be a positive number (got ${count})`, r);
    mask.fill(0);
    for (let k = 0; k < t.offered.length; k++) {
      const i = t.offered[k];
      if (!Number.isInteger(i) || i < 0 || i >= n)
        throw new HistoryError(`record ${r + 1}: offered product index ${i} is not between 0 and ${n - 1}`, r);
      if (mask[i]) throw new HistoryError(`record ${r + 1}: product index ${i} is offered twice`, r);
      mask[i] = 1;
    }
    if (t.offered.length === 0) throw new HistoryError(`record ${r + 1}: nothing was offered`, r);
    const g = groupFor(mask, false);
    if (t.purchased === -1) g.left += count;
    else {
      const at = Number.isInteger(t.purchased) ? position(g, t.purchased) : -1;
      if (at < 0) throw new HistoryError(`record ${r + 1}: the purchase (index ${t.purchased}) was not offered`, r);
      g.bought[at] += count;
    }
  });
  periods.forEach((period, r) => {
    if (period.available.length !== n || period.sales.length !== n)
      throw new HistoryError(`period ${r + 1}: availability and sales must list all ${n} products`, r);
    mask.fill(0);
    let sold = 0;
    for (let i = 0; i < n; i++) {
      const s = period.sales[i];
      if (!(s >= 0) || !Number.isFinite(s))
        throw new HistoryError(`period ${r + 1}: sales of product ${i} must be 0 or more (got ${s})`, r);
      if (period.available[i]) mask[i] = 1;
      else if (s > 0) throw new HistoryError(`period ${r + 1}: product ${i} sold ${s} units while unavailable`, r);
      sold += s;
    }
    if (!mask.some((x) => x === 1)) throw new HistoryError(`period ${r + 1}: nothing was available`, r);
    const exposure = period.exposure ?? 1;
    if (!(exposure > 0) || !Number.isFinite(exposure))
      throw new HistoryError(`period ${r + 1}: the exposure must be a positive number (got ${exposure})`, r);
    const counted = period.customers !== undefined;
    if (counted && (!((period.customers as number) >= sold) || !Number.isFinite(period.customers))) {
      throw new HistoryError(`period ${r + 1}: ${period.customers} customers cannot have bought ${sold} units`, r);
    }
    const g = groupFor(mask, !counted);
    for (let t = 0; t < g.members.length; t++) g.bought[t] += period.sales[g.members[t]];
    if (counted) g.left += (period.customers as number) - sold;
    else g.exposure += exposure;
  });
  return [...byKey.values()];
}
