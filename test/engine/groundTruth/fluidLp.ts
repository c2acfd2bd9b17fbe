// The fluid LP of docs/model.md §4 written out for HiGHS, with optional budget and capacity rows:
//   max Σ (p_i − c_i)·z_i  s.t.  z_i + w_i − Σ_j ρ[j][i]·w_j = D_i,  Σ c_i z_i ≤ B,  Σ size_i z_i ≤ C,  z, w ≥ 0.
// Ground truth for the engine's bounds, which never call a general solver.

import type { Highs } from "highs";
import type { DenseInstance } from "./exactDp";

export interface FluidLpLimits {
  budget?: number;
  capacity?: number;
  size?: number[];
}

/** The LP optimum; throws unless HiGHS reports optimal. Columns: z_0..z_{n−1}, then w_0..w_{n−1}. */
export function fluidLpValue(highs: Highs, inst: DenseInstance, limits: FluidLpLimits = {}): number {
  const n = inst.demand.length;
  const extra: { row: number; weight: number[]; limit: number }[] = [];
  if (limits.budget !== undefined) extra.push({ row: n + extra.length, weight: inst.cost, limit: limits.budget });
  if (limits.capacity !== undefined)
    extra.push({ row: n + extra.length, weight: limits.size ?? inst.cost.map(() => 1), limit: limits.capacity });
  const numRows = n + extra.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    indices.push(i);
    values.push(1);
    for (const x of extra) {
      if (x.weight[i] === 0) continue;
      indices.push(x.row);
      values.push(x.weight[i]);
    }
    starts.push(indices.length);
  }
  for (let j = 0; j < n; j++) {
    indices.push(j);
    values.push(1);
    for (let i = 0; i < n; i++) {
      if (inst.rho[j][i] > 0) {
        indices.push(i);
        values.push(-inst.rho[j][i]);
      }
    }
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: 2 * n,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: [...inst.price.map((p, i) => p - inst.cost[i]), ...new Array<number>(n).fill(0)],
    colLower: new Array<number>(2 * n).fill(0),
    colUpper: [
      ...inst.ids.map((_, i) => (inst.exclude?.[i] ? 0 : highs.infinity)),
      ...new Array<number>(n).fill(highs.infinity),
    ],
    rowLower: [...inst.demand, ...extra.map(() => -highs.infinity)],
    rowUpper: [...inst.demand, ...extra.map((x) => x.limit)],
    matrix: { format: "csc", numRows, numCols: 2 * n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS status ${status}, not optimal`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}
