// The work budget's arithmetic and wording: a run refused states its work, the speed assumed and what would
// fit, with durations written so a sub-second limit never reads "0 s".

import { InputError } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";
import { checkWorkBudget, formatSeconds, seasonSeconds } from "../../../src/engine/simulate/workBudget";

describe("formatSeconds", () => {
  test.each([
    [0.2, "0.2 ms"],
    [7, "7 ms"],
    [150, "150 ms"],
    [200, "200 ms"],
    [994, "990 ms"],
    [996, "1 s"],
    [1500, "1.5 s"],
    [20_000, "20 s"],
    [520_000, "520 s"],
    [9_000_000, "2.5 h"],
    [1e300, "2.8e293 h"],
    [Infinity, "forever"],
  ])("%p ms is %p", (ms, text) => {
    expect(formatSeconds(ms)).toBe(text);
  });
});

describe("checkWorkBudget", () => {
  // 1,000 customers a season: one season visits 1,000 × walk products.
  const model = validateInstance({ products: [{ id: "A", price: 10, cost: 4, demand: 1000 }] });

  test("seasonSeconds: one rate per customer, another per product visited after the first", () => {
    expect(seasonSeconds(1e6, 1)).toBeCloseTo(0.015, 12);
    expect(seasonSeconds(1e6, 11)).toBeCloseTo(0.015 + 10 * 0.022, 12);
    // A walk below one visit (no demand) costs the customers alone.
    expect(seasonSeconds(1e6, 0.5)).toBeCloseTo(0.015, 12);
  });

  test("accepts exactly the work the limit allows at the assumed speed, refuses a step more", () => {
    const seasons = 10;
    const limitMs = seasons * seasonSeconds(1000, 2) * 1000; // 10 seasons at 2 products a customer
    expect(() => checkWorkBudget(model, "evaluate", seasons, limitMs, 2)).not.toThrow();
    expect(() => checkWorkBudget(model, "evaluate", seasons, limitMs, 2.001)).toThrow(InputError);
  });

  test("a sub-second limit is written in milliseconds, and what would fit is said", () => {
    let message = "";
    try {
      checkWorkBudget(model, "evaluate", 2, 0.02, 1);
    } catch (e) {
      message = (e as InputError).problems[0].message;
    }
    expect(message).toContain("beyond the time limit of 0.02 ms");
    expect(message).not.toMatch(/\b0 s\b/);
    // 2 seasons of 1,000 customers at 15 ns each: 0.03 ms.
    expect(message).toContain("or with a time limit of at least 0.03 ms");
    expect(message).toContain("~15 ns a customer, ~22 ns a further product visited");
    expect(message).toMatch(/It fits with demand scaled to at most 667 customers a season \(×0\.67\)/);
  });
});
