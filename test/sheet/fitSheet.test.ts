// =ASSORT.FIT's core: a History range whose estimate is known by hand, in both layouts, and a range with
// mistakes (nothing estimated, the cells named).

import { fitFromSheet } from "../../src/sheet/fitSheet";

/** {A,B}: 50 A, 30 B, 20 none; {A}: 70 A, 30 none; {B}: 45 B, 55 none ⇒ λ = (.5, .3), λ_0 = .2, ρ[B][A] = 2/3, ρ[A][B] = .3. */
const TRANSACTIONS: unknown[][] = [
  ["Offered", "Purchased", "Count"],
  ["A;B", "A", 50],
  ["A;B", "B", 30],
  ["A;B", "", 20],
  ["A", "A", 70],
  ["A", "", 30],
  ["B", "B", 45],
  ["B", "", 55],
];

function link(fit: ReturnType<typeof fitFromSheet>, from: string, to: string): number | undefined {
  return fit.links.find((l) => l.from === from && l.to === to)?.probability;
}

describe("fitFromSheet", () => {
  test("transactions with counts give the hand estimate", () => {
    const fit = fitFromSheet(TRANSACTIONS, ["A", "B"], { tolerance: 0, maxIterations: 20000 });
    expect(fit.problems).toEqual([]);
    expect(fit.noPurchaseShare).toBeCloseTo(0.2, 6);
    expect(fit.products).toEqual([
      { id: "A", demandShare: expect.closeTo(0.5, 6) },
      { id: "B", demandShare: expect.closeTo(0.3, 6) },
    ]);
    expect(link(fit, "B", "A")).toBeCloseTo(2 / 3, 5);
    expect(link(fit, "A", "B")).toBeCloseTo(0.3, 5);
    expect(fit.warnings).toEqual([]);
  });

  test("per-period sales without customer counts: Poisson arrivals, 80 customers per period wanting a product", () => {
    const cells = [
      ["Week", "Product", "Available", "Sales"],
      [1, "A", true, 50],
      [1, "B", true, 30],
      [2, "A", true, 70],
      [2, "B", false, 0],
      [3, "A", false, 0],
      [3, "B", true, 45],
    ];
    const fit = fitFromSheet(cells, undefined, { tolerance: 0, maxIterations: 20000 });
    expect(fit.customersPerPeriod).toBeCloseTo(80, 4);
    expect(fit.products[0].demandShare).toBeCloseTo(5 / 8, 6);
    expect(link(fit, "B", "A")).toBeCloseTo(2 / 3, 5);
    expect(fit.warnings.map((w) => w.kind)).toEqual(["no-purchase-unknown"]);
  });

  test("a range with mistakes estimates nothing and names the cells", () => {
    const fit = fitFromSheet(
      [
        ["Offered", "Purchased"],
        ["A;B", "C"],
      ],
      ["A", "B", "C"],
    );
    expect(fit.links).toEqual([]);
    expect(fit.problems.map((p) => p.message)).toEqual([
      "History row 2, column Purchased: 'C' was bought but not offered to this customer (offered: A; B)",
    ]);
  });
});
