// Pair moves: one pack out of product i and one pack into a substitute j (or the reverse), for when no
// single move gains. Between close substitutes each half alone loses (i's last unit is worth keeping, j's
// next unit would only steal i's customers), yet moving a unit from one to the other can gain; the search
// of single moves never sees it.
//
// Values from traced passes: one pass on the plan with i one pack lower gives the exact value of one more
// unit of EVERY product there (marginalValues.ts), so value(x − e_i + e_j) − value(x) = fewer_x(i) +
// more_{x−e_i}(j) exactly, for all j at once. Likewise one pass on x + e_j gives every i's fewer at once.
// To keep the passes few at large N, products whose substitution neighbourhoods do not overlap share a
// pass (each one's neighbours see only its own change, so the estimates stay exact up to interactions
// through longer walks); the search then checks every accepted move on the sample.

import type { Model } from "../model/instance";
import { highestUnits, lowestUnits } from "../model/planLimits";
import { unitValues, type Pause, type SampledSeasons, type UnitValues } from "../simulate/sampledSeasons";

/** One product's new quantity and its estimated gain. */
export interface UnitMove {
  i: number;
  to: number;
  gain: number;
}

/** Two moves made together: a pack out of one product and a pack into a substitute. */
export interface PairMove {
  moves: [UnitMove, UnitMove];
  gain: number;
}

export interface PairSearch {
  pairs: PairMove[];
  passes: number;
}

/** Products linked to i either way (i's substitutes and the products that substitute to i), and i. */
export function neighbourhood(model: Model, i: number): number[] {
  const { rowStart, col, colStart, colSource } = model.substitution;
  const out = [i];
  for (let e = rowStart[i]; e < rowStart[i + 1]; e++) out.push(col[e]);
  for (let e = colStart[i]; e < colStart[i + 1]; e++) out.push(colSource[e]);
  return out;
}

/** One pack down (to 0 only when the assortment may change), or −1 when i cannot go down. */
function downTo(model: Model, units: ArrayLike<number>, i: number, free: boolean): number {
  const x = units[i];
  if (x <= 0) return -1;
  const lo = lowestUnits(model, i);
  const to = x - model.packSize[i];
  if (to >= lo) return to;
  return free && !model.mustOffer[i] ? 0 : -1;
}

/** One pack up (from 0 to the lowest allowed quantity when the assortment may change), or −1. */
function upTo(model: Model, units: ArrayLike<number>, i: number, free: boolean): number {
  const x = units[i];
  if (x === 0) return free ? lowestUnits(model, i) : -1;
  const to = x + model.packSize[i];
  return to <= highestUnits(model, i) ? to : -1;
}

/**
 * Groups `order` into batches whose neighbourhoods do not overlap, at most `maxBatches` of them, in order:
 * the first batch takes the most promising products.
 */
function batches(model: Model, order: number[], maxBatches: number): number[][] {
  const out: number[][] = [];
  const owner = new Int32Array(model.n).fill(-1);
  let rest = order;
  while (rest.length > 0 && out.length < maxBatches) {
    const batch: number[] = [];
    const later: number[] = [];
    const id = out.length;
    for (const i of rest) {
      const hood = neighbourhood(model, i);
      if (hood.some((k) => owner[k] === id)) {
        later.push(i);
        continue;
      }
      for (const k of hood) owner[k] = id;
      batch.push(i);
    }
    out.push(batch);
    rest = later;
  }
  return out;
}

/**
 * Improving pair moves around the plan whose values are `v`, at most `maxPasses` passes in each direction;
 * each product appears in at most one returned pair, best pairs first.
 */
export async function pairMoves(
  s: SampledSeasons,
  units: Int32Array,
  v: UnitValues,
  movable: Uint8Array,
  free: boolean,
  maxPasses: number,
  pause?: Pause,
): Promise<PairSearch> {
  const model = s.model;
  const n = model.n;
  const found: PairMove[] = [];
  let passes = 0;
  const which = new Uint8Array(n);
  // Direction "out first": lower i, read every neighbour's value of one more unit.
  const outs: number[] = [];
  const ins: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!movable[i]) continue;
    if (downTo(model, units, i, free) >= 0) outs.push(i);
    if (upTo(model, units, i, free) >= 0) ins.push(i);
  }
  // Least loss first: those are the halves most likely to be paid for by their partner.
  outs.sort((a, b) => v.fewer[b] - v.fewer[a] || a - b);
  ins.sort((a, b) => v.more[b] - v.more[a] || a - b);
  const outBatches = batches(model, outs, maxPasses);
  let covered = 0;
  for (const batch of outBatches) covered += batch.length;
  for (const batch of outBatches) {
    const trial = units.slice();
    which.fill(0);
    for (const i of batch) {
      trial[i] = downTo(model, units, i, free);
      for (const k of neighbourhood(model, i)) if (k !== i && movable[k]) which[k] = 1;
    }
    const w = await unitValues(s, trial, which, pause);
    passes++;
    for (const i of batch) {
      const out: UnitMove = { i, to: trial[i], gain: v.fewer[i] * (units[i] - trial[i]) };
      let best: PairMove | null = null;
      for (const j of neighbourhood(model, i)) {
        if (j === i || !movable[j]) continue;
        const to = upTo(model, units, j, free);
        if (to < 0) continue;
        const gain = out.gain + w.more[j] * (to - units[j]);
        if (best === null || gain > best.gain) best = { moves: [out, { i: j, to, gain: gain - out.gain }], gain };
      }
      if (best) found.push(best);
    }
  }
  // Direction "in first": raise j, read every neighbour's value of one fewer unit. When the first direction
  // reached every product that can go down, it has already valued every pair (the links are read both
  // ways), so this one would repeat it.
  for (const batch of covered === outs.length ? [] : batches(model, ins, maxPasses)) {
    const trial = units.slice();
    which.fill(0);
    for (const j of batch) {
      trial[j] = upTo(model, units, j, free);
      for (const k of neighbourhood(model, j)) if (k !== j && movable[k]) which[k] = 1;
    }
    const w = await unitValues(s, trial, which, pause);
    passes++;
    for (const j of batch) {
      const into: UnitMove = { i: j, to: trial[j], gain: v.more[j] * (trial[j] - units[j]) };
      let best: PairMove | null = null;
      for (const i of neighbourhood(model, j)) {
        if (i === j || !movable[i]) continue;
        const to = downTo(model, units, i, free);
        if (to < 0) continue;
        const gain = into.gain + w.fewer[i] * (units[i] - to);
        if (best === null || gain > best.gain) best = { moves: [{ i, to, gain: gain - into.gain }, into], gain };
      }
      if (best) found.push(best);
    }
  }
  const scale = Math.max(1, Math.abs(v.profit)) * 1e-12;
  found.sort((a, b) => b.gain - a.gain || a.moves[0].i - b.moves[0].i || a.moves[1].i - b.moves[1].i);
  const taken = new Uint8Array(n);
  const pairs: PairMove[] = [];
  for (const p of found) {
    if (p.gain <= scale) break;
    const [a, b] = p.moves;
    if (taken[a.i] || taken[b.i]) continue;
    taken[a.i] = taken[b.i] = 1;
    pairs.push(p);
  }
  return { pairs, passes };
}
