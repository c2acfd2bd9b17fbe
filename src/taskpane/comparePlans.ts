// Two kept plans side by side: profit (with intervals), products carried, units, cost, and the products that
// changed (added, dropped, or bought in different quantities), largest changes first.

import type { PlanRecord } from "../excel/scenarios";

export interface PlanChange {
  id: string;
  before: number;
  after: number;
}

export interface Comparison {
  rows: { label: string; a: string; b: string; difference: string }[];
  added: PlanChange[];
  dropped: PlanChange[];
  changed: PlanChange[];
}

function n0(x: number): string {
  return Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 0 }) : "–";
}

function signed(x: number): string {
  return (x > 0 ? "+" : "") + n0(x);
}

export function comparePlans(a: PlanRecord, b: PlanRecord): Comparison {
  const rows = [
    {
      label: "Expected profit",
      a: `${n0(a.profit)} ± ${n0(a.interval)}`,
      b: `${n0(b.profit)} ± ${n0(b.interval)}`,
      difference: signed(b.profit - a.profit),
    },
    { label: "Products carried", a: n0(a.carried), b: n0(b.carried), difference: signed(b.carried - a.carried) },
    { label: "Units", a: n0(a.units), b: n0(b.units), difference: signed(b.units - a.units) },
    {
      label: "Purchase cost",
      a: n0(a.purchaseCost),
      b: n0(b.purchaseCost),
      difference: signed(b.purchaseCost - a.purchaseCost),
    },
  ];
  const added: PlanChange[] = [];
  const dropped: PlanChange[] = [];
  const changed: PlanChange[] = [];
  for (const id of new Set([...Object.keys(a.plan), ...Object.keys(b.plan)])) {
    const before = a.plan[id] ?? 0;
    const after = b.plan[id] ?? 0;
    if (before === after) continue;
    const c = { id, before, after };
    if (before === 0) added.push(c);
    else if (after === 0) dropped.push(c);
    else changed.push(c);
  }
  const bySize = (x: PlanChange, y: PlanChange) =>
    Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.id.localeCompare(y.id);
  return { rows, added: added.sort(bySize), dropped: dropped.sort(bySize), changed: changed.sort(bySize) };
}
