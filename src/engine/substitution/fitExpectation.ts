// The E-step of the Markov chain fit (fitMarkovChain.ts, whose header gives the formulas): for each offered
// set, a backward solve for the expected visits to unavailable products and a forward solve for where walks
// from them end; from these, expected first choices, moves along each link and leavers.

import type { SparseSubstitution } from "../model/instance";
import type { Group } from "./fitRecords";
import { transientSolve } from "../choice/transientSolve";

/** Offered sets between looks at the clock when the E-step has a deadline. */
const CLOCK_GROUPS = 256;

export interface Expectation {
  logLikelihood: number;
  startAtNothing: number;
  customers: number;
  /** Sales-only periods: expected customers (bought + left) and total exposure, for the arrival rate. */
  poissonCustomers: number;
  poissonExposure: number;
}

/**
 * One E-step: fills startAt, moves (per link) and leaves (per product); returns the log-likelihood at these
 * parameters, or null when `deadline` (Date.now()) passed part-way (the arrays are then incomplete).
 */
export function expectation(
  n: number,
  groups: Group[],
  lambda: Float64Array,
  lambda0: number,
  sub: SparseSubstitution,
  rate: number,
  startAt: Float64Array,
  moves: Float64Array,
  leaves: Float64Array,
  deadline = Infinity,
): Expectation | null {
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
  const reach = new Float64Array(n);
  const solve = { tol: 1e-14, maxSweeps: 100_000 };
  for (let gi = 0; gi < groups.length; gi++) {
    if (gi % CLOCK_GROUPS === CLOCK_GROUPS - 1 && Date.now() > deadline) return null;
    const group = groups[gi];
    const { unavailable: u, members, bought } = group;
    transientSolve(sub, u, lambda, "backward", visits, solve);
    let pLeave = lambda0;
    // P_j = λ_j + walks arriving from unavailable products: pushed along the rows of those products only,
    // so a set with few products missing costs their links, not every column of the ones offered.
    for (let t = 0; t < members.length; t++) reach[members[t]] = lambda[members[t]];
    for (let i = 0; i < n; i++) {
      if (!u[i] || visits[i] === 0) continue;
      pLeave += visits[i] * (1 - sub.rowSum[i]);
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        const l = sub.col[e];
        if (!u[l]) reach[l] += sub.prob[e] * visits[i];
      }
    }
    pLeave = Math.max(pLeave, 0);
    weight.fill(0);
    for (let t = 0; t < members.length; t++) {
      const j = members[t];
      const pj = reach[j];
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
