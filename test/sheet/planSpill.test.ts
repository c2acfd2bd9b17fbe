// ASSORT.OPTIMIZE's spill with a current range: Action and Current units after the id, and the paired gain
// in the summary; without one, the columns it always had.

import { optimize } from "../../src/engine/optimize/optimize";
import { CURRENT_PLAN_HEADER, PLAN_HEADER, planTable } from "../../src/sheet/planTable";
import { readSheetInstance } from "../../src/sheet/sheetInstance";

const products = (current: boolean) => [
  ["Product", "Price", "Cost", "Demand", ...(current ? ["Current units"] : [])],
  ["A", 10, 4, 30, ...(current ? [0] : [])],
  ["B", 12, 5, 20, ...(current ? [25] : [])],
  ["C", 8, 3, 0.5, ...(current ? [4] : [])],
];

test("with Current units the spill gains Action and Current units; without, it keeps its columns", async () => {
  const withCurrent = readSheetInstance({ products: products(true) }).model;
  const result = await optimize(withCurrent, { method: "newsvendor", seed: 3, timeLimitMs: 2000 });
  const rows = planTable(withCurrent, result);
  expect(rows[0]).toEqual(CURRENT_PLAN_HEADER);
  expect(CURRENT_PLAN_HEADER.slice(0, 4)).toEqual(["Product", "Action", "Current units", "Carry"]);
  rows.slice(1, 4).forEach((r, i) => {
    const d = result.decisions[i];
    expect(r.slice(0, 5)).toEqual([d.id, d.action, [0, 25, 4][i], d.carry, d.units]);
    expect(["Keep", "Add", "Drop", "More", "Fewer"]).toContain(r[1]);
  });
  expect(rows[1][1]).toBe(result.decisions[0].units > 0 ? "Add" : "Keep");
  const gain = rows.find((r) => r[0] === "Gain over current") as unknown[];
  expect(gain[1]).toBeCloseTo(result.comparison?.gain.profit.mean as number, 9);
  expect(gain[2]).toMatch(/^± [\d,.]+ \(95%\), paired on \d+ seasons$/);

  const plain = readSheetInstance({ products: products(false) }).model;
  const before = planTable(plain, await optimize(plain, { method: "newsvendor", seed: 3, timeLimitMs: 2000 }));
  expect(before[0]).toEqual(PLAN_HEADER);
  expect(before.some((r) => r[0] === "Gain over current")).toBe(false);
});
