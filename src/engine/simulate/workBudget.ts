// The work budget (docs/limits.md): before a run simulates anything, its least work (customers a season ×
// seasons, and the further products each visits after one without stock) is set against what the time limit
// allows at the simulator's best speed, one rate per customer and one per further visit. A run that cannot fit is refused with what is too large and what would fit,
// rather than started and left to run for minutes.

import { expectedWalkLengths } from "../model/walkLength";
import { InputError, type Model } from "../model/instance";
import { SECONDS_PER_CUSTOMER, SECONDS_PER_EXTRA_VISIT, WALK_CAP } from "../model/limits";
import type { SimulationResult } from "./simulate";

/** "150 ms", "1.5 s", "20 s", "2.5 h": a duration for messages (never "0 s" for a limit under a second). */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return "forever";
  if (ms < 995) return `${+ms.toPrecision(ms < 10 ? 1 : 2)} ms`;
  const s = ms / 1000;
  if (s < 10) return `${+s.toFixed(1)} s`;
  if (s < 3600) return `${Math.round(s)} s`;
  const h = s / 3600;
  return h < 1e6 ? `${+h.toPrecision(3)} h` : `${h.toPrecision(2).replace("e+", "e")} h`;
}

function short(v: number): string {
  return v < 1e6 ? Math.round(v).toLocaleString("en-US") : v.toPrecision(2).replace("e+", "e");
}

/**
 * Expected products a customer visits at the start of a season under the plan (only products without
 * units turn her away), averaged over first choices: the least walk per customer that plan costs.
 */
export function seasonWalk(model: Model, units: ArrayLike<number>): number {
  const unavailable = new Uint8Array(model.n);
  for (let i = 0; i < model.n; i++) unavailable[i] = units[i] > 0 ? 0 : 1;
  const walks = expectedWalkLengths(model.n, model.substitution, { unavailable, stopAbove: WALK_CAP });
  if (model.totalDemand <= 0) return 1;
  let mean = 0;
  for (let i = 0; i < model.n; i++) mean += (model.demand[i] / model.totalDemand) * walks.visits[i];
  return Math.max(1, mean);
}

/** Least CPU seconds a season of `customers` takes at `walk` products visited each, at the best speed. */
export function seasonSeconds(customers: number, walk: number): number {
  return customers * (SECONDS_PER_CUSTOMER + SECONDS_PER_EXTRA_VISIT * Math.max(0, walk - 1));
}

/** Throws an InputError when `seasons` of the model at `walk` steps a customer cannot fit `limitMs`. */
export function checkWorkBudget(model: Model, command: string, seasons: number, limitMs: number, walk: number): void {
  const needMs = seasons * seasonSeconds(model.totalDemand, walk) * 1000;
  if (needMs <= limitMs) return;
  const scale = limitMs / needMs;
  const ns = (s: number) => `${+(s * 1e9).toPrecision(3)} ns`;
  throw new InputError([
    {
      section: "products",
      field: "demand",
      value: model.totalDemand,
      message:
        `${command} needs at least ${seasons} simulated seasons of ${short(model.totalDemand)} customers ` +
        `(visiting ${walk.toFixed(1)} products each on average): over ${formatSeconds(needMs)} at Assort's ` +
        `best speed (~${ns(SECONDS_PER_CUSTOMER)} a customer, ~${ns(SECONDS_PER_EXTRA_VISIT)} a further product ` +
        `visited), beyond the time limit of ${formatSeconds(limitMs)}. It fits with demand scaled to at most ` +
        `${short(model.totalDemand * scale)} customers a season (×${scale.toPrecision(2)}), or with a time limit ` +
        `of at least ${formatSeconds(needMs)}.`,
    },
  ]);
}

/** A warning when some walks reached the cap (the chain nearly closes), or undefined. */
export function walkCapWarning(sim: SimulationResult): string | undefined {
  if (!(sim.cappedWalks > 0)) return undefined;
  return (
    `${short(sim.cappedWalks)} customers (over ${sim.reps} seasons) were still walking after ${short(WALK_CAP)} ` +
    `moves and were counted as leaving: the substitution nearly closes somewhere; lower its rows.`
  );
}

/**
 * The error when a stage's deadline ended its simulation before the 2 seasons a standard error needs (the
 * work budget let the run start at Assort's best speed; this machine ran slower): what one season took here
 * and the time limit that would fit.
 */
export function tooFewSeasons(
  model: Model,
  command: string,
  stage: string,
  sim: { reps: number; cutSeason: number },
  stageMs: number,
  limitMs: number,
): InputError {
  const done = sim.reps + sim.cutSeason;
  const perSeason = done > 0 ? stageMs / done : Infinity;
  const took = Number.isFinite(perSeason)
    ? `took about ${formatSeconds(perSeason)} here`
    : `did not finish in the ${formatSeconds(stageMs)} left`;
  const fits = Number.isFinite(perSeason)
    ? `a time limit of at least ${formatSeconds(Math.ceil((limitMs + 2 * perSeason) / 1000) * 1000)}`
    : "a longer time limit";
  return new InputError([
    {
      section: "products",
      field: "demand",
      value: model.totalDemand,
      message:
        `the time limit of ${formatSeconds(limitMs)} ended ${command}'s ${stage} after ${sim.reps} of the 2 ` +
        `seasons it needs at least (a season of ${short(model.totalDemand)} customers ${took}, slower than ` +
        `the work budget's best speed). It fits with ${fits}, or with fewer customers a season.`,
    },
  ]);
}
