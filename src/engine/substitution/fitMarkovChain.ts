// Maximum-likelihood estimation of the Markov chain choice model (λ, λ_0, ρ) from sales history by
// expectation-maximisation, after Şimşek and Topaloglu (Operations Research 2018): the path a customer walked
// through unavailable products is the missing data. Given her purchase, the expected number of customers who
// started at each product and the expected number of moves along each link have closed forms from two linear
// solves per offered set, so the M-step is a pair of ratios.
//
// For one offered set S (U = the products not in S), with outcome counts c_j (j ∈ S, or 0 = left):
//   R_k  = λ_k + Σ_{i∈U} R_i·ρ[i][k]                  expected visits to k ∈ U (backward solve)
//   P_j  = λ_j + Σ_{i∈U} R_i·ρ[i][j],  P_0 = λ_0 + Σ_{i∈U} R_i·(1 − Σ_l ρ[i][l])
//   w_j  = c_j / P_j                                   (outcome weights)
//   g_k  = Σ_{l∈S} ρ[k][l]·w_l + (1 − Σ_l ρ[k][l])·w_0 + Σ_{l∈U} ρ[k][l]·g_l   (forward solve)
// Then E[customers starting at k] = λ_k·g_k (k ∈ U) or λ_j·w_j (j ∈ S), and E[moves k→l] = R_k·ρ[k][l]·g_l
// (g_l = w_l for l ∈ S). Identical (set, outcome) records are merged first, so the cost per iteration grows
// with the number of distinct offered sets, not with the number of customers.
//
// Per-period sales without a customer count are handled by the same EM with one more missing quantity, the
// number of customers who left: arrivals are Poisson(Λ·exposure), so outcome counts are independent Poissons
// and E[left | sales] = Λ·exposure·P_0(S). Customers who wanted nothing (λ_0) are then invisible, so λ_0 is
// fixed at 0 unless some record counts every customer.

import type { SparseSubstitution } from "../model/instance";
import { sparseSubstitution } from "../model/sparseSubstitution";
import { transientSolve } from "../choice/transientSolve";

/** One customer (or `count` identical customers): what was offered and what she bought. */
export interface Transaction {
  /** Product indices available to her (no duplicates). */
  offered: ArrayLike<number>;
  /** Product index bought, or -1 when she left without buying. */
  purchased: number;
  /** Number of identical customers (default 1; any positive number, e.g. expected counts). */
  count?: number;
}

/** Sales of one period in which the set of available products did not change. */
export interface PeriodSales {
  /** 1 (true) where the product was available, per product index. */
  available: ArrayLike<number | boolean>;
  /** Units sold per product index (0 where unavailable). */
  sales: ArrayLike<number>;
  /** Customers who came, when counted (door counter, sessions); the rest of them left without buying. */
  customers?: number;
  /** Length or traffic weight of the period (default 1); customers arrive in proportion to it. */
  exposure?: number;
}

export interface FitOptions {
  /** Stop after this many EM iterations, counted as E-steps (default 5,000). */
  maxIterations?: number;
  /** Converged when the log-likelihood per customer improves by less than this in one iteration (default 1e-9). */
  tolerance?: number;
  /** Allowed substitution links [from, to]; default every ordered pair. Links outside stay 0. */
  support?: ReadonlyArray<readonly [number, number]>;
  /** A product whose row rests on fewer expected customers than this is reported as weakly identified (default 20). */
  minVisits?: number;
  /** SQUAREM acceleration (default true); false runs plain EM, one E-step per iteration. */
  accelerate?: boolean;
}

export interface FitLink {
  from: number;
  to: number;
  probability: number;
}

export interface FitDiagnostics {
  /** Products in no offered set: their λ can only be inferred through substitutes. */
  neverOffered: number[];
  /** Products offered but never bought. */
  neverPurchased: number[];
  /** Products never unavailable to a customer who could have wanted them: their ρ row is unknown (returned empty). */
  unidentifiedRows: number[];
  /** Rows estimated from fewer than `minVisits` expected customers. */
  weaklyIdentifiedRows: number[];
  /** Expected customers who found each product unavailable and moved on or left (the data behind row i). */
  visitsWhileUnavailable: Float64Array;
}

export interface FitResult {
  n: number;
  /** First-choice probabilities λ_i of an arriving customer; Σλ + noPurchaseShare = 1. */
  lambda: Float64Array;
  /** λ_0: customers who want none of the products. */
  noPurchaseShare: number;
  /** Whether λ_0 could be estimated (false for sales-only periods: then it is 0 by definition). */
  noPurchaseEstimated: boolean;
  /** ρ as links with probability > 0, ordered by (from, to). */
  links: FitLink[];
  /** Dense ρ, row = from. */
  rho: Float64Array[];
  /** Log-likelihood at each accepted point, the start first and the returned estimate last (non-decreasing). */
  logLikelihoodTrace: number[];
  logLikelihood: number;
  /** EM iterations (E-steps after the first, including those at rejected jumps). */
  iterations: number;
  converged: boolean;
  /** Customers in the data (for sales-only periods: units sold plus the estimated customers who left). */
  customers: number;
  /** Estimated customers per unit of exposure who want some product (sales-only periods only; else NaN). */
  arrivalRate: number;
  diagnostics: FitDiagnostics;
}

/** A record the estimator cannot use (an index out of range, a purchase of a product not offered, ...). */
export class HistoryError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
    this.name = "HistoryError";
  }
}

/** Records with the same offered set, merged. */
interface Group {
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

export function fitMarkovChain(
  n: number,
  transactions: readonly Transaction[],
  periods: readonly PeriodSales[] = [],
  options: FitOptions = {},
): FitResult {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`the number of products must be a whole number of at least 1 (got ${n})`);
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-9;
  const minVisits = options.minVisits ?? 20;
  const groups = groupRecords(n, transactions, periods);
  if (groups.length === 0) throw new HistoryError("the history has no customers", -1);

  // Links: the support, sorted by (from, to) so the sparse rows keep our order.
  const from: number[] = [];
  const to: number[] = [];
  if (options.support) {
    const seen = new Set<number>();
    for (const [a, b] of options.support) {
      if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n) || a === b)
        throw new RangeError(`support link ${a}→${b} is not a pair of distinct product indices`);
      if (!seen.has(a * n + b)) seen.add(a * n + b);
    }
    for (const key of [...seen].sort((x, y) => x - y)) {
      from.push(Math.floor(key / n));
      to.push(key % n);
    }
  } else {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (i !== j) {
          from.push(i);
          to.push(j);
        }
  }
  const m = from.length;
  const outDegree = new Int32Array(n);
  for (let e = 0; e < m; e++) outDegree[from[e]]++;

  const anyCounted = groups.some((g) => g.exposure === 0);
  const anyPoisson = groups.some((g) => g.exposure > 0);
  const estimateNoPurchase = anyCounted;

  // Start from the uniform point: every first choice (and leaving) equally likely, every move equally likely.
  // EM keeps zeros at zero, so the start must be positive wherever the answer may be.
  const lambda = new Float64Array(n).fill(1 / (n + (estimateNoPurchase ? 1 : 0)));
  const lambda0 = estimateNoPurchase ? 1 / (n + 1) : 0;
  const p = new Float64Array(m);
  for (let e = 0; e < m; e++) p[e] = 1 / (outDegree[from[e]] + 1);
  let rate = 1;
  if (anyPoisson) {
    let sold = 0;
    let exposure = 0;
    for (const g of groups)
      if (g.exposure > 0) {
        for (const b of g.bought) sold += b;
        exposure += g.exposure;
      }
    rate = Math.max(sold / exposure, 1e-12);
  }

  const startAt = new Float64Array(n);
  const moves = new Float64Array(m);
  const leaves = new Float64Array(n);
  // Parameters as one vector θ = [λ_1..λ_n, λ_0, ρ links (in (from, to) order), Λ], so the accelerator can
  // extrapolate them; the sums Σλ + λ_0 = 1 survive because its steps are affine combinations.
  const size = n + 1 + m + 1;
  const theta0 = new Float64Array(size);
  theta0.set(lambda, 0);
  theta0[n] = lambda0;
  theta0.set(p, n + 1);
  theta0[size - 1] = rate;
  let customers = 0;
  let evaluations = 0;
  /** E-step at θ (fills startAt, moves, leaves) and the M-step from it: the log-likelihood at θ and EM(θ). */
  const em = (theta: Float64Array): { ll: number; next: Float64Array } => {
    evaluations++;
    const sub = sparseSubstitution(n, from, to, theta.subarray(n + 1, n + 1 + m));
    const e = expectation(n, groups, theta.subarray(0, n), theta[n], sub, theta[size - 1], startAt, moves, leaves);
    customers = e.customers;
    const next = theta.slice();
    // M-step: shares of expected first choices, and of expected moves out of each product.
    let total = e.startAtNothing;
    for (let i = 0; i < n; i++) total += startAt[i];
    for (let i = 0; i < n; i++) next[i] = startAt[i] / total;
    next[n] = estimateNoPurchase ? e.startAtNothing / total : 0;
    for (let i = 0; i < n; i++) {
      let out = leaves[i];
      for (let t = sub.rowStart[i]; t < sub.rowStart[i + 1]; t++) out += moves[t];
      // No customer passed through i while it was unavailable: the data say nothing about its row.
      if (!(out > 0)) continue;
      for (let t = sub.rowStart[i]; t < sub.rowStart[i + 1]; t++) next[n + 1 + t] = moves[t] / out;
    }
    if (anyPoisson) next[size - 1] = e.poissonCustomers / e.poissonExposure;
    return { ll: e.logLikelihood, next };
  };
  /** A point is usable when every share is ≥ 0, every row leaves room to leave, and Λ > 0. */
  const feasible = (theta: Float64Array): boolean => {
    for (let k = 0; k < size; k++) if (!(theta[k] >= 0)) return false;
    if (anyPoisson && !(theta[size - 1] > 0)) return false;
    for (let i = 0, e = 0; i < n; i++) {
      let row = 0;
      for (; e < m && from[e] === i; e++) row += theta[n + 1 + e];
      if (row > 1) return false;
    }
    return true;
  };

  // EM, accelerated by SQUAREM (Varadhan and Roland 2008): from θ, θ1 = EM(θ) and θ2 = EM(θ1), jump to
  // θ − 2α·r + α²·v (r = θ1 − θ, v = θ2 − 2θ1 + θ). A jump is kept only if it is feasible and its
  // log-likelihood is at least θ1's; otherwise θ2 is used, so the recorded log-likelihood never decreases.
  // Convergence is judged on plain EM steps only.
  const trace: number[] = [];
  const accelerate = options.accelerate ?? true;
  let theta: Float64Array = theta0;
  let cur = em(theta);
  trace.push(cur.ll);
  let converged = false;
  while (evaluations < maxIterations + 1) {
    const theta1 = cur.next;
    const one = em(theta1);
    trace.push(one.ll);
    if (one.ll - cur.ll <= tolerance * Math.max(1, customers)) {
      theta = theta1;
      cur = one;
      converged = true;
      break;
    }
    // A jump costs up to two more E-steps: near the cap, take the plain step so the cap holds exactly.
    if (!accelerate || evaluations + 2 > maxIterations + 1) {
      theta = theta1;
      cur = one;
      continue;
    }
    const theta2 = one.next;
    let rr = 0;
    let vv = 0;
    for (let k = 0; k < size; k++) {
      const r = theta1[k] - theta[k];
      const v = theta2[k] - 2 * theta1[k] + theta[k];
      rr += r * r;
      vv += v * v;
    }
    let alpha = vv > 0 ? Math.min(-1, -Math.sqrt(rr / vv)) : -1;
    let jump: Float64Array | undefined;
    for (let tries = 0; tries < 8 && alpha < -1; tries++) {
      const cand = new Float64Array(size);
      for (let k = 0; k < size; k++) {
        const r = theta1[k] - theta[k];
        const v = theta2[k] - 2 * theta1[k] + theta[k];
        cand[k] = theta[k] - 2 * alpha * r + alpha * alpha * v;
      }
      if (feasible(cand)) {
        // Affine steps keep Σλ + λ_0 = 1 only up to rounding, which a long jump (|α| ≫ 1) magnifies; a
        // likelihood with shares summing above 1 would flatter the jump, so put them back on the simplex.
        let total = 0;
        for (let k = 0; k <= n; k++) total += cand[k];
        for (let k = 0; k <= n; k++) cand[k] /= total;
        jump = cand;
        break;
      }
      alpha = (alpha - 1) / 2;
    }
    if (jump) {
      const j = em(jump);
      if (j.ll >= one.ll) {
        theta = jump;
        cur = j;
        trace.push(j.ll);
        continue;
      }
    }
    theta = theta2;
    cur = em(theta2);
    trace.push(cur.ll);
  }
  // The last E-step ran at θ (every exit follows one), so startAt/moves/leaves describe the returned point.
  const finalSub = sparseSubstitution(n, from, to, theta.subarray(n + 1, n + 1 + m));
  return finish(
    n,
    groups,
    Float64Array.from(theta.subarray(0, n)),
    theta[n],
    estimateNoPurchase,
    finalSub,
    from,
    to,
    Float64Array.from(theta.subarray(n + 1, n + 1 + m)),
    trace,
    evaluations - 1,
    converged,
    customers,
    anyPoisson ? theta[size - 1] : NaN,
    minVisits,
    leaves,
    moves,
  );
}

function finish(
  n: number,
  groups: Group[],
  lambda: Float64Array,
  lambda0: number,
  estimateNoPurchase: boolean,
  sub: SparseSubstitution,
  from: number[],
  to: number[],
  p: Float64Array,
  trace: number[],
  iterations: number,
  converged: boolean,
  customers: number,
  arrivalRate: number,
  minVisits: number,
  leaves: Float64Array,
  moves: Float64Array,
): FitResult {
  // The last E-step ran at the returned parameters: its expected moves are the evidence behind each row.
  const visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    visits[i] = leaves[i];
    for (let t = sub.rowStart[i]; t < sub.rowStart[i + 1]; t++) visits[i] += moves[t];
  }
  const offered = new Uint8Array(n);
  const purchased = new Uint8Array(n);
  const everUnavailable = new Uint8Array(n);
  for (const g of groups) {
    for (let t = 0; t < g.members.length; t++) {
      offered[g.members[t]] = 1;
      if (g.bought[t] > 0) purchased[g.members[t]] = 1;
    }
    for (let i = 0; i < n; i++) if (g.unavailable[i]) everUnavailable[i] = 1;
  }
  const unidentified: number[] = [];
  const weak: number[] = [];
  for (let i = 0; i < n; i++) {
    // "Could have wanted it": a customer's walk could reach i while it was unavailable.
    if (!everUnavailable[i] || !(visits[i] > 1e-9)) unidentified.push(i);
    else if (visits[i] < minVisits) weak.push(i);
  }
  const unknownRow = new Uint8Array(n);
  for (const i of unidentified) unknownRow[i] = 1;
  const rho = Array.from({ length: n }, () => new Float64Array(n));
  const links: FitLink[] = [];
  for (let e = 0; e < from.length; e++) {
    if (unknownRow[from[e]] || !(p[e] > 0)) continue;
    rho[from[e]][to[e]] = p[e];
    links.push({ from: from[e], to: to[e], probability: p[e] });
  }
  const neverOffered: number[] = [];
  const neverPurchased: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!offered[i]) neverOffered.push(i);
    else if (!purchased[i]) neverPurchased.push(i);
  }
  return {
    n,
    lambda,
    noPurchaseShare: lambda0,
    noPurchaseEstimated: estimateNoPurchase,
    links,
    rho,
    logLikelihoodTrace: trace,
    logLikelihood: trace[trace.length - 1],
    iterations,
    converged,
    customers,
    arrivalRate,
    diagnostics: {
      neverOffered,
      neverPurchased,
      unidentifiedRows: unidentified,
      weaklyIdentifiedRows: weak,
      visitsWhileUnavailable: visits,
    },
  };
}

interface Expectation {
  logLikelihood: number;
  startAtNothing: number;
  customers: number;
  /** Sales-only periods: expected customers (bought + left) and total exposure, for the arrival rate. */
  poissonCustomers: number;
  poissonExposure: number;
}

/** One E-step: fills startAt, moves (per link) and leaves (per product); returns the log-likelihood at these parameters. */
function expectation(
  n: number,
  groups: Group[],
  lambda: Float64Array,
  lambda0: number,
  sub: SparseSubstitution,
  rate: number,
  startAt: Float64Array,
  moves: Float64Array,
  leaves: Float64Array,
): Expectation {
  startAt.fill(0);
  moves.fill(0);
  leaves.fill(0);
  let logLikelihood = 0;
  let startAtNothing = 0;
  let customers = 0;
  let poissonCustomers = 0;
  let poissonExposure = 0;
  const visits = new Float64Array(n);
  const g = new Float64Array(n);
  const b = new Float64Array(n);
  const weight = new Float64Array(n);
  const solve = { tol: 1e-14, maxSweeps: 100_000 };
  for (const group of groups) {
    const { unavailable: u, members, bought } = group;
    transientSolve(sub, u, lambda, "backward", visits, solve);
    let pLeave = lambda0;
    for (let i = 0; i < n; i++) if (u[i]) pLeave += visits[i] * (1 - sub.rowSum[i]);
    pLeave = Math.max(pLeave, 0);
    weight.fill(0);
    for (let t = 0; t < members.length; t++) {
      const j = members[t];
      let pj = lambda[j];
      for (let e = sub.colStart[j]; e < sub.colStart[j + 1]; e++)
        if (u[sub.colSource[e]]) pj += sub.colProb[e] * visits[sub.colSource[e]];
      const c = bought[t];
      if (c > 0) {
        logLikelihood += c * Math.log(pj);
        weight[j] = c / pj;
      }
      if (group.exposure > 0) logLikelihood -= rate * group.exposure * pj;
    }
    let leftWeight: number;
    if (group.exposure > 0) {
      // Poisson: sales of j ~ Poisson(Λ·e·P_j), so the log-likelihood adds Σ_j c_j·log(Λ·e) − Λ·e·P_j (the
      // unseen leavers' term sums out); the expected leavers Λ·e·P_0 make their weight w_0 = Λ·e.
      leftWeight = rate * group.exposure;
      let sold = 0;
      for (const c of bought) sold += c;
      if (sold > 0) logLikelihood += sold * Math.log(leftWeight);
      const left = leftWeight * pLeave;
      poissonCustomers += sold + left;
      poissonExposure += group.exposure;
      customers += sold + left;
    } else {
      leftWeight = group.left > 0 ? group.left / pLeave : 0;
      if (group.left > 0) logLikelihood += group.left * Math.log(pLeave);
      let sold = 0;
      for (const c of bought) sold += c;
      customers += sold + group.left;
    }
    // g on the unavailable products: expected weight of where a walk from k ends.
    for (let k = 0; k < n; k++) {
      if (!u[k]) continue;
      let v = (1 - sub.rowSum[k]) * leftWeight;
      for (let e = sub.rowStart[k]; e < sub.rowStart[k + 1]; e++)
        if (!u[sub.col[e]]) v += sub.prob[e] * weight[sub.col[e]];
      b[k] = v;
    }
    transientSolve(sub, u, b, "forward", g, solve);
    for (let i = 0; i < n; i++) {
      if (u[i]) {
        startAt[i] += lambda[i] * g[i];
        if (visits[i] === 0) continue;
        leaves[i] += visits[i] * (1 - sub.rowSum[i]) * leftWeight;
        for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
          const l = sub.col[e];
          moves[e] += visits[i] * sub.prob[e] * (u[l] ? g[l] : weight[l]);
        }
      } else {
        startAt[i] += lambda[i] * weight[i];
      }
    }
    startAtNothing += lambda0 * leftWeight;
  }
  return { logLikelihood, startAtNothing, customers, poissonCustomers, poissonExposure };
}

/** Checks the records and merges those with the same offered set (and kind). */
function groupRecords(n: number, transactions: readonly Transaction[], periods: readonly PeriodSales[]): Group[] {
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
