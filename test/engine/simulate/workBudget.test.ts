// The work budget's arithmetic and wording: a run refused states its work, the speed assumed and what would
// fit, with durations written so a sub-second limit never reads "0 s".

import { STEPS_PER_SECOND } from "../../../src/engine/model/limits";
import { InputError } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";
import { checkWorkBudget, formatSeconds } from "../../../src/engine/simulate/workBudget";

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

  test("accepts exactly the work the limit allows at the assumed speed, refuses a step more", () => {
    const seasons = 10;
    const limitMs = (seasons * 1000 * 2 * 1000) / STEPS_PER_SECOND; // 10 seasons at 2 products a customer
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
    // 2,000 steps at 7e7 a second: 0.029 ms.
    expect(message).toContain(`or with a time limit of at least ${formatSeconds((2000 / STEPS_PER_SECOND) * 1000)}`);
    expect(message).toMatch(/It fits with demand scaled to at most 700 customers a season \(×0\.70\)/);
  });
});
