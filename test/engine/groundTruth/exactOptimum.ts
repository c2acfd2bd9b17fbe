// The exact optimum of a tiny instance (N ≤ 5) under Poisson traffic, salvage included, written from
// docs/model.md alone (no engine code): one dynamic programme gives the expected profit of EVERY stock vector.
//
// With reward r_j = p_j − s_j per sale, V_t(y) = expected reward of t customers arriving to stock y:
//   V_t(y) = Σ_{j∈S(y)} P_j(S(y))·(r_j + V_{t−1}(y − e_j)) + P_0(S(y))·V_{t−1}(y),  V_0 = 0,
// so E[profit(x)] = Σ_t Poisson(t; ΣD)·V_t(x) + Σ_i (s_i − c_i)·x_i for every x at once.
//
// Caps that cannot cut off the optimum: the (k+1)-th unit of i sells only if at least k+1 customers come,
// so its value is at most (p_i − s_i)·P(T ≥ k+1) − (c_i − s_i) whatever the other stock; once that is
// negative, any plan with more than k units is beaten by removing one. cap_i is the smallest such k.

import { densePurchaseProbabilities, poissonPmf, type DenseInstance } from "./exactDp";

function sum(a: number[]): number {
  return a.reduce((x, y) => x + y, 0);
}

/** The largest useful stock of each product (see above); `limit` guards the state space. */
export function usefulCaps(inst: DenseInstance, limit = 400000): number[] {
  const mean = sum(inst.demand);
  const pmf = poissonPmf(mean, Math.ceil(mean + 14 * Math.sqrt(mean) + 30));
  const tail: number[] = []; // tail[k] = P(T ≥ k)
  let acc = 0;
  for (let k = pmf.length - 1; k >= 0; k--) {
    acc += pmf[k];
    tail[k] = acc;
  }
  const caps = inst.demand.map((_, i) => {
    if (inst.exclude?.[i]) return 0;
    const r = inst.price[i] - inst.salvage[i];
    const loss = inst.cost[i] - inst.salvage[i];
    let k = 0;
    while (k + 1 < tail.length && r * tail[k + 1] - loss >= 0) k++;
    return k;
  });
  const states = caps.reduce((s, c) => s * (c + 1), 1);
  if (states > limit) throw new Error(`exactOptimum: ${states} stock vectors exceed the guard ${limit}`);
  return caps;
}

export interface ExactLandscape {
  caps: number[];
  /** Expected profit of every stock vector, indexed by Σ x_i·stride_i. */
  profit: Float64Array;
  stride: number[];
  /** The best plan and its expected profit. */
  plan: number[];
  best: number;
}

/** Expected profit of every plan with x ≤ caps (Poisson traffic), and the optimum among them. */
export function exactLandscape(inst: DenseInstance, caps: number[] = usefulCaps(inst)): ExactLandscape {
  const n = inst.demand.length;
  if (n > 5) throw new Error("exactLandscape is meant for N ≤ 5");
  const stride: number[] = [];
  let states = 1;
  for (let i = 0; i < n; i++) {
    stride.push(states);
    states *= caps[i] + 1;
  }
  const choice = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const avail = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
    choice.push(densePurchaseProbabilities(inst.demand, inst.rho, avail));
  }
  const maskOf = new Int32Array(states);
  const digits = (s: number) => caps.map((c, i) => Math.floor(s / stride[i]) % (c + 1));
  for (let s = 0; s < states; s++) {
    const d = digits(s);
    let mask = 0;
    for (let i = 0; i < n; i++) if (d[i] > 0) mask |= 1 << i;
    maskOf[s] = mask;
  }
  const mean = sum(inst.demand);
  const tMax = Math.ceil(mean + 14 * Math.sqrt(mean) + 30);
  const pmf = poissonPmf(mean, tMax);
  const reward = inst.price.map((p, i) => p - inst.salvage[i]);
  let prev = new Float64Array(states);
  let cur = new Float64Array(states);
  const acc = new Float64Array(states); // t = 0 contributes nothing
  for (let t = 1; t <= tMax; t++) {
    for (let s = 0; s < states; s++) {
      const mask = maskOf[s];
      const ch = choice[mask];
      let v = ch.noPurchase * prev[s];
      for (let j = 0; j < n; j++) {
        if (!((mask >> j) & 1)) continue;
        v += ch.purchase[j] * (reward[j] + prev[s - stride[j]]);
      }
      cur[s] = v;
    }
    const w = pmf[t];
    for (let s = 0; s < states; s++) acc[s] += w * cur[s];
    [prev, cur] = [cur, prev];
  }
  let best = -Infinity;
  let bestState = 0;
  for (let s = 0; s < states; s++) {
    const d = digits(s);
    let v = acc[s];
    for (let i = 0; i < n; i++) v += (inst.salvage[i] - inst.cost[i]) * d[i];
    acc[s] = v;
    if (v > best) {
      best = v;
      bestState = s;
    }
  }
  return { caps, profit: acc, stride, plan: digits(bestState), best };
}

/** Expected profit of plan x from the landscape (x must lie within the caps: widen them first if not). */
export function landscapeProfit(l: ExactLandscape, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < l.caps.length; i++) {
    if (x[i] > l.caps[i]) throw new Error(`plan ${Array.from(x).join(",")} lies outside the caps ${l.caps.join(",")}`);
    s += x[i] * l.stride[i];
  }
  return l.profit[s];
}
