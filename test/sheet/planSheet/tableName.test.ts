import { freeTableName, planTableName, PLAN_TABLE } from "../../../src/sheet/planSheet";

test("AssortPlan, then AssortPlan_2, _3...: the first name not taken, compared without case", () => {
  expect([1, 2, 3].map(planTableName)).toEqual([PLAN_TABLE, "AssortPlan_2", "AssortPlan_3"]);
  const taken = new Set(["assortplan", "assortplan_2"]);
  expect(freeTableName((n) => taken.has(n.toLowerCase()))).toBe("AssortPlan_3");
  expect(freeTableName(() => false)).toBe("AssortPlan");
});
