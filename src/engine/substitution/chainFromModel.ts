// From any choice model to the Markov chain the planner needs, by the best available route:
//   exact    the model is itself a chain (MNL): λ_i = v_i/(v_0 + Σv), ρ_ij = λ_j/(1 − λ_i);
//   fitted   maximum likelihood: the EM of `assort fit` run on the model's EXACT choice probabilities over a
//            designed collection of offered sets (all products, each one removed, each pair removed, random
//            ranges of realistic size), each set weighted as expected counts rather than simulated sales;
//   removal  the textbook construction from the one-removed probabilities (Blanchet, Gallego and Goyal):
//            λ_i = P_i(all), ρ_ij = (P_j(all∖i) − P_j(all)) / P_i(all). Fast, but it trusts a single removal:
//            where customers consider random subsets, its rows sum to 1 and it overstates what substitutes keep.
// Rows that reach 1 (customers who never leave) are scaled to ROW_CAP and reported, never silently: a walk
// through products that are all sold out must end.

import { Rng } from "../random/rng";
import { seedKey } from "../random/hash";
import type { ChoiceModel } from "../choice/choiceModel";
import { fitMarkovChain, type FitLink, type FitStartPoint, type Transaction } from "./fitMarkovChain";

export type ChainRoute = "exact" | "fitted" | "removal";

/** Highest row sum the conversion returns: at least 0.5% of walking customers leave at each step. */
export const ROW_CAP = 0.995;

/**
 * Stopping rule of a warm-started refit (per customer, per iteration). Near the maximum the EM crawls along
 * flat directions, gaining more than the cold fit's 1e-9 for hundreds of iterations that move no choice
 * probability visibly; from a start that is already close, the gains that matter come in the first dozens.
 * On N = 200 random-subset rankings (bench/choice.ts) a refit took 116 iterations and 17 s CPU instead of
 * about 1,500 and 210 s from scratch, with the same held-out TV distance (4.4%). 1e-7 (40 iterations) was
 * faster still but cost 1% of the plan at N = 20 (intervals: 0.9685 of the greedy against 0.9792).
 */
export const REFIT_TOLERANCE = 1e-8;

export interface ModelChain {
  route: ChainRoute;
  n: number;
  /** First-choice probabilities λ_i; Σλ + noPurchaseShare = 1. */
  lambda: Float64Array;
  noPurchaseShare: number;
  links: FitLink[];
  /** Products whose row summed to ROW_CAP or more and was scaled to it. */
  cappedRows: number[];
  /** Offered sets the fit used (0 for the other routes). */
  fittedSets: number;
  /** The EM's own verdict, its iterations and the log-likelihood it reached (fitted route only). */
  converged?: boolean;
  iterations?: number;
  logLikelihood?: number;
  notes: string[];
}

export interface ChainOptions {
  route?: "auto" | ChainRoute;
  /** Random offered sets added to the designed ones (default 200). */
  randomSets?: number;
  /** Pairs removed: every pair up to this many products, else a random sample of pairs (default 60). */
  allPairsUpTo?: number;
  /** Size of that random sample of pairs (default 20 per product): fewer make big models fit faster. */
  pairSets?: number;
  /** Offered sets that matter for the plan (e.g. a plan's assortment), added to the design. */
  extraSets?: readonly Uint8Array[];
  /**
   * A refit: the chain fitted before (on fewer offered sets) to start the EM from, stopped by the looser
   * REFIT_TOLERANCE unless `tolerance` is given. Fitted route only.
   */
  start?: FitStartPoint;
  maxIterations?: number;
  /** The EM's stopping rule: log-likelihood gain per customer in one iteration (default 1e-9, or for a refit REFIT_TOLERANCE). */
  tolerance?: number;
  minProbability?: number;
  /** The fit's progress: EM iterations done of at most maxIterations (it usually stops well before). */
  onProgress?: (iteration: number, maxIterations: number) => void;
  /** Checked after each EM iteration: true stops the fit early (a cancel); the caller discards the chain. */
  shouldStop?: () => boolean;
  seed?: number | string;
}

function capRows(n: number, links: FitLink[]): { links: FitLink[]; capped: number[] } {
  const sum = new Float64Array(n);
  for (const l of links) sum[l.from] += l.probability;
  const capped: number[] = [];
  for (let i = 0; i < n; i++) if (sum[i] >= ROW_CAP) capped.push(i);
  if (capped.length === 0) return { links, capped };
  return {
    links: links.map((l) =>
      sum[l.from] >= ROW_CAP ? { ...l, probability: (l.probability * ROW_CAP) / sum[l.from] } : l,
    ),
    capped,
  };
}

function finish(
  route: ChainRoute,
  model: ChoiceModel,
  lambda: Float64Array,
  noPurchase: number,
  raw: FitLink[],
  extra: Partial<ModelChain> = {},
): ModelChain {
  const { links, capped } = capRows(model.n, raw);
  const notes = [...(extra.notes ?? [])];
  if (capped.length > 0)
    notes.push(
      `${capped.length} product${capped.length === 1 ? "'s" : "s'"} substitution rows summed to 1 or more (in this model a customer who misses them always buys something else); scaled to ${ROW_CAP} so that a walk through sold-out products ends`,
    );
  return {
    route,
    n: model.n,
    lambda,
    noPurchaseShare: noPurchase,
    links,
    cappedRows: capped,
    fittedSets: 0,
    ...extra,
    notes,
  };
}

/** The one-removal construction, from n + 1 evaluations of the model. */
export function removalChain(model: ChoiceModel, minProbability = 1e-6): ModelChain {
  const n = model.n;
  const all = new Uint8Array(n).fill(1);
  const base = model.probabilities(all);
  const links: FitLink[] = [];
  let negative = 0;
  for (let i = 0; i < n; i++) {
    if (!(base.purchase[i] > 0)) continue;
    all[i] = 0;
    const without = model.probabilities(all);
    all[i] = 1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const p = (without.purchase[j] - base.purchase[j]) / base.purchase[i];
      if (p < -1e-9) negative++;
      if (p >= minProbability) links.push({ from: i, to: j, probability: p });
    }
  }
  const notes =
    negative > 0
      ? [`${negative} pairs where removing a product lowered another's sales were set to 0 (not a chain there)`]
      : [];
  return finish("removal", model, Float64Array.from(base.purchase), base.noPurchase, links, { notes });
}

/** The offered sets the fit learns from, as 0/1 masks. */
export function designedSets(n: number, options: ChainOptions = {}): Uint8Array[] {
  const sets: Uint8Array[] = [];
  const full = new Uint8Array(n).fill(1);
  sets.push(full);
  for (let i = 0; i < n; i++) {
    const s = full.slice();
    s[i] = 0;
    sets.push(s);
  }
  const rng = new Rng(seedKey(options.seed ?? 11));
  const pairsUpTo = options.allPairsUpTo ?? 60;
  if (n >= 3) {
    const pairs: [number, number][] = [];
    if (n <= pairsUpTo) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    else
      for (let k = 0; k < (options.pairSets ?? 20 * n); k++) {
        const i = Math.floor(rng.next() * n);
        const j = (i + 1 + Math.floor(rng.next() * (n - 1))) % n;
        pairs.push([i, j]);
      }
    for (const [i, j] of pairs) {
      const s = full.slice();
      s[i] = 0;
      s[j] = 0;
      sets.push(s);
    }
  }
  // Ranges of realistic size: between a third and nine tenths of the products offered.
  for (let k = 0; k < (options.randomSets ?? 200); k++) {
    const share = 0.3 + 0.6 * rng.next();
    const s = new Uint8Array(n);
    let any = false;
    for (let i = 0; i < n; i++) if ((s[i] = rng.next() < share ? 1 : 0)) any = true;
    if (any) sets.push(s);
  }
  for (const s of options.extraSets ?? []) sets.push(Uint8Array.from(s));
  return sets;
}

/** Maximum likelihood on the model's exact probabilities over the designed sets (expected counts). */
export function fittedChain(model: ChoiceModel, options: ChainOptions = {}): ModelChain {
  const n = model.n;
  const sets = designedSets(n, options);
  const PER_SET = 1000;
  const transactions: Transaction[] = [];
  for (const s of sets) {
    const offered: number[] = [];
    for (let i = 0; i < n; i++) if (s[i]) offered.push(i);
    const p = model.probabilities(s);
    for (const j of offered)
      if (p.purchase[j] > 1e-12) transactions.push({ offered, purchased: j, count: PER_SET * p.purchase[j] });
    if (p.noPurchase > 1e-12) transactions.push({ offered, purchased: -1, count: PER_SET * p.noPurchase });
  }
  const maxIterations = options.maxIterations ?? 3000;
  const fit = fitMarkovChain(n, transactions, [], {
    maxIterations,
    support: model.substitutes?.(),
    start: options.start,
    tolerance: options.tolerance ?? (options.start ? REFIT_TOLERANCE : undefined),
    onIteration: options.onProgress && ((k) => options.onProgress?.(k, maxIterations)),
    shouldStop: options.shouldStop,
  });
  const min = options.minProbability ?? 1e-6;
  const notes: string[] = [];
  if (!fit.converged)
    notes.push(
      `the fit stopped after ${fit.iterations} iterations before converging; the chain may still improve with more`,
    );
  return finish(
    "fitted",
    model,
    Float64Array.from(fit.lambda),
    fit.noPurchaseShare,
    fit.links.filter((l) => l.probability >= min),
    {
      fittedSets: sets.length,
      converged: fit.converged,
      iterations: fit.iterations,
      logLikelihood: fit.logLikelihood,
      notes,
    },
  );
}

/** The chain by the route asked for; "auto": exact when the model is a chain, else fitted. */
export function chainFromModel(model: ChoiceModel, options: ChainOptions = {}): ModelChain {
  const route = options.route ?? "auto";
  if ((route === "auto" || route === "exact") && model.exactChain) {
    const { lambda, rho } = model.exactChain;
    const links: FitLink[] = [];
    rho.forEach((row, i) => row.forEach((p, j) => p > 0 && links.push({ from: i, to: j, probability: p })));
    let bought = 0;
    for (const x of lambda) bought += x;
    return finish("exact", model, Float64Array.from(lambda), Math.max(0, 1 - bought), links);
  }
  if (route === "exact") throw new RangeError(`${model.label} is not a Markov chain: use the fitted or removal route`);
  return route === "removal" ? removalChain(model, options.minProbability) : fittedChain(model, options);
}

/**
 * The offered sets a plan's season passes through: its range, the range less each product (the first
 * stock-outs), and random parts of it (later in the season). Given to a refit as extraSets, so the chain is
 * most faithful where the plan will be judged.
 */
export function planSets(
  units: ArrayLike<number>,
  options: { random?: number; seed?: number | string } = {},
): Uint8Array[] {
  const n = units.length;
  const range = new Uint8Array(n);
  const carried: number[] = [];
  for (let i = 0; i < n; i++)
    if (units[i] > 0) {
      range[i] = 1;
      carried.push(i);
    }
  if (carried.length === 0) return [];
  const sets = [range];
  for (const i of carried) {
    const s = range.slice();
    s[i] = 0;
    if (carried.length > 1) sets.push(s);
  }
  const rng = new Rng(seedKey(options.seed ?? "plan-sets"));
  for (let k = 0; k < (options.random ?? 50); k++) {
    const keep = 0.2 + 0.7 * rng.next();
    const s = new Uint8Array(n);
    let any = false;
    for (const i of carried) if ((s[i] = rng.next() < keep ? 1 : 0)) any = true;
    if (any) sets.push(s);
  }
  return sets;
}
