// `assort optimize` with a current range: the Actions and Gain lines, the current range's rule breaks, and
// the --json fields (comparison, kpis, rules, per-product action and currentUnits).

import { readFileSync } from "node:fs";
import { run, type Io } from "../../src/cli/run";
import { SMALL } from "./memoryIo";

async function cli(
  argv: string[],
  files: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => (p in files ? files[p] : readFileSync(p, "utf8")),
    writeFile: () => undefined,
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const small = JSON.parse(readFileSync(SMALL, "utf8"));
const withCurrent = JSON.stringify({
  ...small,
  products: small.products.map((p: { demand: number }, i: number) => ({
    ...p,
    currentUnits: i === 2 ? 0 : Math.round(0.8 * p.demand),
    ...(i === 0 ? { lock: true } : {}),
  })),
  constraints: { budget: 4000, maxChanges: 2 },
});

describe("assort optimize with a current range", () => {
  test("human output: actions, the gain over the current range with its interval, the rule it breaks", async () => {
    const r = await cli(["optimize", "cur.json", "--method", "fluid"], { "cur.json": withCurrent });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Actions +keep \d+, add \d+, drop \d+, more \d+, fewer \d+/m);
    expect(r.stdout).toMatch(
      /^Gain over current +[+-][\d,.]+ ± [\d,.]+ \(95% interval [+-]?[\d,.]+ to [+-]?[\d,.]+\) on [\d,]+ paired seasons/m,
    );
    expect(r.stdout).toMatch(/^Current range +breaks the rules: over the budget by [\d,.]+/m);
    expect(r.stdout).toMatch(/of at most 2 changes/);
    expect(r.stdout).toMatch(/action +now +units/);
  });

  test("--json: comparison, kpis, rules; action and currentUnits per product", async () => {
    const r = await cli(["optimize", "cur.json", "--method", "newsvendor", "--json"], { "cur.json": withCurrent });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const c = out.comparison;
    expect(c.seasons).toBeGreaterThanOrEqual(200);
    expect(c.gain.profit.low).toBeLessThanOrEqual(c.gain.profit.mean);
    expect(c.current.buyCost).toBeGreaterThan(4000);
    expect(c.currentBreaks[0]).toMatch(/^over the budget by/);
    expect(out.kpis.expectedProfit.mean).toBeCloseTo(out.expectedProfit, 9);
    expect(out.rules.map((x: { rule: string }) => x.rule)).toEqual(["budget", "maxChanges"]);
    const counts: Record<string, number> = { Keep: 0, Add: 0, Drop: 0, More: 0, Fewer: 0 };
    out.products.forEach(
      (p: { action: string; currentUnits: number; quantity: number; buyValue: number }, i: number) => {
        counts[p.action]++;
        expect(p.currentUnits).toBe(i === 2 ? 0 : Math.round(0.8 * small.products[i].demand));
        expect(p.buyValue).toBeCloseTo(p.quantity * small.products[i].cost, 9);
      },
    );
    expect(out.products[0]).toMatchObject({ action: "Keep", quantity: out.products[0].currentUnits });
    expect(c.actions).toEqual(counts);
  });

  test("without a current range: kpis and rules, no comparison and no actions", async () => {
    const r = await cli(["optimize", SMALL, "--method", "fluid", "--json"], {});
    const out = JSON.parse(r.stdout);
    expect(out.comparison).toBeUndefined();
    expect(out.kpis.productsCarried).toBe(out.plan.length);
    expect(out.rules).toEqual([]);
    expect(out.products.every((p: object) => !("action" in p))).toBe(true);
    const h = await cli(["optimize", SMALL, "--method", "fluid"], {});
    expect(h.stdout).not.toMatch(/Actions|Gain over current/);
  });
});
