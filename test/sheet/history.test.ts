// The History range → transactions: the layouts users write (header aliases, Count, numbers as ids, value
// objects, trailing blank rows) and every mistake named by row and column.

import { readHistory } from "../../src/sheet/history";

const IDS = ["A", "B", "C", "101"];

describe("readHistory", () => {
  test("rows become transactions with product indices; blank purchase = no purchase", () => {
    const cells = [
      ["Offered", "Purchased"],
      ["A; B ;C", "B"],
      ["C;A", null],
      ["101;A", 101],
      ["", ""],
      [null, null],
    ];
    const h = readHistory(cells, { productIds: IDS });
    expect(h.problems).toEqual([]);
    expect(h.ids).toEqual(IDS);
    expect(h.transactions).toEqual([
      { offered: [0, 1, 2], purchased: 1, count: 1 },
      { offered: [0, 2], purchased: -1, count: 1 },
      { offered: [0, 3], purchased: 3, count: 1 },
    ]);
    expect(h.customers).toBe(3);
  });

  test("without product ids, ids come from the history in order of appearance; aliases and a Count column", () => {
    const cells = [
      ["Day", "Available products", "Bought", "Customers"],
      [1, "X;Y", "Y", 12],
      [1, { type: "String", basicValue: "Z;X" }, "", ""],
    ];
    const h = readHistory(cells);
    expect(h.problems).toEqual([]);
    expect(h.ids).toEqual(["X", "Y", "Z"]);
    expect(h.transactions).toEqual([
      { offered: [0, 1], purchased: 1, count: 12 },
      { offered: [0, 2], purchased: -1, count: 1 },
    ]);
    expect(h.customers).toBe(13);
  });

  test("each mistake is named by row and column, and all are listed", () => {
    const cells = [
      ["Offered", "Purchased", "Count"],
      ["A;B", "C", ""],
      ["", "", ""],
      ["A;Bb", "A", ""],
      ["A;A", "A", ""],
      ["A,B", "A", ""],
      ["A;B", "ZZZ", ""],
      ["A;B", "A", "-2"],
    ];
    const h = readHistory(cells, { productIds: IDS });
    const messages = h.problems.map((p) => p.message);
    expect(messages).toEqual([
      "History row 2, column Purchased: 'C' was bought but not offered to this customer (offered: A; B)",
      "History row 4, column Offered: 'Bb' is not a product; did you mean 'B'?",
      "History row 5, column Offered: 'A' is listed twice",
      "History row 6, column Offered: 'A,B' is not a product (separate ids with semicolons, not commas)",
      "History row 6, column Purchased: 'A' was bought but not offered to this customer (offered: A,B)",
      "History row 7, column Purchased: 'ZZZ' is not a product",
      "History row 8, column Count: '-2' is not a number of customers; use a number above 0 (blank = 1)",
    ]);
    // A row with nothing in it is skipped, not an empty offered set; but a purchase with nothing offered is one.
    const empty = readHistory(
      [
        ["Offered", "Purchased"],
        ["", "A"],
      ],
      { productIds: IDS },
    );
    expect(empty.problems.map((p) => p.message)).toEqual([
      "History row 2, column Offered: nothing was offered to this customer; list the available product ids separated by semicolons",
    ]);
    expect(h.problems[0]).toMatchObject({ row: 2, column: "Purchased", value: "C" });
    expect(h.transactions).toEqual([]);
  });

  test("sheet row numbers and a missing header", () => {
    const h = readHistory(
      [
        ["Offered", "Purchased"],
        ["A", "B"],
      ],
      { productIds: IDS, rowNumber: (r) => r + 5, rowLabel: (r) => `History row ${r + 5}` },
    );
    expect(h.problems[0].message).toBe(
      "History row 6, column Purchased: 'B' was bought but not offered to this customer (offered: A)",
    );
    expect(h.problems[0].row).toBe(6);
    const noHeader = readHistory([["A;B", "A"]]);
    expect(noHeader.problems[0].message).toMatch(
      /^History row 1: no Offered and Purchased column in the header \(found 'A;B' and 'A'\)/,
    );
    expect(readHistory([]).problems[0].message).toMatch(/the history is empty/);
    expect(readHistory([["Offered", "Purchased"]]).problems[0].message).toMatch(/a header but no customers/);
  });
});
