// The escape from a binding limit: when the budget or the capacity binds, single and pair moves can leave
// most of it parked on one product (each unit there still earns more than any one unit elsewhere, yet a
// different split earns more in total). Free part of the limit and re-fill it greedily, a pack at a time,
// to the product with the best value per unit of the limit, re-reading the values from a traced pass as
// the plan fills, like the plain unit-by-unit greedy but from a good plan and with batched passes.

import type { Model } from "../model/instance";
import { highestUnits, lowestUnits, usage, withinTotals, changeDelta } from "../model/planLimits";
import { PassStopped, unitValues, type Pause, type SampledSeasons, type UnitValues } from "../simulate/sampledSeasons";

/** The budget or capacity that leaves less than one pack of room for some product that wants one. */
export function bindingLimit(model: Model, units: ArrayLike<number>, v: UnitValues, movable: Uint8Array): boolean {
  const { budget, capacity } = model.constraints;
  if (budget === null && capacity === null) return false;
  const u = usage(model, units);
  for (let i = 0; i < model.n; i++) {
    if (!movable[i] || !(v.more[i] > 0) || units[i] === 0) continue;
    const pack = model.packSize[i];
    if (units[i] + pack > highestUnits(model, i)) continue;
    const next = { ...u, spend: u.spend + model.cost[i] * pack, space: u.space + model.size[i] * pack };
    if (!withinTotals(model, next)) return true;
  }
  return false;
}

/** Share of the binding limits that product i's stock uses (the larger of budget and capacity shares). */
function shareOfLimits(model: Model, i: number, x: number): number {
  const { budget, capacity } = model.constraints;
  let s = 0;
  if (budget !== null && budget > 0) s = Math.max(s, (model.cost[i] * x) / budget);
  if (capacity !== null && capacity > 0) s = Math.max(s, (model.size[i] * x) / capacity);
  return s;
}

/** Units of i cut to about `keep` of its stock (whole packs, not below its lowest quantity). */
function cutTo(model: Model, i: number, x: number, keep: number): number {
  const pack = model.packSize[i];
  const lo = lowestUnits(model, i);
  return Math.min(x, Math.max(lo, Math.floor((x * keep) / pack) * pack));
}

/**
 * The plans to try: the product holding most of the limits cut to half, and every product cut to half;
 * each re-filled greedily. Returns the better of them with its values, or null when no limit binds.
 */
export async function refillEscape(
  s: SampledSeasons,
  units: Int32Array,
  v: UnitValues,
  movable: Uint8Array,
  free: boolean,
  maxPasses: number,
  pause?: Pause,
): Promise<{ units: Int32Array; values: UnitValues; passes: number } | null> {
  const model = s.model;
  const n = model.n;
  if (!bindingLimit(model, units, v, movable)) return null;
  let top = -1;
  for (let i = 0; i < n; i++) {
    if (!movable[i] || units[i] === 0) continue;
    if (top < 0 || shareOfLimits(model, i, units[i]) > shareOfLimits(model, top, units[top])) top = i;
  }
  if (top < 0) return null;
  const starts: Int32Array[] = [];
  const one = units.slice();
  one[top] = cutTo(model, top, units[top], 0.5);
  if (one[top] !== units[top]) starts.push(one);
  const all = units.slice();
  for (let i = 0; i < n; i++) if (movable[i] && all[i] > 0) all[i] = cutTo(model, i, all[i], 0.5);
  if (all.some((x, i) => x !== units[i]) && !all.every((x, i) => x === one[i])) starts.push(all);
  let best: { units: Int32Array; values: UnitValues; passes: number } | null = null;
  let passes = 0;
  for (const start of starts) {
    const r = await greedyFill(s, start, movable, free, Math.max(1, Math.floor(maxPasses / starts.length)), pause);
    passes += r.passes;
    if (best === null || r.values.profit > best.values.profit) best = { ...r, passes };
  }
  if (best) best.passes = passes;
  return best;
}

/**
 * Greedy fill: each pass reads every product's value of one more unit, then adds a pack to the products
 * with the best value per unit of the limits, best first, spending at most a quarter of the room left
 * (at least one pack) before reading the values again. Stops when nothing gains or fits.
 */
export async function greedyFill(
  s: SampledSeasons,
  start: ArrayLike<number>,
  movable: Uint8Array,
  free: boolean,
  maxPasses: number,
  pause?: Pause,
  shouldStop?: () => boolean,
): Promise<{ units: Int32Array; values: UnitValues; passes: number }> {
  const model = s.model;
  const units = Int32Array.from(start);
  let values = await unitValues(s, units, movable, pause);
  let passes = 1;
  while (passes < maxPasses && !shouldStop?.()) {
    if (addByValue(model, units, values, movable, free, 0.25) === 0) break;
    try {
      values = await unitValues(s, units, movable, pause);
    } catch (err) {
      // The sample's deadline cut the pass: the units grown so far still fit, on the last values read.
      if (err instanceof PassStopped && s.deadline !== undefined && Date.now() > s.deadline) break;
      throw err;
    }
    passes++;
  }
  return { units, values, passes };
}

/**
 * One greedy step on known values: adds a pack to the products with the best value of one more unit per unit
 * of the limits, best first, while they fit, spending at most `roomShare` of the room left (at least one pack).
 * Returns how many products grew. `units` is changed in place; `values` are not re-read.
 */
export function addByValue(
  model: Model,
  units: Int32Array,
  values: UnitValues,
  movable: Uint8Array,
  free: boolean,
  roomFraction: number,
): number {
  const n = model.n;
  const { budget, capacity } = model.constraints;
  const perUnit = (i: number) => {
    let r = 0;
    if (budget !== null && budget > 0) r = Math.max(r, model.cost[i] / budget);
    if (capacity !== null && capacity > 0) r = Math.max(r, model.size[i] / capacity);
    return Math.max(r, 1e-15);
  };
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!movable[i] || !(values.more[i] > 0)) continue;
    if (units[i] === 0 ? !free : units[i] + model.packSize[i] > highestUnits(model, i)) continue;
    order.push(i);
  }
  order.sort((a, b) => values.more[b] / perUnit(b) - values.more[a] / perUnit(a) || a - b);
  let u = usage(model, units);
  const room = roomShare(model, u);
  let spent = 0;
  let added = 0;
  for (const i of order) {
    const to = units[i] === 0 ? lowestUnits(model, i) : units[i] + model.packSize[i];
    const d = to - units[i];
    const next = {
      spend: u.spend + model.cost[i] * d,
      space: u.space + model.size[i] * d,
      carried: u.carried,
      changes: u.changes + changeDelta(model, i, units[i], to),
    };
    if (units[i] === 0) next.carried++;
    if (!withinTotals(model, next)) continue;
    if (added > 0 && spent + perUnit(i) * d > room * roomFraction) break;
    units[i] = to;
    u = next;
    spent += perUnit(i) * d;
    added++;
  }
  return added;
}

/** Room left under the budget and the capacity, as the smaller share of each limit. */
function roomShare(model: Model, u: { spend: number; space: number }): number {
  const { budget, capacity } = model.constraints;
  let room = Infinity;
  if (budget !== null && budget > 0) room = Math.min(room, (budget - u.spend) / budget);
  if (capacity !== null && capacity > 0) room = Math.min(room, (capacity - u.space) / capacity);
  return Number.isFinite(room) ? Math.max(0, room) : 1;
}
