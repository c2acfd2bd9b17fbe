import { actionCounts, actionOf, actions } from "../../../src/engine/compare/actions";
import { validateInstance } from "../../../src/engine/model/validate";

describe("actions against the current units", () => {
  test.each([
    [5, 5, "Keep"],
    [0, 0, "Keep"],
    [0, 4, "Add"],
    [6, 0, "Drop"],
    [3, 5, "More"],
    [5, 3, "Fewer"],
  ] as const)("current %i, plan %i: %s", (current, units, action) => {
    expect(actionOf(current, units)).toBe(action);
  });

  test("per product and counted; none without a current range", () => {
    const products = [
      { id: "A", price: 2, cost: 1, demand: 1, currentUnits: 4 },
      { id: "B", price: 2, cost: 1, demand: 1 },
      { id: "C", price: 2, cost: 1, demand: 1, currentUnits: 2 },
    ];
    const model = validateInstance({ products });
    const list = actions(model, [4, 3, 1]);
    expect(list).toEqual(["Keep", "Add", "Fewer"]);
    expect(actionCounts(list ?? [])).toEqual({ Keep: 1, Add: 1, Drop: 0, More: 0, Fewer: 1 });
    expect(actions(validateInstance({ products: products.map(({ currentUnits: _, ...p }) => p) }), [1, 1, 1])).toBe(
      null,
    );
  });
});
