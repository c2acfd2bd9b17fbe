// The bound every surface shows: its value is limitedFluid's and its label names what it prices and ignores.

import { boundLabel, planBound } from "../../../src/engine/bound/planBound";
import { limitedFluid } from "../../../src/engine/bound/limitedFluid";
import { validateInstance } from "../../../src/engine/model/validate";

const products = [
  { id: "A", price: 10, cost: 4, demand: 30, size: 1 },
  { id: "B", price: 12, cost: 6, demand: 10, size: 2, mustOffer: true },
];

test("value and prices are limitedFluid's; kind fluid", () => {
  const model = validateInstance({ products, constraints: { budget: 100, capacity: 40 } });
  const b = planBound(model);
  const lf = limitedFluid(model);
  expect(b.value).toBe(lf.value);
  expect(b.budgetPrice).toBe(lf.budgetPrice);
  expect(b.kind).toBe("fluid");
  expect(b.ignoredConstraints).toEqual(["mustOffer"]);
});

test("labels say which limits are priced and which rules are ignored", () => {
  expect(planBound(validateInstance({ products: [products[0]] })).label).toBe("fluid LP bound");
  const both = validateInstance({ products, constraints: { budget: 100, capacity: 40, maxProducts: 1 } });
  expect(boundLabel(both, ["maxProducts"])).toBe(
    "fluid LP bound with the budget and capacity; ignores maxProducts (still valid, may be loose)",
  );
  expect(planBound(validateInstance({ products: [products[0]], constraints: { capacity: 5 } })).label).toBe(
    "fluid LP bound with the capacity",
  );
});
