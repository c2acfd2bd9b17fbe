// The decision code per product: why it is carried or not, as the surfaces sort and colour them.

import { decisions } from "../../../src/engine/optimize/decisions";
import { simulate } from "../../../src/engine/simulate/simulate";
import { validateInstance } from "../../../src/engine/model/validate";

const model = validateInstance({
  products: [
    { id: "Hit", price: 20, cost: 8, demand: 100 },
    { id: "Core", price: 20, cost: 8, demand: 5, mustOffer: true },
    { id: "Banned", price: 20, cost: 8, demand: 30, exclude: true },
    { id: "Loss", price: 5, cost: 8, demand: 30 },
    { id: "Twin", price: 20, cost: 8, demand: 1 },
    { id: "Lonely", price: 20, cost: 18, demand: 0.2 },
  ],
  substitution: [{ from: "Twin", to: "Hit", probability: 0.9 }],
});

test("codes and reasons for carried, core, excluded, unprofitable, pooled and low-volume products", () => {
  const units = [100, 5, 0, 0, 0, 0];
  const d = decisions(model, units, simulate(model, units, { reps: 200, seed: 1 }));
  expect(d.map((x) => x.code)).toEqual(["carried", "mustOffer", "excluded", "lowMargin", "pooled", "lowVolume"]);
  expect(d.map((x) => x.carry)).toEqual([true, true, false, false, false, false]);
  expect(d[0].reason).toMatch(/^Carried: 100 units/);
  expect(d[0].reason).toMatch(/absorbs demand of dropped Twin/);
  expect(d[4].reason).toMatch(/served by Hit, 90% retained/);
  for (const x of d) expect(x.reason.length).toBeGreaterThan(10);
});

test("a binding limit is named for products it keeps out", () => {
  const limited = validateInstance({
    products: [
      { id: "A", price: 20, cost: 8, demand: 50 },
      { id: "B", price: 20, cost: 8, demand: 40 },
    ],
    constraints: { maxProducts: 1 },
  });
  const units = [50, 0];
  const d = decisions(limited, units, simulate(limited, units, { reps: 100, seed: 1 }));
  expect(d[1].code).toBe("maxProducts");
  expect(d[1].reason).toMatch(/the product limit is used by products that earn more/);
});
