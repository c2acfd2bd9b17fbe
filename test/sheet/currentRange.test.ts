// The current range from a sheet: Current units (and its aliases), Lock, and the maxChanges option, with
// every bad value located by range, row, product and column as written.

import { readSheetInstance } from "../../src/sheet/sheetInstance";
import { messagesOf, problemsOf } from "./helpers";

const read = (products: unknown[][], options: unknown[][] | null = null) =>
  readSheetInstance({ products, substitution: null, options, addresses: {} });

const rows = (extra: unknown[][]) => [
  ["A", 10, 4, 30, ...extra[0]],
  ["B", 12, 5, 20, ...extra[1]],
  ["C", 8, 3, 10, ...extra[2]],
];

describe("Current units and Lock columns", () => {
  test.each(["Current units", "Current", "Current qty", "Last buy", "Now", "current_units"])(
    "'%s' is read as the current units; blank means not carried now",
    (title) => {
      const m = read([["Product", "Price", "Cost", "Demand", title], ...rows([[12], [null], [0]])]).model;
      expect(Array.from(m.currentUnits as Int32Array)).toEqual([12, 0, 0]);
      expect(Array.from(m.lock)).toEqual([0, 0, 0]);
    },
  );

  test("no Current units column: no current range", () => {
    expect(read([["Product", "Price", "Cost", "Demand"], ...rows([[], [], []])]).model.currentUnits).toBe(null);
  });

  test("Lock reads yes/no like the other flag columns; maxChanges from Options (0 is a limit)", () => {
    const s = read(
      [
        ["Product", "Price", "Cost", "Demand", "Now", "Locked"],
        ...rows([
          [12, "yes"],
          [5, null],
          [0, "no"],
        ]),
      ],
      [
        ["maxChanges", 0],
        ["budget", 500],
      ],
    );
    expect(Array.from(s.model.lock)).toEqual([1, 0, 0]);
    expect(s.model.constraints).toMatchObject({ budget: 500, maxChanges: 0 });
  });

  test("bad values name the row, product and column as written", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "Price", "Cost", "Demand", "Last buy", "Lock"],
        ...rows([
          [-2, null],
          [2.5, "maybe"],
          ["x", null],
        ]),
      ]),
    );
    expect(msgs).toEqual([
      expect.stringMatching(/^Products row 2 \(A\), column Last buy: -2 is negative; give the units bought today/),
      expect.stringMatching(/^Products row 3 \(B\), column Lock: 'maybe' is not a yes\/no value/),
      expect.stringMatching(/^Products row 3 \(B\), column Last buy: 2\.5 is not a whole number/),
      expect.stringMatching(/^Products row 4 \(C\), column Last buy: 'x' is not a number/),
    ]);
  });

  test("Lock without current units, Lock with Exclude, maxChanges without a current range", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "Price", "Cost", "Demand", "Current units", "Lock", "Exclude"],
        ...rows([
          [0, "x", null],
          [4, "x", "x"],
          [3, null, null],
        ]),
      ]),
    );
    expect(msgs).toEqual([
      expect.stringMatching(
        /^Products row 2 \(A\), column Lock: marked Lock, but it has no current units \(Current units is 0 or blank\)/,
      ),
      expect.stringMatching(
        /^Products row 3 \(B\), column Lock: marked both Lock \(keep its 4 current units\) and Exclude/,
      ),
    ]);
    const p = problemsOf(() =>
      read([["Product", "Price", "Cost", "Demand"], ...rows([[], [], []])], [["Max changes", 3]]),
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ range: "Options", row: 1 });
    expect(p[0].message).toMatch(
      /^Options row 1 \(Max changes\): 3 limits the products added or dropped .* no product gives currentUnits/,
    );
  });
});
