// The What-if curve's SVG and its screen-reader table, parsed as XML: one band, the profit line inside it,
// the bound dashed above, axis labels, one focusable point per sweep point placed by its value, text escaped.

import { XMLParser } from "fast-xml-parser";
import { whatIfChartSvg, whatIfTable, type CurvePoint } from "../../src/taskpane/whatIfChart";

const POINTS: CurvePoint[] = [40000, 50000, 60000, 70000, 80000].map((x, i) => {
  const mean = 50000 + 9000 * i - 600 * i * i;
  return { x, mean, low: mean - 300, high: mean + 300, bound: mean * 1.08 };
});
const LABELS = { x: "Budget", y: "Expected profit", title: "Profit <against> budget & more" };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Node[];

function coords(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

test("one band around the profit line, the bound above it, a point per value, axis labels", () => {
  const svg = parser.parse(whatIfChartSvg(POINTS, LABELS)).svg as Node;
  expect(svg.role).toBe("img");
  expect(svg.title).toMatchObject({ "#text": "Profit <against> budget & more" });
  const paths = list(svg.path);
  expect(paths.filter((p) => p.class === "band")).toHaveLength(1);
  const band = coords(paths.find((p) => p.class === "band")!.d as string);
  const profit = coords(paths.find((p) => p.class === "profit")!.d as string);
  const bound = coords(paths.find((p) => p.class === "bound")!.d as string);
  expect(band).toHaveLength(2 * POINTS.length);
  expect(profit).toHaveLength(POINTS.length);
  profit.forEach(([x, y], i) => {
    const [hx, hy] = band[i]; // upper edge, left to right
    const [lx, ly] = band[band.length - 1 - i]; // lower edge, right to left
    expect(hx).toBeCloseTo(x, 6);
    expect(lx).toBeCloseTo(x, 6);
    // SVG y grows downwards: high above the line, low below it, the bound above both.
    expect(hy).toBeLessThan(y);
    expect(ly).toBeGreaterThan(y);
    expect(bound[i][1]).toBeLessThan(hy);
    if (i > 0) {
      expect(x).toBeGreaterThan(profit[i - 1][0]);
      expect(y).toBeLessThan(profit[i - 1][1]); // profit rises with the budget here
    }
  });
  const texts = list(svg.text).map((t) => t["#text"]);
  expect(texts).toEqual(expect.arrayContaining(["Budget", "Expected profit"]));
  const dots = list((svg.g as Node[]).find((g) => g.circle !== undefined)!.circle);
  expect(dots.map((c) => c["data-point"])).toEqual(["0", "1", "2", "3", "4"]);
  dots.forEach((c, i) => {
    expect(Number(c.cy)).toBeCloseTo(profit[i][1], 1);
    expect(c.tabindex).toBe("0");
    expect(String(c["aria-label"])).toContain("Write this plan");
  });
});

test("the table holds every value, escaped", () => {
  const html = whatIfTable(POINTS, LABELS);
  const t = parser.parse(html).table as Node;
  expect(t.caption).toBe("Profit <against> budget & more");
  const rows = list((t.tbody as Node).tr);
  expect(rows).toHaveLength(5);
  expect(rows[0].th).toMatchObject({ "#text": "40,000" });
  // Each row writes its own point's plan.
  const buttons = rows.map((r) => (list(r.td)[3].button as Node) ?? {});
  expect(buttons.map((b) => b["data-point"])).toEqual(["0", "1", "2", "3", "4"]);
  expect(buttons[1]["aria-label"]).toBe("Write the plan at Budget 50,000 to the plan sheet");
  expect(html).not.toMatch(/<against>/);
});
