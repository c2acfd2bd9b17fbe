// The Attributes range → similarity substitution: header, Weight row, Strength column and argument, and
// mistakes named by row and column. Row sums are checked against the strengths given.

import { readAttributes, similarityFromSheet } from "../../src/sheet/attributes";

const IDS = ["T1", "T2", "J1", "NEW"];
const CELLS = [
  ["Product", "Category", "Colour", "Size", "Price band", "Strength"],
  ["T1", "Tee", "Black", "M", 1, "60%"],
  ["T2", "Tee", "Black", "L", 1, ""],
  ["J1", "Jeans", "Blue", "M", 3, 0.2],
];

function rowSums(links: Array<{ from: string; probability: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of links) out[l.from] = (out[l.from] ?? 0) + l.probability;
  return out;
}

describe("similarityFromSheet", () => {
  test("rows sum to the Strength column where given, else to the argument; products without a row get none", () => {
    const res = similarityFromSheet(IDS, CELLS, 0.4);
    expect(res.problems).toEqual([]);
    const sums = rowSums(res.links);
    expect(sums.T1).toBeCloseTo(0.6, 12);
    expect(sums.T2).toBeCloseTo(0.4, 12);
    expect(sums.J1).toBeCloseTo(0.2, 12);
    expect(sums.NEW).toBeUndefined();
    expect(res.links.some((l) => l.to === "NEW")).toBe(false);
    expect(res.warnings).toEqual(["no attributes for product NEW: their customers leave when they are missing"]);
  });

  test("T1's nearest substitute is T2 (same category, colour, band); a Weight row can make size dominate", () => {
    const plain = similarityFromSheet(IDS, CELLS);
    const p = (from: string, to: string) => plain.links.find((l) => l.from === from && l.to === to)?.probability ?? 0;
    expect(p("T1", "T2")).toBeGreaterThan(p("T1", "J1"));
    const weighted = [CELLS[0], ["Weight", 0, 0, 5, 0, ""], ...CELLS.slice(1)];
    const w = similarityFromSheet(IDS, weighted);
    const q = (from: string, to: string) => w.links.find((l) => l.from === from && l.to === to)?.probability ?? 0;
    // Only size counts: T1 (M) matches J1 (M) fully and T2 (L) not at all.
    expect(q("T1", "J1")).toBeCloseTo(0.6, 12);
    expect(q("T1", "T2")).toBe(0);
  });

  test("mistakes are named by row and column", () => {
    const bad = [
      ["Product", "Category", "Strength"],
      ["T1", "Tee", "1.5"],
      ["T9", "Tee", ""],
      ["T1", "Tee", ""],
      ["", "Tee", ""],
    ];
    const res = similarityFromSheet(IDS, bad, 0.3);
    expect(res.problems.map((p) => p.message)).toEqual([
      "Attributes row 2, column Strength: '1.5' is not a share; use a number from 0 to 1 (or 0% to 100%)",
      "Attributes row 3, column Product: 'T9' is not a product; did you mean 'T1'?",
      "Attributes row 4, column Product: 'T1' already has attributes in Attributes row 2",
      "Attributes row 5, column Product: the product id is blank",
    ]);
    expect(res.links).toEqual([]);
    expect(similarityFromSheet(IDS, CELLS, "lots").problems[0].message).toMatch(/^Strength: 'lots' is not a share/);
    expect(readAttributes([["Name", "Colour"]], IDS).problems[0].message).toMatch(/no Product column/);
  });

  test("strength 1 for products that only lead to each other is refused with their ids", () => {
    const cells = [
      ["Product", "Category"],
      ["T1", "Tee"],
      ["T2", "Tee"],
    ];
    const res = similarityFromSheet(["T1", "T2"], cells, 1);
    expect(res.problems[0].message).toMatch(
      /^Strength: with a strength of 1, customers of 'T1', 'T2' would pass among them forever/,
    );
  });
});
