// `assort bound`: the JSON contract {"bound", "fluidSales", "assortment"} with values worked out by hand,
// and the human summary and table.

import { readFileSync } from "node:fs";
import { runCli, SMALL, STACK_FRAME } from "./memoryIo";

// B's customers are worth more walking to A (0.6 × margin 10 = 6) than buying B (margin 4): the fluid
// assortment is {A}. C loses money and is never sold; half of its 10 customers walk to B and 0.6 of those on
// to A. So A sells 100 + 0.6 × 50 + 0.6 × 0.5 × 10 = 133, and the bound is 10 × 133 = 1330.
const HAND = JSON.stringify({
  products: [
    { id: "A", price: 20, cost: 10, demand: 100 },
    { id: "B", price: 10, cost: 6, demand: 50 },
    { id: "C", price: 5, cost: 6, demand: 10 },
  ],
  substitution: [
    { from: "B", to: "A", probability: 0.6 },
    { from: "C", to: "B", probability: 0.5 },
  ],
});

describe("--json", () => {
  test("a hand-worked instance: bound 1330, assortment [A], fluid sales {A: 133}", async () => {
    const r = await runCli(["bound", "hand.json", "--json"], { files: { "hand.json": HAND } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.bound).toBeCloseTo(1330, 9);
    expect(out.assortment).toEqual(["A"]);
    expect(Object.keys(out.fluidSales)).toEqual(["A"]);
    expect(out.fluidSales.A).toBeCloseTo(133, 9);
  });

  test("examples/small.json: every product has a positive margin and no product beats its own, so bound = Σ D·(p − c)", async () => {
    const inst = JSON.parse(readFileSync(SMALL, "utf8")) as {
      products: { id: string; price: number; cost: number; demand: number }[];
    };
    const r = await runCli(["bound", SMALL, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(typeof out.bound).toBe("number");
    // No substitute has a margin above a product's own (margins 14.5–17, substitution shares ≤ 0.6): selling
    // beats walking on everywhere, so the fluid assortment is everything and each sells its own demand.
    const expected = inst.products.reduce((s, p) => s + p.demand * (p.price - p.cost), 0);
    expect(out.bound).toBeCloseTo(expected, 6);
    expect(out.assortment).toEqual(inst.products.map((p) => p.id));
    for (const p of inst.products) expect(out.fluidSales[p.id]).toBeCloseTo(p.demand, 9);
  });

  test("says which bound it is and which of the instance's rules it ignores", async () => {
    const withRules = JSON.stringify({ ...JSON.parse(HAND), constraints: { budget: 500 } });
    const out = JSON.parse((await runCli(["bound", "r.json", "--json"], { files: { "r.json": withRules } })).stdout);
    // The budget is priced into the bound (as optimize shows it), so it is not among the rules left out.
    expect(out.boundKind).toBe("fluid");
    expect(out.boundLabel).toBe("fluid LP bound with the budget");
    expect(out.ignoredConstraints).toEqual([]);
    const loose = JSON.parse((await runCli(["bound", "hand.json", "--json"], { files: { "hand.json": HAND } })).stdout);
    expect(out.bound).toBeLessThanOrEqual(loose.bound + 1e-9);
    const withLimit = JSON.stringify({ ...JSON.parse(HAND), constraints: { maxProducts: 1 } });
    const limited = JSON.parse(
      (await runCli(["bound", "m.json", "--json"], { files: { "m.json": withLimit } })).stdout,
    );
    expect(limited.ignoredConstraints).toEqual(["maxProducts"]);
    expect(limited.bound).toBeCloseTo(loose.bound, 9);
  });

  test("warnings (a price below cost) are in the JSON, not on stderr", async () => {
    const r = await runCli(["bound", "hand.json", "--json"], { files: { "hand.json": HAND } });
    const out = JSON.parse(r.stdout);
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(out.warnings)).toMatch(/C/);
    expect(r.stderr).toBe("");
  });
});

describe("human output", () => {
  test("a summary with the bound, then a table of the fluid assortment", async () => {
    const r = await runCli(["bound", "hand.json"], { files: { "hand.json": HAND } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fluid upper bound\s+1,330\.00/);
    expect(r.stdout).toMatch(/1 of 3 products/);
    const lines = r.stdout.split("\n");
    const header = lines.findIndex((l) => /^id\s+fluid sales\s+first choice\s+margin\s+fluid profit/.test(l));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 2]).toMatch(/^A\s+133\.0\s+100\.0\s+10\.00\s+1,330\.00$/);
    // Only the assortment is listed.
    expect(r.stdout).not.toMatch(/^B\s/m);
    // The price-below-cost warning goes to stderr, apart from the results.
    expect(r.stderr).toMatch(/^warning: .*C/m);
    expect(r.stdout).not.toMatch(/warning/);
  });

  test("--top limits the rows and says so", async () => {
    const r = await runCli(["bound", SMALL, "--top", "3"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^TEE-/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(["TEE-BLK-M", "TEE-WHT-M", "TEE-BLK-L"]);
    expect(r.stdout).toMatch(/--top all/);
  });

  test("no product with a positive margin: says the best plan stocks nothing", async () => {
    const none = JSON.stringify({ products: [{ id: "X", price: 5, cost: 6, demand: 10 }] });
    const r = await runCli(["bound", "n.json"], { files: { "n.json": none } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fluid upper bound\s+0\.00/);
    expect(r.stdout).toMatch(/stocks nothing/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
