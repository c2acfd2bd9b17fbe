// The current range in the JSON form: currentUnits, lock and constraints.maxChanges, every problem named.

import { InputError, type Problem } from "../../../src/engine/model/instance";
import { validateInstance } from "../../../src/engine/model/validate";

function problems(input: unknown): Problem[] {
  try {
    validateInstance(input);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

const p = (id: string, extra: object = {}) => ({ id, price: 10, cost: 4, demand: 10, ...extra });

describe("currentUnits, lock and maxChanges", () => {
  test("read into the model; absent everywhere means no current range", () => {
    const m = validateInstance({
      products: [p("A", { currentUnits: 6, lock: true }), p("B", { currentUnits: 0 }), p("C", { lock: 0 })],
      constraints: { maxChanges: 1 },
    });
    expect(Array.from(m.currentUnits as Int32Array)).toEqual([6, 0, 0]);
    expect(Array.from(m.lock)).toEqual([1, 0, 0]);
    expect(m.constraints.maxChanges).toBe(1);
    const none = validateInstance({ products: [p("A"), p("B")] });
    expect(none.currentUnits).toBe(null);
    expect(Array.from(none.lock)).toEqual([0, 0]);
    expect(none.constraints.maxChanges ?? null).toBe(null);
  });

  test.each([
    [-1, "-1 is negative"],
    [1.5, "1.5 is not a whole number"],
    ["7", "'7' is not a number"],
    [Infinity, "Infinity is not a finite number"],
  ])("currentUnits %p is refused: %s", (value, why) => {
    const [q] = problems({ products: [p("A", { currentUnits: value }), p("B")] });
    expect(q).toMatchObject({ section: "products", index: 0, productId: "A", field: "currentUnits" });
    expect(q.message).toContain(`Product A, currentUnits: ${why}`);
  });

  test("lock: not a flag, without current units, with exclude, outside min/max/pack", () => {
    const qs = problems({
      products: [
        p("A", { currentUnits: 5, lock: "yes" }),
        p("B", { currentUnits: 0, lock: true }),
        p("C", { currentUnits: 4, lock: true, exclude: true }),
        p("D", { currentUnits: 5, lock: true, packSize: 6, maxQty: 4 }),
      ],
    });
    expect(qs.map((q) => [q.productId, q.field])).toEqual([
      ["A", "lock"],
      ["B", "lock"],
      ["C", "lock"],
      ["D", "lock"],
    ]);
    expect(qs[0].message).toMatch(/Product A, lock: 'yes' is not true or false/);
    expect(qs[1].message).toMatch(/Product B: marked lock, but it has no current units \(currentUnits is 0 or blank\)/);
    expect(qs[2].message).toMatch(/marked both lock \(keep its 4 current units\) and exclude/);
    expect(qs[3].message).toMatch(
      /marked lock at its current 5 units, which is above its maxQty 4 and not a whole number of packs of 6/,
    );
  });

  test("lock when no product gives current units", () => {
    const [q] = problems({ products: [p("A", { lock: true }), p("B")] });
    expect(q.message).toMatch(/currentUnits is not given for any product/);
  });

  test("maxChanges: not a whole number, or without a current range", () => {
    expect(problems({ products: [p("A", { currentUnits: 1 })], constraints: { maxChanges: -1 } })[0]).toMatchObject({
      section: "constraints",
      field: "maxChanges",
      message: expect.stringMatching(/maxChanges: -1 is not a whole number, 0 or more/),
    });
    expect(problems({ products: [p("A")], constraints: { maxChanges: 2 } })[0].message).toMatch(
      /maxChanges: 2 limits the products added or dropped .* but no product gives currentUnits/,
    );
  });

  test("a typo of the new fields is pointed out", () => {
    expect(problems({ products: [p("A", { curentUnits: 3 })] })[0].message).toMatch(/did you mean 'currentUnits'/);
  });
});
