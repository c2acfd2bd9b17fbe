import { ruleUses } from "../../../src/engine/compare/ruleUse";
import { validateInstance } from "../../../src/engine/model/validate";

describe("rule use: used, limit, binding", () => {
  const products = [
    { id: "A", price: 10, cost: 4, demand: 10, size: 2, currentUnits: 5 },
    { id: "B", price: 10, cost: 3, demand: 10, size: 1, packSize: 4 },
    { id: "C", price: 10, cost: 5, demand: 10, size: 1, currentUnits: 2 },
  ];

  test("slack rules are not binding; a rule with no room for one more step is", () => {
    const model = validateInstance({
      products,
      constraints: { budget: 50, capacity: 30, maxProducts: 3, maxChanges: 2 },
    });
    // Plan A 5, B 4, C 0: spend 20 + 12 = 32, space 10 + 4 = 14, 2 products, changes: B added, C dropped = 2.
    expect(ruleUses(model, [5, 4, 0])).toEqual([
      { rule: "budget", used: 32, limit: 50, binding: false },
      { rule: "capacity", used: 14, limit: 30, binding: false },
      { rule: "maxProducts", used: 2, limit: 3, binding: false },
      { rule: "maxChanges", used: 2, limit: 2, binding: true },
    ]);
    // Budget 35: the cheapest step up is one unit of A (4) or C added (5) or a pack of B (12): 32 + 4 > 35.
    const tight = validateInstance({ products, constraints: { budget: 35 } });
    expect(ruleUses(tight, [5, 4, 0])).toEqual([{ rule: "budget", used: 32, limit: 35, binding: true }]);
    const roomy = validateInstance({ products, constraints: { budget: 36 } });
    expect(ruleUses(roomy, [5, 4, 0])[0].binding).toBe(false);
  });

  test("a budget or space used to 99% binds even when a cheap unit still fits", () => {
    const two = [
      { id: "X", price: 2, cost: 1, demand: 10, size: 1 },
      { id: "Y", price: 200, cost: 99, demand: 10, size: 99 },
    ];
    const at = (limit: number) =>
      ruleUses(validateInstance({ products: two, constraints: { budget: limit, capacity: limit } }), [0, 1]);
    // 99 of 101 used (98%): one unit of X (1) still fits, so both rules are slack.
    expect(at(101).map((u) => u.binding)).toEqual([false, false]);
    // 99 of 99.5 (99.5%): X still fits, but the limit is used up.
    expect(at(99.5).map((u) => u.binding)).toEqual([true, true]);
  });
});
