// The SAA LP of docs/model.md §5, solved exactly by HiGHS (tests and benchmarks only): the reference the
// stochastic bound's dual (src/engine/bound/stochasticBound.ts) is checked against, on the SAME seasons.
//   max (1/K)·Σ_k Σ_i (p_i − s_i)·z_ik − Σ_i (c_i − s_i)·x_i
//   s.t. z_ik + w_ik − Σ_j ρ[j][i]·w_jk = d_ik,  0 ≤ z_ik ≤ x_i,  w ≥ 0,  z_ik = 0 for excluded i,
//        Σ c_i x_i ≤ budget, Σ size_i x_i ≤ capacity (when the model has them).
// Columns are built straight from the sparse ρ as typed CSC arrays (LP text is slow to build).

import type { Highs } from "highs";
import type { Model } from "../../../src/engine/model/instance";

export interface SaaLpResult {
  value: number;
  /** Stock per product at the optimum (fractional). */
  x: Float64Array;
  seconds: number;
}

export function solveSaaLp(highs: Highs, model: Model, seasons: Float64Array[], timeLimitSeconds = 600): SaaLpResult {
  const n = model.n;
  const K = seasons.length;
  const sub = model.substitution;
  // Columns: x_i (n), then per season z_ik (n) and w_ik (n). Rows: flow (n per season), z − x ≤ 0 (n per
  // season), then the budget and capacity rows.
  const limits: ("budget" | "capacity")[] = [];
  if (model.constraints.budget !== null) limits.push("budget");
  if (model.constraints.capacity !== null) limits.push("capacity");
  const numCols = n + 2 * n * K;
  const numRows = 2 * n * K + limits.length;
  const flowRow = (k: number, i: number) => k * n + i;
  const capRow = (k: number, i: number) => n * K + k * n + i;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const colCost: number[] = [];
  const colUpper: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      indices.push(capRow(k, i));
      values.push(-1);
    }
    limits.forEach((l, t) => {
      const w = l === "budget" ? model.cost[i] : model.size[i];
      if (w !== 0) {
        indices.push(2 * n * K + t);
        values.push(w);
      }
    });
    starts.push(indices.length);
    colCost.push(-(model.cost[i] - model.salvage[i]));
    colUpper.push(highs.infinity);
  }
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) {
      indices.push(flowRow(k, i), capRow(k, i));
      values.push(1, 1);
      starts.push(indices.length);
      colCost.push((model.price[i] - model.salvage[i]) / K);
      colUpper.push(model.exclude[i] ? 0 : highs.infinity);
    }
    for (let j = 0; j < n; j++) {
      indices.push(flowRow(k, j));
      values.push(1);
      for (let e = sub.rowStart[j]; e < sub.rowStart[j + 1]; e++) {
        indices.push(flowRow(k, sub.col[e]));
        values.push(-sub.prob[e]);
      }
      starts.push(indices.length);
      colCost.push(0);
      colUpper.push(highs.infinity);
    }
  }
  // CSC needs row indices sorted within a column.
  for (let c = 0; c < numCols; c++) {
    const idx = indices.slice(starts[c], starts[c + 1]);
    const val = values.slice(starts[c], starts[c + 1]);
    const order = idx.map((_, t) => t).sort((a, b) => idx[a] - idx[b]);
    order.forEach((o, t) => {
      indices[starts[c] + t] = idx[o];
      values[starts[c] + t] = val[o];
    });
  }
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let k = 0; k < K; k++)
    for (let i = 0; i < n; i++) {
      rowLower.push(seasons[k][i]);
      rowUpper.push(seasons[k][i]);
    }
  for (let r = 0; r < n * K; r++) {
    rowLower.push(-highs.infinity);
    rowUpper.push(0);
  }
  for (const l of limits) {
    rowLower.push(-highs.infinity);
    rowUpper.push(l === "budget" ? (model.constraints.budget as number) : (model.constraints.capacity as number));
  }
  const started = Date.now();
  const lp = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Array<number>(numCols).fill(0),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows, numCols, starts, indices, values },
  });
  try {
    lp.options.set({ output_flag: false, time_limit: timeLimitSeconds });
    lp.run();
    const status = lp.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS status ${status}, not optimal`);
    const sol = lp.getSolution();
    return {
      value: lp.getObjectiveValue(),
      x: Float64Array.from(sol.colValue.slice(0, n)),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    lp.dispose();
  }
}
