// A block of a simulation is the seasons it covers, whole: split anywhere and joined, the same figures to the
// last bit; a block the deadline cut keeps its whole seasons and drops the ones after it.

import { generateInstance } from "../../../src/engine/generate/generateInstance";
import { validateInstance } from "../../../src/engine/model/validate";
import { seasonCounters } from "../../../src/engine/simulate/season";
import { joinBlocks, simulationBlock } from "../../../src/engine/simulate/simulationBlock";
import { walkTables } from "../../../src/engine/simulate/walkTables";

const model = validateInstance(generateInstance({ n: 25, totalDemand: 300, seed: 6, substitutes: 5 }).instance);
const units = Int32Array.from({ length: model.n }, (_, i) => (i * 3) % 9);
const tables = walkTables(model);
const play = (from: number, to: number, deadline?: number) =>
  simulationBlock(model, units, 77, from, to, tables, seasonCounters(model.n), deadline);
const plain = (b: object) => JSON.stringify(b, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

test("split anywhere and joined, a block is the same to the last bit", () => {
  const whole = play(0, 60);
  expect(whole.played).toBe(60);
  for (const cuts of [
    [0, 1, 60],
    [0, 17, 18, 60],
    [0, 20, 40, 60],
  ]) {
    const parts = cuts.slice(1).map((to, k) => play(cuts[k], to));
    expect(plain(joinBlocks(parts, model.n))).toBe(plain(whole));
  }
});

test("per-season profits add up to the season's sales at their margins", () => {
  const b = play(5, 6);
  let units0 = 0;
  for (let i = 0; i < model.n; i++) units0 += (model.salvage[i] - model.cost[i]) * units[i];
  let sold = 0;
  for (let i = 0; i < model.n; i++) sold += (model.price[i] - model.salvage[i]) * b.sales[i];
  expect(b.profit[0]).toBeCloseTo(units0 + sold, 9);
  expect(b.customers).toBeGreaterThan(0);
});

test("a deadline already past plays nothing, and joining stops at the cut block", () => {
  const cut = play(10, 20, Date.now() - 1);
  expect(cut.played).toBeLessThan(10);
  const joined = joinBlocks([play(0, 10), cut, play(20, 30)], model.n);
  expect(joined.played).toBe(10 + cut.played);
  expect(plain(joined.profit.subarray(0, 10))).toBe(plain(play(0, 10).profit));
});
