// `assort evaluate`: the JSON contract {"expectedProfit", "stdError", "ci95", "products": [{"id",
// "expectedSales", ...}]}, checked against a closed form (one product, Poisson customers: sales =
// E[min(D, x)]); plan ids left out mean 0 units; the same seed gives the same output; the human table.

import { readFileSync } from "node:fs";
import { runCli, SMALL, SMALL_PLAN } from "./memoryIo";

const ONE = JSON.stringify({ products: [{ id: "A", price: 10, cost: 4, salvage: 1, demand: 6 }] });

/** E[min(N, x)] for N ~ Poisson(mean), from the pmf. */
function expectedMin(mean: number, x: number): number {
  let p = Math.exp(-mean);
  let below = 0; // Σ_{k<x} (x − k)·P(N = k)
  for (let k = 0; k < x; k++) {
    below += (x - k) * p;
    p *= mean / (k + 1);
  }
  return x - below;
}

describe("--json", () => {
  test("one product, Poisson(6) customers, 5 units: sales = E[min(N, 5)], profit from it, ci95 = ±1.96 SE", async () => {
    const plan = JSON.stringify({ plan: [{ id: "A", quantity: 5 }] });
    const r = await runCli(
      ["evaluate", "one.json", "--plan", "plan.json", "--reps", "20000", "--seed", "3", "--json"],
      {
        files: { "one.json": ONE, "plan.json": plan },
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    for (const key of ["expectedProfit", "stdError"]) expect(typeof out[key]).toBe("number");
    expect(out.reps).toBe(20000);
    expect(out.seed).toBe(3);
    const sales = expectedMin(6, 5);
    const [p] = out.products;
    expect(p.id).toBe("A");
    expect(p.quantity).toBe(5);
    expect(Math.abs(p.expectedSales - sales)).toBeLessThan(4 * p.salesStdError);
    // profit = 10·sales + 1·(5 − sales) − 4·5
    const profit = 9 * sales + 5 - 20;
    expect(Math.abs(out.expectedProfit - profit)).toBeLessThan(4 * out.stdError);
    expect(out.stdError).toBeGreaterThan(0);
    expect(out.ci95[0]).toBeCloseTo(out.expectedProfit - 1.959964 * out.stdError, 6);
    expect(out.ci95[1]).toBeCloseTo(out.expectedProfit + 1.959964 * out.stdError, 6);
  });

  test("every product is listed with id and expected sales, in instance order; the plan is echoed back", async () => {
    const r = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "200", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ids = (JSON.parse(readFileSync(SMALL, "utf8")) as { products: { id: string }[] }).products.map((p) => p.id);
    expect(out.products.map((p: { id: string }) => p.id)).toEqual(ids);
    for (const p of out.products) {
      expect(typeof p.expectedSales).toBe("number");
      expect(p.expectedSales).toBeGreaterThanOrEqual(0);
      expect(p.expectedSales).toBeLessThanOrEqual(p.quantity);
    }
    // The output can be read back as a plan: it gives the same result.
    const again = await runCli(["evaluate", SMALL, "--plan", "out.json", "--reps", "200", "--json"], {
      files: { "out.json": r.stdout },
    });
    expect(JSON.parse(again.stdout).expectedProfit).toBe(out.expectedProfit);
  });

  test("products missing from the plan get 0 units: same result as listing them with quantity 0", async () => {
    const listed = JSON.parse(readFileSync(SMALL_PLAN, "utf8")) as { plan: { id: string; quantity: number }[] };
    const explicit = { plan: [...listed.plan, { id: "TEE-OLV-L", quantity: 0 }, { id: "TEE-MUS-S", quantity: 0 }] };
    const a = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "300", "--json"]);
    const b = await runCli(["evaluate", SMALL, "--plan", "explicit.json", "--reps", "300", "--json"], {
      files: { "explicit.json": JSON.stringify(explicit) },
    });
    const outA = JSON.parse(a.stdout);
    expect(outA.products.find((p: { id: string }) => p.id === "TEE-OLV-L")).toMatchObject({
      quantity: 0,
      expectedSales: 0,
    });
    expect(outA.products.find((p: { id: string }) => p.id === "TEE-MUS-S")).toMatchObject({
      quantity: 0,
      expectedSales: 0,
    });
    expect(outA.expectedProfit).toBe(JSON.parse(b.stdout).expectedProfit);
  });

  test("an empty plan: nothing sold, profit exactly 0, every customer lost", async () => {
    const r = await runCli(["evaluate", SMALL, "--plan", "empty.json", "--reps", "50", "--json"], {
      files: { "empty.json": '{"plan": []}' },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.expectedProfit).toBe(0);
    expect(out.products.every((p: { expectedSales: number }) => p.expectedSales === 0)).toBe(true);
    expect(out.expectedLostCustomers).toBe(out.expectedCustomers);
  });

  test("the same seed gives identical output; another seed gives another sample", async () => {
    const args = ["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "300", "--json"];
    const a = await runCli([...args, "--seed", "17"]);
    const b = await runCli([...args, "--seed", "17"]);
    const c = await runCli([...args, "--seed", "18"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).expectedProfit).not.toBe(JSON.parse(a.stdout).expectedProfit);
    // Without --seed the default seed is used, so runs repeat too (here with the precision target).
    const d = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--json"]);
    const e = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--json"]);
    expect(d.stdout).toBe(e.stdout);
  });
});

describe("human output", () => {
  test("the summary with the 95% interval, then one row per product", async () => {
    const r = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "200", "--seed", "4"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(
      (await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "200", "--seed", "4", "--json"])).stdout,
    );
    expect(r.stdout).toMatch(/^Expected profit\s+[\d,]+\.\d\d ± [\d,.]+ \(95% interval [\d,.]+ to [\d,.]+\)$/m);
    const shown = Number(/^Expected profit\s+([\d,]+\.\d\d)/m.exec(r.stdout)?.[1].replace(/,/g, ""));
    expect(shown).toBeCloseTo(json.expectedProfit, 2);
    expect(r.stdout).toMatch(/^Simulated\s+200 seasons, seed 4$/m);
    expect(r.stdout).toMatch(
      /^id\s+name\s+qty\s+sales\s+left over\s+sells out\s+first choice\s+fill rate\s+lost\s+from others$/m,
    );
    const rows = r.stdout.split("\n").filter((l) => /^TEE-/.test(l));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/^TEE-BLK-M\s+Crew tee, black, M\s+190\s/);
    // Plan and instance are fine, so nothing on stderr.
    expect(r.stderr).toBe("");
  });

  test("a plan that breaks a rule still evaluates, with a warning on stderr", async () => {
    const inst = JSON.stringify({ ...JSON.parse(ONE), constraints: { budget: 10 } });
    const r = await runCli(["evaluate", "i.json", "--plan", "p.json", "--reps", "50"], {
      files: { "i.json": inst, "p.json": '{"plan": [{"id": "A", "quantity": 5}]}' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*budget/m);
    expect(r.stdout).toMatch(/Expected profit/);
  });
});
