// The Products reader on rows that are not products: gaps are skipped, a stray value under a column with no
// header is named by its cell instead of being read as a product with a blank id, price, cost and demand.

import { readProducts } from "../../src/sheet/products";

const header = ["Product", "Price", "Cost", "Demand", null, null];

test("a gap between products is skipped", () => {
  const out = readProducts([
    header,
    ["A", 10, 4, 5, null, null],
    [null, null, null, null, null, null],
    ["B", 9, 3, 2, null, null],
  ]);
  expect(out.problems).toEqual([]);
  expect(out.products.map((p) => p.id)).toEqual(["A", "B"]);
});

test("a value only under a column with no header is named by its sheet column, not read as a product", () => {
  const cells = [header, ["A", 10, 4, 5, null, null], [null, null, null, null, null, "stray note"]];
  const out = readProducts(cells, { origin: { row: 3, column: 2 } });
  expect(out.products.map((p) => p.id)).toEqual(["A"]);
  expect(out.problems.map((p) => p.message)).toEqual([
    'Products row 5: the only value is in column G, which has no header (it holds "stray note"); clear it if it is not data, or give the column a header.',
  ]);
});

test("without a known address the column is its position in the range", () => {
  const out = readProducts([header, ["A", 10, 4, 5, null, null], [null, null, null, null, 7, null]]);
  expect(out.problems[0].message).toMatch(
    /^Products row 3: the only value is in column 5, which has no header \(it holds "7"\)/,
  );
});

test("a row with a product and a note in a column without a header is still a product", () => {
  const out = readProducts([header, ["A", 10, 4, 5, null, "note"]]);
  expect(out.problems).toEqual([]);
  expect(out.products.map((p) => p.id)).toEqual(["A"]);
});
