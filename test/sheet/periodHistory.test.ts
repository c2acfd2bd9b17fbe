// Per-period sales in long form → period records: availability flags, sales, customer counts, and the
// mistakes named by row and column.

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
    expect(h.labels).toEqual(["Mon", "Tue", "Wed"]);
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
});
