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
//
// The parts: fitRecords (checking and merging the history), fitExpectation (the E-step), squarem (the
// accelerator), fitDiagnostics (what the data could not tell). A time limit returns the best point so far,
// marked unconverged.

import { expectation } from "./fitExpectation";
import { fitDiagnostics, fitLinks } from "./fitDiagnostics";
import { groupRecords } from "./fitRecords";
import { HistoryError, type FitOptions, type FitResult, type PeriodSales, type Transaction } from "./fitTypes";
import { sparseSubstitution } from "../model/sparseSubstitution";
import { squaremJump } from "./squarem";
import { fitStart } from "./fitStart";

export * from "./fitTypes";

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
  const deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;
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

  const anyCounted = groups.some((g) => g.exposure === 0);
  const anyPoisson = groups.some((g) => g.exposure > 0);
  const estimateNoPurchase = anyCounted;

  // Start from the uniform point (or a warm start blended with it, fitStart.ts): EM keeps zeros at zero, so
  // the start must be positive wherever the answer may be.
  // A product never offered gets no first-choice share: its customers always walked on, which the data cannot
  // tell from wanting the product they reached, so any share it got would depend only on the start. At 0 the
  // likelihood is as high (her walk from it is a customer starting where it leads) and the answer is unique.
  const offered = new Uint8Array(n);
  for (const g of groups) for (const i of g.members) offered[i] = 1;
  if (!offered.includes(1)) offered.fill(1);
  const { lambda, lambda0, links: p } = fitStart(n, from, to, offered, estimateNoPurchase, options.start);
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
  /**
   * E-step at θ (fills startAt, moves, leaves) and the M-step from it: the log-likelihood at θ and EM(θ);
   * null when the time limit cut the E-step.
   */
  const em = (theta: Float64Array): { ll: number; next: Float64Array } | null => {
    const sub = sparseSubstitution(n, from, to, theta.subarray(n + 1, n + 1 + m));
    const e = expectation(
      n,
      groups,
      theta.subarray(0, n),
      theta[n],
      sub,
      theta[size - 1],
      startAt,
      moves,
      leaves,
      deadline,
    );
    if (e === null) return null;
    evaluations++;
    options.onIteration?.(evaluations);
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

  // EM, accelerated by SQUAREM (squarem.ts): a jump is kept only if feasible and at least as likely as
  // θ1; otherwise θ2 is used, so the recorded log-likelihood never decreases. Convergence is judged on plain
  // EM steps only. Each point the run may return is remembered with its E-step's evidence (moves, leavers),
  // since an E-step the time limit cuts leaves the arrays incomplete.
  const trace: number[] = [];
  const accelerate = options.accelerate ?? true;
  let theta: Float64Array = theta0;
  const first = em(theta);
  // Not even one E-step fits the limit: there is no estimate to return, so say what is too large.
  if (first === null)
    throw new HistoryError(
      `one EM iteration over ${groups.length.toLocaleString("en-US")} distinct offered sets did not finish within the time limit of ${((options.timeLimitMs ?? 0) / 1000).toFixed(1)} s; allow more time, or merge the history into fewer distinct offered sets (e.g. by day)`,
      -1,
    );
  let cur = first;
  const kept: { theta: Float64Array; leaves: Float64Array; moves: Float64Array } = {
    theta: theta0,
    leaves: leaves.slice(),
    moves: moves.slice(),
  };
  const remember = (at: Float64Array) => {
    kept.theta = at;
    kept.leaves.set(leaves);
    kept.moves.set(moves);
  };
  trace.push(cur.ll);
  let converged = false;
  let timeLimited = false;
  while (evaluations < maxIterations + 1) {
    if (Date.now() > deadline || options.shouldStop?.()) {
      timeLimited = true;
      break;
    }
    const theta1 = cur.next;
    const one = em(theta1);
    if (one === null) {
      timeLimited = true;
      break;
    }
    remember(theta1); // an EM step never lowers the likelihood: the fallback if the limit cuts what follows
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
    const jump = squaremJump(theta, theta1, theta2, n + 1, feasible);
    if (jump) {
      const j = em(jump);
      if (j === null) {
        timeLimited = true;
        break;
      }
      if (j.ll >= one.ll) {
        theta = jump;
        cur = j;
        remember(jump);
        trace.push(j.ll);
        continue;
      }
    }
    theta = theta2;
    const two = em(theta2);
    if (two === null) {
      timeLimited = true;
      break;
    }
    cur = two;
    remember(theta2);
    trace.push(cur.ll);
  }
  const at = kept.theta;
  const fitted = Float64Array.from(at.subarray(n + 1, n + 1 + m));
  const diagnostics = fitDiagnostics(n, groups, sparseSubstitution(n, from, to, fitted), kept, minVisits);
  const { links, rho } = fitLinks(n, from, to, fitted, diagnostics.unidentifiedRows);
  return {
    n,
    lambda: Float64Array.from(at.subarray(0, n)),
    noPurchaseShare: at[n],
    noPurchaseEstimated: estimateNoPurchase,
    links,
    rho,
    logLikelihoodTrace: trace,
    logLikelihood: trace[trace.length - 1],
    iterations: evaluations - 1,
    converged,
    timeLimited,
    customers,
    arrivalRate: anyPoisson ? at[size - 1] : NaN,
    diagnostics,
  };
}
