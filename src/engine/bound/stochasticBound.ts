// The stochastic (SAA) upper bound of docs/model.md §4, without a general LP solver.
//
// For K sampled seasons of first-choice counts d^k, the SAA LP is
//   V = max (1/K)·Σ_k Σ_i (p_i − s_i)·z_ik − Σ_i (c_i − s_i)·x_i  s.t. flows(z_k, d^k), 0 ≤ z_ik ≤ x_i,
// and E[V] ≥ max_x E[profit(x)]. Pricing z_ik ≤ x_i with μ_ik ≥ 0 leaves x with the coefficient
// (1/K)·Σ_k μ_ik − (c_i − s_i), so for every μ with (1/K)·Σ_k μ_ik ≤ c_i − s_i
//   V ≤ L(μ) = (1/K)·Σ_k F(p − s − μ_k; d^k),
// F the fluid value (solveFluid) with those margins and demands. Any such μ gives a valid bound; we start
// from μ_ik = c_i − s_i (the fluid bound on the samples) and lower L by projected subgradient steps
// (∂L/∂μ_ik = −z_ik/K): cost moves onto the seasons where a product sells most, the newsvendor's logic.

import { solveFluid } from "./fluidBound";
import { seedKey } from "../random/hash";
import type { Model } from "../model/instance";
import { aliasTable, aliasDraw } from "../random/alias";
import { sampleNegativeBinomial } from "../random/negativeBinomial";
import { samplePoisson } from "../random/poisson";
import { Rng } from "../random/rng";

/** First step: half a cost range per unit of sales, shrinking as 1/√t. */
const STEP = 0.5;

export interface StochasticBoundOptions {
  samples?: number;
  iterations?: number;
  seed?: number | string;
}

export interface StochasticBound {
  /** Best L(μ) found: an upper bound in expectation on any plan's expected profit. */
  value: number;
  /** L at the start (the fluid bound on the same samples), for comparison. */
  fluidOnSamples: number;
  samples: number;
  iterations: number;
}

/** First-choice counts of one season. */
function sampleCounts(model: Model, rng: Rng, table: ReturnType<typeof aliasTable>): Float64Array {
  const n = model.n;
  const d = new Float64Array(n);
  const { distribution, cv } = model.customers;
  if (distribution === "poisson") {
    for (let i = 0; i < n; i++) d[i] = samplePoisson(rng, model.demand[i]);
    return d;
  }
  const total =
    distribution === "fixed" ? Math.round(model.totalDemand) : sampleNegativeBinomial(rng, model.totalDemand, cv);
  for (let c = 0; c < total; c++) d[aliasDraw(table, rng.next())]++;
  return d;
}

/** Euclidean projection of v onto {x ≥ 0, Σx ≤ cap}. */
function projectCapped(v: Float64Array, cap: number): void {
  let sum = 0;
  for (let k = 0; k < v.length; k++) {
    if (v[k] < 0) v[k] = 0;
    sum += v[k];
  }
  if (sum <= cap) return;
  // Onto the simplex Σx = cap: subtract the threshold θ that makes the clipped sum equal cap.
  const sorted = Array.from(v).sort((a, b) => b - a);
  let acc = 0;
  let theta = 0;
  for (let k = 0; k < sorted.length; k++) {
    acc += sorted[k];
    const t = (acc - cap) / (k + 1);
    if (k === sorted.length - 1 || sorted[k + 1] <= t) {
      theta = t;
      break;
    }
  }
  for (let k = 0; k < v.length; k++) v[k] = Math.max(0, v[k] - theta);
}

export function stochasticBound(model: Model, options: StochasticBoundOptions = {}): StochasticBound {
  const n = model.n;
  const K = options.samples ?? 20;
  const iterations = options.iterations ?? 150;
  const rng = new Rng(seedKey(options.seed ?? "stochastic-bound"));
  const table = aliasTable(model.demand);
  const d: Float64Array[] = [];
  for (let k = 0; k < K; k++) d.push(sampleCounts(model, rng, table));
  const allowed = new Uint8Array(n);
  for (let i = 0; i < n; i++) allowed[i] = model.exclude[i] ? 0 : 1;
  // μ[i][k]: product-major so each product's projection is one contiguous vector.
  const mu: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    mu.push(new Float64Array(K).fill(model.cost[i] - model.salvage[i]));
  }
  const margin = new Float64Array(n);
  const z: Float64Array[] = Array.from({ length: K }, () => new Float64Array(n));
  const evaluate = () => {
    let total = 0;
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) margin[i] = model.price[i] - model.salvage[i] - mu[i][k];
      const f = solveFluid(margin, d[k], model.substitution, allowed);
      total += f.value;
      z[k].set(f.sales);
    }
    return total / K;
  };
  const fluidOnSamples = evaluate();
  const start = z.map((zk) => zk.slice());
  // Two step rules, each from μ = c − s; the lower bound found wins (both are valid). A uniform step
  // (half the mean cost range per unit of mean sales) suits catalogues where the hits carry the
  // randomness; a per-product step (each product's cost range per unit of its own mean sales) lets the
  // long tail move as fast as the hits. Neither wins everywhere on our benchmark families.
  const meanSales = Math.max(1e-9, model.totalDemand / Math.max(1, n));
  let meanRange = 0;
  for (let i = 0; i < n; i++) meanRange += (model.cost[i] - model.salvage[i]) / n;
  const uniform = new Float64Array(n).fill(meanRange / meanSales);
  const perProduct = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let zbar = 0;
    for (let k = 0; k < K; k++) zbar += start[k][i] / K;
    perProduct[i] = (model.cost[i] - model.salvage[i]) / Math.max(0.5, zbar);
  }
  let value = fluidOnSamples;
  for (const scale of [uniform, perProduct]) {
    for (let i = 0; i < n; i++) mu[i].fill(model.cost[i] - model.salvage[i]);
    for (let k = 0; k < K; k++) z[k].set(start[k]);
    for (let t = 1; t <= iterations; t++) {
      const step = STEP / Math.sqrt(t);
      for (let i = 0; i < n; i++) {
        const m = mu[i];
        const a = step * scale[i];
        for (let k = 0; k < K; k++) m[k] += a * z[k][i];
        projectCapped(m, K * (model.cost[i] - model.salvage[i]));
      }
      value = Math.min(value, evaluate());
    }
  }
  return { value, fluidOnSamples, samples: K, iterations };
}
