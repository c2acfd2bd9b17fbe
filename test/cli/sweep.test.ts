// `assort sweep`: bad ranges give a clear message and exit code 2; the JSON, the CSV and the workbook's
// "Assort scenarios" sheet say the same thing; each point agrees with `assort optimize --budget B` run alone
// (within noise, same seed); an existing output is not replaced without --force.

import { existsSync } from "node:fs";
import path from "node:path";
import { runCli, SMALL, STACK_FRAME } from "./memoryIo";
import { EXAMPLES, filesIn, readBook, runOnDisk, tempFolder } from "./workbookHelpers";

describe("bad ranges", () => {
  test.each([
    ["5000:1000:1000", /from \(5000\) is above to \(1000\)/],
    ["1000:5000:0", /step must be above 0/],
    ["5000", /gives 1 point; a sweep needs 2 to 50/],
    ["5000,5000", /gives 1 point/],
    ["1:1000000:1", /gives 1,000,000 points; a sweep takes 2 to 50/],
    ["-100,5000", /a budget cannot be negative \(got -100\)/],
    ["lots,5000", /'lots' is not a number/],
    ["1:2:3:4", /neither a list a,b,c nor a range from:to:step/],
  ])("--budget %s", async (range, message) => {
    const r = await runCli(["sweep", SMALL, "--budget", range]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test("no rule, two rules, fractional product counts", async () => {
    expect((await runCli(["sweep", SMALL])).stderr).toMatch(
      /say what to sweep: --budget, --capacity or --max-products/,
    );
    expect((await runCli(["sweep", SMALL, "--budget", "1,2", "--capacity", "3,4"])).stderr).toMatch(
      /one rule at a time/,
    );
    expect((await runCli(["sweep", SMALL, "--max-products", "2.5,4"])).stderr).toMatch(/must be whole \(got 2.5\)/);
  });
});

interface JsonPoint {
  value: number;
  expectedProfit: { mean: number; se: number; low: number; high: number };
  bound: number;
  productsCarried: number;
  units: number;
  buyCost: number;
  grossMarginRate: number;
  fillRate: number;
  marginalProfit: { mean: number } | null;
  plan: { id: string; quantity: number }[];
}

describe("one sweep, three outputs, and optimize alone", () => {
  const { dir, cleanup } = tempFolder();
  afterAll(cleanup);
  const book = path.join(EXAMPLES, "small.xlsx");
  const budgets = [3000, 6000, 9000];
  const args = ["sweep", book, "--budget", budgets.join(","), "--seed", "4", "--time-limit", "600"];
  let points: JsonPoint[];
  let csv: string[][];

  beforeAll(async () => {
    const j = await runOnDisk([...args, "--json", "--out", path.join(dir, "a.xlsx")]);
    expect(j.code).toBe(0);
    points = JSON.parse(j.stdout).points;
    const c = await runOnDisk([...args, "--csv", "--out", path.join(dir, "b.xlsx")]);
    expect(c.code).toBe(0);
    csv = c.stdout
      .trim()
      .split("\n")
      .map((l) => l.split(","));
  }, 900000);

  test("JSON, CSV and the sheet agree", async () => {
    expect(points.map((p) => p.value)).toEqual(budgets);
    expect(csv[0][0]).toBe("Budget");
    expect(csv.length).toBe(budgets.length + 1);
    const wb = await readBook(path.join(dir, "a.xlsx"));
    const ws = wb.getWorksheet("Assort scenarios")!;
    expect(ws).toBeDefined();
    points.forEach((p, k) => {
      const row = csv[k + 1].map(Number);
      expect(row[0]).toBe(p.value);
      expect(row[1]).toBeCloseTo(p.expectedProfit.mean, 6);
      expect(row[4]).toBeCloseTo(p.bound, 6);
      expect(row[5]).toBe(p.productsCarried);
      expect(row[6]).toBe(p.units);
      expect(row[7]).toBeCloseTo(p.buyCost, 6);
      expect(row[9]).toBeCloseTo(p.fillRate, 9);
      expect(ws.getCell(k + 2, 1).value).toBe(p.value);
      expect(ws.getCell(k + 2, 2).value as number).toBeCloseTo(p.expectedProfit.mean, 6);
      expect(ws.getCell(k + 2, 7).value).toBe(p.units);
      // The plans below the table (header, points, a blank row): one column per point, one row per product.
      const top = budgets.length + 4;
      expect(ws.getCell(top - 1, k + 2).value).toBe(`Budget ${p.value}`);
      p.plan.forEach((q, i) => {
        expect(ws.getCell(top + i, 1).value).toBe(q.id);
        expect(ws.getCell(top + i, k + 2).value).toBe(q.quantity);
      });
      expect(p.buyCost).toBeLessThanOrEqual(p.value + 1e-6);
    });
    // Both runs wrote the same sheet (same seed, same points).
    const wb2 = await readBook(path.join(dir, "b.xlsx"));
    expect(wb2.getWorksheet("Assort scenarios")!.getCell(3, 2).value).toBe(ws.getCell(3, 2).value);
  });

  test("each point agrees with assort optimize --budget B alone, within noise", async () => {
    for (const p of points) {
      const r = await runCli(["optimize", SMALL, "--budget", String(p.value), "--seed", "4", "--json"]);
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      const noise = 3 * Math.hypot(p.expectedProfit.se, o.stdError);
      expect(Math.abs(o.expectedProfit - p.expectedProfit.mean)).toBeLessThanOrEqual(
        Math.max(noise, 0.005 * Math.abs(o.expectedProfit)),
      );
    }
  }, 900000);

  test("an existing output is not replaced without --force, and nothing else is written", async () => {
    const r = await runOnDisk([...args, "--out", path.join(dir, "a.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists; pass --force/);
    expect(filesIn(dir)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(existsSync(path.join(EXAMPLES, "small.scenarios.xlsx"))).toBe(false);
  });
});
