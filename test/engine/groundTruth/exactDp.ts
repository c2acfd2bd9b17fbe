// Exact ground truth for small instances, written from docs/model.md alone (no engine code):
//  - purchase probabilities P_j(S) from the §3 linear system, by dense Gaussian elimination;
//  - expected sales of a plan by dynamic programming over (stock vector, customers remaining);
//  - Poisson traffic as a Poisson mixture of fixed traffic (docs/model.md §1: the two descriptions agree);
//  - a brute-force optimum over all plans with x_i ≤ cap_i.

/** A small instance in dense form (indices 0..n-1). */
export interface DenseInstance {
  ids: string[];
  price: number[];
  cost: number[];
  salvage: number[];
  /** First-choice demand D_i; λ_i = D_i / ΣD. */
  demand: number[];
  /** ρ[from][to]. */
  rho: number[][];
  exclude?: boolean[];
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is copied, not changed). */
export function solveDense(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    if (m[piv][col] === 0) throw new Error("solveDense: singular matrix");
    [m[col], m[piv]] = [m[piv], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x;
}

export interface DenseChoice {
  purchase: number[];
  /** Computed independently of `purchase`: Σ_{k∉S} R_k·(1 − Σ_j ρ[k][j]). */
  noPurchase: number;
}

/**
 * P_j(S) for the available set S (docs/model.md §3): with U the unavailable products,
 *   R_i − Σ_{k∈U} ρ[k][i]·R_k = λ_i (i ∈ U),   P_j = λ_j + Σ_{k∈U} ρ[k][j]·R_k (j ∈ S).
 * `weights` are first-choice weights (normalised here).
 */
export function densePurchaseProbabilities(
  weights: ArrayLike<number>,
  rho: ArrayLike<number>[],
  available: ArrayLike<boolean | number>,
): DenseChoice {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const lambda = Array.from({ length: n }, (_, i) => weights[i] / total);
  const u: number[] = [];
  for (let i = 0; i < n; i++) if (!available[i]) u.push(i);
  const a = u.map((i, r) => u.map((k, c) => (r === c ? 1 : 0) - rho[k][i]));
  const visits =
    u.length > 0
      ? solveDense(
          a,
          u.map((i) => lambda[i]),
        )
      : [];
  const purchase = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    if (!available[j]) continue;
    let p = lambda[j];
    u.forEach((k, c) => (p += rho[k][j] * visits[c]));
    purchase[j] = p;
  }
  let noPurchase = 0;
  u.forEach((k, c) => {
    let rowSum = 0;
    for (let j = 0; j < n; j++) rowSum += rho[k][j];
    noPurchase += visits[c] * (1 - rowSum);
  });
  return { purchase, noPurchase };
}

/**
 * Expected sales E[sales | start stock y, t customers] for every stock vector y ≤ cap and every
 * t ≤ maxCustomers. With S(y) = {i : y_i > 0}:
 *   V_t(y) = Σ_{j∈S(y)} P_j(S(y))·(e_j + V_{t−1}(y − e_j)) + P_0(S(y))·V_{t−1}(y),  V_0 = 0.
 */
export class SalesTable {
  readonly n: number;
  readonly cap: number[];
  readonly maxCustomers: number;
  private readonly stride: number[];
  private readonly states: number;
  /** values[t][state·n + i] */
  private readonly values: Float64Array[];

  constructor(inst: DenseInstance, cap: number[], maxCustomers: number) {
    const n = inst.demand.length;
    if (n > 3) throw new Error("SalesTable is meant for N ≤ 3");
    this.n = n;
    this.cap = cap;
    this.maxCustomers = maxCustomers;
    this.stride = [];
    let states = 1;
    for (let i = 0; i < n; i++) {
      this.stride.push(states);
      states *= cap[i] + 1;
    }
    this.states = states;
    // Purchase probabilities for each of the 2^n available sets.
    const choice: DenseChoice[] = [];
    for (let mask = 0; mask < 1 << n; mask++) {
      const avail = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
      choice.push(densePurchaseProbabilities(inst.demand, inst.rho, avail));
    }
    const maskOf = new Int32Array(states);
    for (let s = 0; s < states; s++) {
      let mask = 0;
      for (let i = 0; i < n; i++) if (Math.floor(s / this.stride[i]) % (cap[i] + 1) > 0) mask |= 1 << i;
      maskOf[s] = mask;
    }
    this.values = [new Float64Array(states * n)];
    for (let t = 1; t <= maxCustomers; t++) {
      const prev = this.values[t - 1];
      const cur = new Float64Array(states * n);
      for (let s = 0; s < states; s++) {
        const ch = choice[maskOf[s]];
        for (let i = 0; i < n; i++) cur[s * n + i] = ch.noPurchase * prev[s * n + i];
        for (let j = 0; j < n; j++) {
          if (!((maskOf[s] >> j) & 1)) continue;
          const p = ch.purchase[j];
          const s2 = s - this.stride[j];
          for (let i = 0; i < n; i++) cur[s * n + i] += p * ((i === j ? 1 : 0) + prev[s2 * n + i]);
        }
      }
      this.values.push(cur);
    }
  }

  /** Expected sales per product starting from stock x with t customers to come. */
  sales(x: number[], t: number): number[] {
    if (t > this.maxCustomers) throw new Error(`t = ${t} beyond the table's ${this.maxCustomers}`);
    let s = 0;
    for (let i = 0; i < this.n; i++) {
      if (x[i] > this.cap[i] || x[i] < 0) throw new Error("plan outside the table");
      s += x[i] * this.stride[i];
    }
    return Array.from({ length: this.n }, (_, i) => this.values[t][s * this.n + i]);
  }
}

/** Poisson(mean) probabilities for 0..kMax (by the recurrence, starting in logs to avoid underflow). */
export function poissonPmf(mean: number, kMax: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= kMax; k++) {
    let logp = -mean + k * Math.log(mean);
    for (let j = 2; j <= k; j++) logp -= Math.log(j);
    out.push(mean === 0 ? (k === 0 ? 1 : 0) : Math.exp(logp));
  }
  return out;
}

function sum(a: number[]): number {
  return a.reduce((x, y) => x + y, 0);
}

/** Customers: `fixed` (round(ΣD) customers) or `poisson` (Poisson(ΣD) customers). */
export type Traffic = "fixed" | "poisson";

/** Largest customer count the computation needs for this traffic. */
export function maxCustomers(inst: DenseInstance, traffic: Traffic): number {
  const mean = sum(inst.demand);
  return traffic === "fixed" ? Math.round(mean) : Math.ceil(mean + 14 * Math.sqrt(mean) + 30);
}

/** Expected sales of plan x from a table built for this traffic. */
export function expectedSalesFromTable(
  table: SalesTable,
  inst: DenseInstance,
  x: number[],
  traffic: Traffic,
): number[] {
  const mean = sum(inst.demand);
  if (traffic === "fixed") return table.sales(x, Math.round(mean));
  const pmf = poissonPmf(mean, table.maxCustomers);
  const out = new Array<number>(inst.demand.length).fill(0);
  pmf.forEach((w, t) => {
    const s = table.sales(x, t);
    for (let i = 0; i < out.length; i++) out[i] += w * s[i];
  });
  return out;
}

/** Profit from expected sales: Σ p·sales + s·(x − sales) − c·x. */
export function profitOf(inst: DenseInstance, x: number[], sales: number[]): number {
  let v = 0;
  for (let i = 0; i < x.length; i++)
    v += inst.price[i] * sales[i] + inst.salvage[i] * (x[i] - sales[i]) - inst.cost[i] * x[i];
  return v;
}

export interface ExactResult {
  sales: number[];
  profit: number;
}

/** Exact expected sales and profit of one plan (N ≤ 3, small traffic). */
export function exactPlan(inst: DenseInstance, x: number[], traffic: Traffic): ExactResult {
  const table = new SalesTable(inst, x, maxCustomers(inst, traffic));
  const sales = expectedSalesFromTable(table, inst, x, traffic);
  return { sales, profit: profitOf(inst, x, sales) };
}

/** Brute-force optimum over every plan with 0 ≤ x_i ≤ cap_i (excluded products held at 0). */
export function bruteForceOptimum(
  inst: DenseInstance,
  cap: number[],
  traffic: Traffic,
  feasible: (x: number[]) => boolean = () => true,
): ExactResult & { plan: number[] } {
  const n = inst.demand.length;
  const table = new SalesTable(inst, cap, maxCustomers(inst, traffic));
  let best: (ExactResult & { plan: number[] }) | null = null;
  const x = new Array<number>(n).fill(0);
  const visit = (i: number): void => {
    if (i === n) {
      if (!feasible(x)) return;
      const sales = expectedSalesFromTable(table, inst, x, traffic);
      const profit = profitOf(inst, x, sales);
      if (best === null || profit > best.profit) best = { plan: [...x], sales, profit };
      return;
    }
    const hi = inst.exclude?.[i] ? 0 : cap[i];
    for (let q = 0; q <= hi; q++) {
      x[i] = q;
      visit(i + 1);
    }
    x[i] = 0;
  };
  visit(0);
  if (best === null) throw new Error("no feasible plan");
  return best;
}
