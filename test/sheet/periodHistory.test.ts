// Per-period sales in long form → period records: availability flags, sales, customer counts, and the
// mistakes named by row and column.

import { fitMarkovChain, type PeriodSales } from "../../src/engine";
import { isPeriodHeader, readPeriodHistory } from "../../src/sheet/periodHistory";

describe("readPeriodHistory", () => {
  test("rows group into periods; a product without a row is unavailable; customers once per period", () => {
    const cells = [
      ["Day", "Product", "In stock", "Units sold", "Customers"],
      ["Mon", "A", "TRUE", 3, 10],
      ["Mon", "B", "no", 0, ""],
      ["Tue", "B", 1, 4, 12],
      ["Tue", "A", true, "", 12],
      ["Wed", "C", "yes", 2, ""],
    ];
    expect(isPeriodHeader(cells[0])).toBe(true);
    const h = readPeriodHistory(cells);
    expect(h.problems).toEqual([]);
    expect(h.ids).toEqual(["A", "B", "C"]);
    expect(h.periodCount).toBe(3);
    expect(h.periods.map((p) => [Array.from(p.available), Array.from(p.sales), p.customers])).toEqual([
      [[1, 0, 0], [3, 0, 0], 10],
      [[1, 1, 0], [0, 4, 0], 12],
      [[0, 0, 1], [0, 0, 2], undefined],
    ]);
  });

  test("mistakes are named by row and column", () => {
    const cells = [
      ["Period", "Product", "Available", "Sales", "Customers"],
      ["1", "A", "maybe", 1, ""],
      ["1", "B", "FALSE", 2, ""],
      ["1", "ZZZ", "TRUE", 1, ""],
      ["1", "A", "TRUE", 1, ""],
      ["2", "A", "TRUE", -1, ""],
      ["3", "A", "TRUE", 1, 5],
      ["3", "B", "TRUE", 1, 6],
      ["4", "A", "TRUE", 9, 5],
    ];
    const h = readPeriodHistory(cells, { productIds: ["A", "B"] });
    expect(h.problems.map((p) => p.message)).toEqual([
      "History row 2, column Available: 'maybe' is not TRUE or FALSE (1/0, yes/no also work)",
      "History row 3, column Sales: 2 units sold while 'B' was not available; fix the sales or the Available flag",
      "History row 4, column Product: 'ZZZ' is not a product",
      "History row 5, column Product: 'A' already has a row for period '1' (History row 2)",
      "History row 6, column Sales: '-1' is not a number of units (0 or more)",
      "History row 8, column Customers: 6 customers, but History row 7 says 5 for period '3'",
      "History row 9, column Customers: 5 customers in period '4' cannot have bought 9 units",
    ]);
    expect(isPeriodHeader(["Offered", "Purchased"])).toBe(false);
  });

  test("rows from a generator (a CSV's records as parsed); every problem is counted, the first ones kept", () => {
    function* rows(): Generator<unknown[]> {
      yield ["Period", "Product", "Available", "Sales"];
      for (let t = 1; t <= 200; t++) {
        yield [t, "A", 1, t % 40 === 0 ? "lots" : 2];
        yield [t, "B", 0, 0];
      }
    }
    const h = readPeriodHistory(rows(), { maxProblems: 3 });
    expect(h.problemCount).toBe(5);
    expect(h.problems.map((p) => p.row)).toEqual([80, 160, 240]);
    expect(h.problems[0].message).toBe("History row 80, column Sales: 'lots' is not a number of units (0 or more)");
  });

  describe("periods merged by offered set as they are read", () => {
    // Six periods over three products: two counted offered sets (one of them twice) and two sales-only ones.
    const periods: Array<[string, Array<[string, number, number]>, number | ""]> = [
      [
        "w1",
        [
          ["A", 1, 5],
          ["B", 1, 3],
          ["C", 0, 0],
        ],
        20,
      ],
      [
        "w2",
        [
          ["A", 1, 7],
          ["B", 0, 0],
          ["C", 1, 2],
        ],
        15,
      ],
      [
        "w3",
        [
          ["A", 1, 4],
          ["B", 1, 6],
          ["C", 0, 0],
        ],
        18,
      ],
      [
        "w4",
        [
          ["A", 0, 0],
          ["B", 1, 9],
          ["C", 1, 1],
        ],
        "",
      ],
      [
        "w5",
        [
          ["A", 0, 0],
          ["B", 1, 7],
          ["C", 1, 3],
        ],
        "",
      ],
      [
        "w6",
        [
          ["A", 1, 2],
          ["B", 1, 2],
          ["C", 1, 2],
        ],
        "",
      ],
    ];
    const header = ["Period", "Product", "Available", "Sales", "Customers"];
    const row = (p: number, k: number) => {
      const [label, cells, customers] = periods[p];
      const [id, available, sales] = cells[k];
      return [label, id, available, sales, customers];
    };
    // Period by period (labels rise), periods in a jumbled order (together, but not rising), and product by
    // product (every period's rows apart: the reader must fall back to holding all periods).
    const byPeriod = [header, ...periods.flatMap((_, p) => [0, 1, 2].map((k) => row(p, k)))];
    const jumbled = [header, ...[4, 1, 5, 0, 3, 2].flatMap((p) => [0, 1, 2].map((k) => row(p, k)))];
    const byProduct = [header, ...[0, 1, 2].flatMap((k) => periods.map((_, p) => row(p, k)))];
    // What the reader returned before it merged: one record per period.
    const onePerPeriod: PeriodSales[] = periods.map(([, cells, customers]) => ({
      available: cells.map((c) => c[1]),
      sales: cells.map((c) => c[2]),
      customers: customers === "" ? undefined : customers,
    }));

    test("each layout gives the same groups: the sums of their periods", () => {
      for (const cells of [byPeriod, jumbled, byProduct]) {
        const h = readPeriodHistory(cells);
        expect(h.problems).toEqual([]);
        expect(h.periodCount).toBe(6);
        const groups = h.periods
          .map((p) => [Array.from(p.available).join(""), Array.from(p.sales), p.customers, p.exposure])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[2] ?? 0) - Number(b[2] ?? 0));
        expect(groups).toEqual([
          ["011", [0, 16, 4], undefined, 2],
          ["101", [7, 0, 2], 15, undefined],
          ["110", [9, 9, 0], 38, undefined],
          ["111", [2, 2, 2], undefined, 1],
        ]);
      }
      // A one-shot generator cannot be read twice: it is read holding every period, and merged the same.
      function* once(): Generator<unknown[]> {
        yield* byProduct;
      }
      expect(readPeriodHistory(once()).periods).toEqual(readPeriodHistory(byProduct).periods);
    });

    test("the fit from the merged periods equals the fit from the periods one by one", () => {
      const options = { tolerance: 0, maxIterations: 300 };
      const old = fitMarkovChain(3, [], onePerPeriod, options);
      // Period by period, the groups come in the same order with the same sums: the very same numbers.
      const same = fitMarkovChain(3, [], readPeriodHistory(byPeriod).periods, options);
      expect(Array.from(same.lambda)).toEqual(Array.from(old.lambda));
      expect(same.links).toEqual(old.links);
      expect(same.logLikelihood).toBe(old.logLikelihood);
      expect(same.arrivalRate).toBe(old.arrivalRate);
      // In another order the groups are the same but summed in another order: equal to rounding.
      for (const cells of [jumbled, byProduct]) {
        const r = fitMarkovChain(3, [], readPeriodHistory(cells).periods, options);
        r.lambda.forEach((x, i) => expect(x).toBeCloseTo(old.lambda[i], 9));
        r.links.forEach((l, k) => expect(l.probability).toBeCloseTo(old.links[k].probability, 9));
        expect(r.logLikelihood).toBeCloseTo(old.logLikelihood, 8);
      }
    });

    test("a period whose rows are apart is still checked as a whole, and named by its rows", () => {
      const cells = [
        header,
        ["1", "A", 1, 3, 10],
        ["2", "A", 0, 0, 10],
        ["1", "B", 1, 9, 10],
        ["2", "B", 0, 0, 10],
        ["1", "A", 1, 1, 10],
      ];
      expect(readPeriodHistory(cells).problems.map((p) => p.message)).toEqual([
        "History row 6, column Product: 'A' already has a row for period '1' (History row 2)",
        "History row 3: nothing was available in period '2'",
      ]);
    });
  });
});
