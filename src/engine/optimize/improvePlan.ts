// Sample average approximation by local search: maximise the plan's mean profit over a fixed sample of
// simulated seasons (common random numbers), moving units where the exact one-unit values say so.
//
// Each round: one traced pass gives, per product, the exact profit change of one unit more or fewer on the
// sample (marginalValues.ts). Every product with a gain proposes a move (a pack up or down, longer steps
// while it keeps moving the same way; 0 ↔ its lowest quantity adds or drops it); moves that keep the rules
// are applied together and the result is re-simulated on the same sample. If products interfere (two
// substitutes both growing for the same customers) and the total falls, the moves that leave each other's
// substitutes alone are tried (their gains add up), then halves of those: a single one-unit move's gain is
// exact, so a round never fails to improve while some unit has a positive value. A pass bound (counted,
// not timed) ends the search where passes are heavy. When limits bind, a unit that gains is swapped for one that loses less per
// unit of the limit. Once no single move gains, pair moves between substitutes (pairMoves.ts) are tried,
// and when a limit binds, a greedy re-fill of part of it (refill.ts); the search stops when none of them
// gains (a local optimum of the sample for all three), when gains stall, or when told to stop.

import { pacer, yieldToHost } from "../simulate/host";
import type { Model } from "../model/instance";
import {
  changeDelta,
  highestUnits,
  isLocked,
  lowestUnits,
  mayCarry,
  usage,
  withinTotals,
  type Usage,
} from "../model/planLimits";
import { PassStopped, unitValues, type SampledSeasons, type UnitValues } from "../simulate/sampledSeasons";
import { pairMoves, type UnitMove } from "./pairMoves";
import { bindingLimit, refillEscape } from "./refill";

export interface ImproveOptions {
  /** Products whose carry/drop status may change (default: every product that may be carried). */
  mayChangeAssortment?: boolean;
  /** Checked between rounds. */
  shouldStop?: () => boolean;
  /** Passes over the sample after which no new round starts (a work bound: the same on any machine). */
  maxPasses?: number;
  /** Called after each round with the round number and the sample profit. */
  onRound?: (round: number, profit: number) => void;
}

export interface ImproveResult {
  units: Int32Array;
  /** Mean profit over the sample. */
  profit: number;
  rounds: number;
  /** True when the search ended at a local optimum (no improving move left). */
  converged: boolean;
  /** Passes over the sample (each plays every season once). */
  passes: number;
}

const STALL_ROUNDS = 5;
const STALL_SHARE = 2e-5;
/** Rounds are many on large plans only while they gain; this guards against a slow crawl. */
const MAX_ROUNDS = 400;
/** Passes each direction of a pair-move search, and of one greedy re-fill. */
const PAIR_PASSES = 6;
const REFILL_PASSES = 40;

type Move = UnitMove;

export async function improvePlan(
  s: SampledSeasons,
  start: ArrayLike<number>,
  options: ImproveOptions = {},
): Promise<ImproveResult> {
  const model = s.model;
  const n = model.n;
  const free = options.mayChangeAssortment !== false;
  const units = Int32Array.from(start);
  const movable = new Uint8Array(n);
  // Locked products keep their current units: never moved.
  for (let i = 0; i < n; i++) movable[i] = mayCarry(model, i) && !isLocked(model, i) && (free || units[i] > 0) ? 1 : 0;
  const stride = new Int32Array(n).fill(1);
  const lastDirection = new Int8Array(n);
  // A trial that is accepted was evaluated with its one-unit values: they serve the next round as they are.
  const stopNow = () => options.shouldStop?.() === true;
  // Passes yield to the host every few tens of milliseconds, so a cancel is seen mid-pass.
  const pause = pacer(stopNow);
  let v: UnitValues;
  try {
    v = await unitValues(s, units, movable, pause);
  } catch (err) {
    if (err instanceof PassStopped) return { units, profit: NaN, rounds: 0, converged: false, passes: 0 };
    throw err;
  }
  let passes = 1;
  const maxPasses = options.maxPasses ?? Infinity;
  let outOfPasses = false;
  let profit = v.profit;
  const scale = Math.max(1, Math.abs(profit)) * 1e-12;
  let rounds = 0;
  let converged = false;
  // Late rounds polish cents: stop when the last STALL_ROUNDS together gained under STALL_SHARE of profit.
  const history: number[] = [];
  let share = 1;
  let preferApart = false;
  // Tries the groups best first until the sample profit rises; true if it did. First a share of them (twice
  // the share that last succeeded: when products interfere, trying them all every round wastes a pass);
  // if that falls, the groups that leave each other's substitutes alone (their gains add up), halved
  // until one rises. Halving the full list instead costs a pass per halving, most of them lost.
  const tryGroups = async (groups: Group[]): Promise<boolean> => {
    groups.sort((a, b) => b.gain - a.gain || a.moves[0].i - b.moves[0].i);
    // Once the independent set has won after a share of all the moves lost, start from it: the round
    // then costs one pass instead of two.
    let apart = preferApart;
    let list = apart ? apartGroups(model, units, groups) : groups;
    let take = apart ? list.length : Math.max(1, Math.min(groups.length, Math.ceil(share * groups.length)));
    while (take > 0) {
      const { trial, applied } = applyGroups(model, units, list, take);
      if (applied.length === 0) break;
      const tried = await unitValues(s, trial, movable, pause);
      passes++;
      if (tried.profit > profit + scale) {
        share = Math.min(1, (2 * applied.length) / groups.length);
        preferApart = apart;
        for (const g of applied) {
          for (const { i, to } of g.moves) {
            const dir = to > units[i] ? 1 : -1;
            stride[i] = dir === lastDirection[i] ? Math.min(stride[i] * 2, 64) : 1;
            lastDirection[i] = dir;
          }
        }
        accept(trial, tried);
        return true;
      }
      if (!apart) {
        apart = true;
        list = apartGroups(model, units, groups);
        // Halve at once when the independent set is no smaller than what just failed.
        take = list.length < applied.length ? list.length : Math.ceil(applied.length / 2);
        continue;
      }
      preferApart = false;
      // Independent moves that still lose together misjudged their multi-unit steps: the caller retries
      // with single steps rather than spending a pass per halving.
      if (applied.some((g) => g.moves.some((m) => stride[m.i] > 1))) return false;
      take = take === 1 ? 0 : Math.ceil(take / 2);
    }
    return false;
  };
  const accept = (plan: Int32Array, values: UnitValues) => {
    v = values;
    units.set(plan);
    profit = values.profit;
  };
  // No single move gains: pairs between substitutes, then (when a limit binds) a greedy re-fill.
  const escape = async (): Promise<boolean> => {
    // Pair passes come two at a time (one each direction) and count against the pass bound.
    const pairPasses = Math.min(PAIR_PASSES, Math.floor((maxPasses - passes) / 2));
    if (pairPasses < 1) {
      outOfPasses = true;
      return false;
    }
    const pairs = await pairMoves(s, units, v, movable, free, pairPasses, pause);
    passes += pairs.passes;
    if (pairs.pairs.length > 0 && (await tryGroups(pairs.pairs))) return true;
    if (!bindingLimit(model, units, v, movable)) return false;
    const refillPasses = Math.min(REFILL_PASSES, maxPasses - passes);
    if (refillPasses < 2) {
      outOfPasses = true;
      return false;
    }
    const refilled = await refillEscape(s, units, v, movable, free, refillPasses, pause);
    if (refilled === null) return false;
    passes += refilled.passes;
    if (!(refilled.values.profit > profit + scale)) return false;
    stride.fill(1);
    lastDirection.fill(0);
    accept(refilled.units, refilled.values);
    return true;
  };
  try {
    for (; rounds < MAX_ROUNDS; rounds++) {
      // Let the host breathe between rounds: progress, cancellation, a responsive page.
      await yieldToHost();
      if (stopNow()) break;
      if (passes >= maxPasses) break;
      const moves = proposeMoves(model, units, v.more, v.fewer, movable, free, stride);
      const groups = fitMoves(model, units, moves, scale);
      let moved = groups.length > 0 && (await tryGroups(groups));
      if (!moved && groups.length > 0) {
        // Even the best single group lost: multi-unit estimates or swaps misjudged. Retry with single steps.
        let reset = false;
        for (const g of groups) {
          for (const m of g.moves) {
            if (stride[m.i] > 1) reset = true;
            stride[m.i] = 1;
            lastDirection[m.i] = 0;
          }
        }
        if (reset) moved = true;
      }
      if (!moved && !(await escape())) {
        converged = !outOfPasses;
        break;
      }
      options.onRound?.(rounds + 1, profit);
      history.push(profit);
      if (
        history.length > STALL_ROUNDS &&
        profit - history[history.length - 1 - STALL_ROUNDS] < STALL_SHARE * Math.abs(profit)
      ) {
        converged = true;
        rounds++;
        break;
      }
    }
  } catch (err) {
    if (err instanceof PassStopped) return { units, profit, rounds, converged: false, passes };
    throw err;
  }
  return { units, profit, rounds, converged, passes };
}

/** Up and down moves with their estimated gains (one pack, or `stride` packs while a product keeps going). */
function proposeMoves(
  model: Model,
  units: Int32Array,
  more: Float64Array,
  fewer: Float64Array,
  movable: Uint8Array,
  free: boolean,
  stride: Int32Array,
): { up: Move[]; down: Move[] } {
  const up: Move[] = [];
  const down: Move[] = [];
  for (let i = 0; i < model.n; i++) {
    if (!movable[i]) continue;
    const x = units[i];
    const pack = model.packSize[i];
    const lo = lowestUnits(model, i);
    const hi = highestUnits(model, i);
    // Up: from 0 to the lowest allowed quantity (adds the product), or by packs.
    if (x === 0 ? free : x < hi) {
      const to = x === 0 ? lo : Math.min(hi, x + pack * stride[i]);
      const gain = more[i] * (to - x);
      up.push({ i, to, gain });
    }
    if (x > 0) {
      let to = x - pack * stride[i];
      if (to < lo) to = model.mustOffer[i] || !free ? (x > lo ? lo : -1) : 0;
      if (to >= 0) down.push({ i, to, gain: fewer[i] * (x - to) });
    }
  }
  return { up, down };
}

function resourceOf(model: Model, i: number, from: number, to: number, u: Usage): number {
  // How much of the limits a move uses, each as a share of its limit.
  const { budget, capacity, maxProducts } = model.constraints;
  let r = 0;
  if (budget !== null && budget > 0) r += (model.cost[i] * (to - from)) / budget;
  if (capacity !== null && capacity > 0) r += (model.size[i] * (to - from)) / capacity;
  if (maxProducts !== null && maxProducts > 0 && u.carried >= maxProducts)
    r += ((to > 0 ? 1 : 0) - (from > 0 ? 1 : 0)) / maxProducts;
  return r;
}

/** Usage after moving product i from `from` to `to` units. */
function moved(model: Model, u: Usage, i: number, from: number, to: number): Usage {
  return {
    spend: u.spend + model.cost[i] * (to - from),
    space: u.space + model.size[i] * (to - from),
    carried: u.carried + (to > 0 ? 1 : 0) - (from > 0 ? 1 : 0),
    changes: u.changes + changeDelta(model, i, from, to),
  };
}

/** Moves applied together: a single move, or a swap (an up paid for by downs). */
interface Group {
  moves: Move[];
  gain: number;
}

/**
 * The groups, best first, that move no product in the same direction as a substitute's move (either way
 * of the link): such moves compete for the same customers, while the gains of the others nearly add up.
 */
function apartGroups(model: Model, units: Int32Array, groups: Group[]): Group[] {
  const up = new Uint8Array(model.n);
  const down = new Uint8Array(model.n);
  const { rowStart, col, colStart, colSource } = model.substitution;
  const clash = (i: number, mark: Uint8Array) => {
    if (mark[i]) return true;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) if (mark[col[e]]) return true;
    for (let e = colStart[i]; e < colStart[i + 1]; e++) if (mark[colSource[e]]) return true;
    return false;
  };
  const out: Group[] = [];
  for (const g of groups) {
    if (g.moves.some((m) => clash(m.i, m.to > units[m.i] ? up : down))) continue;
    for (const m of g.moves) (m.to > units[m.i] ? up : down)[m.i] = 1;
    out.push(g);
  }
  return out;
}

/** Applies the best `take` groups that keep the limits, in order of gain; returns the trial plan. */
function applyGroups(
  model: Model,
  units: Int32Array,
  groups: Group[],
  take: number,
): { trial: Int32Array; applied: Group[] } {
  const trial = units.slice();
  let u = usage(model, trial);
  const applied: Group[] = [];
  for (let g = 0; g < groups.length && applied.length < take; g++) {
    let next = u;
    for (const m of groups[g].moves) next = moved(model, next, m.i, trial[m.i], m.to);
    if (!withinTotals(model, next)) continue;
    for (const m of groups[g].moves) trial[m.i] = m.to;
    u = next;
    applied.push(groups[g]);
  }
  return { trial, applied };
}

/**
 * The moves to try this round, keeping every limit: all improving downs, then improving ups while they fit,
 * then swaps (an improving up paid for by the cheapest downs per unit of the limits) while the pair gains.
 */
function fitMoves(model: Model, units: Int32Array, moves: { up: Move[]; down: Move[] }, scale: number): Group[] {
  const trial = units.slice();
  const groups: Group[] = [];
  const taken = new Uint8Array(model.n);
  let u = usage(model, trial);
  for (const m of moves.down) {
    if (m.gain > scale) {
      u = moved(model, u, m.i, trial[m.i], m.to);
      trial[m.i] = m.to;
      taken[m.i] = 1;
      groups.push({ moves: [m], gain: m.gain });
    }
  }
  const ups = moves.up.filter((m) => m.gain > scale).sort((a, b) => b.gain - a.gain || a.i - b.i);
  const blocked: Move[] = [];
  for (const m of ups) {
    const next = moved(model, u, m.i, trial[m.i], m.to);
    if (withinTotals(model, next)) {
      u = next;
      trial[m.i] = m.to;
      taken[m.i] = 1;
      groups.push({ moves: [m], gain: m.gain });
    } else if (next.changes <= (model.constraints.maxChanges ?? Infinity)) {
      // An up that breaks maxChanges cannot be paid for by downs of quantity: not a swap candidate.
      blocked.push(m);
    }
  }
  if (blocked.length === 0) return groups;
  // Swaps: an up that gains, paid for by downs that lose less, ranked by gain (loss) per unit of limit.
  const rate = (m: Move) => m.gain / Math.max(1e-15, Math.abs(resourceOf(model, m.i, trial[m.i], m.to, u)));
  const downs = moves.down.filter((m) => !taken[m.i]).sort((a, b) => rate(b) - rate(a) || a.i - b.i);
  blocked.sort((a, b) => rate(b) - rate(a) || a.i - b.i);
  let d = 0;
  for (const m of blocked) {
    let next = moved(model, u, m.i, trial[m.i], m.to);
    const pair: Move[] = [m];
    let gain = m.gain;
    const firstDown = d;
    if (taken[m.i]) continue;
    while (!withinTotals(model, next) && d < downs.length) {
      const down = downs[d++];
      if (down.i === m.i || taken[down.i]) continue;
      next = moved(model, next, down.i, trial[down.i], down.to);
      gain += down.gain;
      pair.push(down);
    }
    if (!withinTotals(model, next) || gain <= scale) {
      d = firstDown;
      break;
    }
    for (const p of pair) {
      trial[p.i] = p.to;
      taken[p.i] = 1;
    }
    u = next;
    groups.push({ moves: pair, gain });
  }
  return groups;
}
