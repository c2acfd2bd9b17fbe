// What `assort fit` prints must be usable and true (issue 14): the pasteable From/To/Probability list is
// accepted by validation and `assort bound` even when fitted rows are within 1e-5 of 1; the no-exit remark
// is the same for every layout of one history and names the share who left; a product never offered gets
// no share (not one that depends on where EM started).

import { fitMarkovChain, type Transaction } from "../../src/engine/substitution/fitMarkovChain";
import { validateInstance } from "../../src/engine/model/validate";
import { fluidBound } from "../../src/engine/bound/fluidBound";
import { runCli, STACK_FRAME } from "../cli/memoryIo";
import { fitFromSheet } from "../../src/sheet/fitSheet";

/**
 * Offered sets {A,B,C}, {A,B}, {B,C}, {A,C} in turn; a customer's first choice cycles A, B, C; when it is
 * missing she buys the next product on offer. `leave` of every `of` customers buy nothing whatever is offered.
 */
function customers(total: number, leave: number, of: number): Array<{ offered: string[]; purchased: string }> {
  const sets = [
    ["A", "B", "C"],
    ["A", "B"],
    ["B", "C"],
    ["A", "C"],
  ];
  const out: Array<{ offered: string[]; purchased: string }> = [];
  for (let c = 0; c < total; c++) {
    const offered = sets[c % 4];
    const first = ["A", "B", "C"][Math.floor(c / 4) % 3];
    // Every (set, first choice) pair comes once in 12 customers: leaving is independent of both.
    const leaves = Math.floor(c / 12) % of < leave;
    const substitute = offered[(offered.indexOf(first) + 1) % offered.length] ?? offered[0];
    out.push({ offered, purchased: leaves ? "" : offered.includes(first) ? first : substitute });
  }
  return out;
}

/** The same customers as four layouts: transactions CSV and JSON, per-period CSV and JSON (one period a set). */
function layouts(list: Array<{ offered: string[]; purchased: string }>): Record<string, string> {
  const csv = ["Offered,Purchased", ...list.map((c) => `${c.offered.join(";")},${c.purchased}`)].join("\n") + "\n";
  const json = JSON.stringify(list.map((c) => ({ offered: c.offered, purchased: c.purchased || null })));
  const periods = new Map<string, { available: string[]; sales: Record<string, number>; customers: number }>();
  for (const c of list) {
    const key = c.offered.join(";");
    const p = periods.get(key) ?? { available: c.offered, sales: {}, customers: 0 };
    p.customers++;
    if (c.purchased) p.sales[c.purchased] = (p.sales[c.purchased] ?? 0) + 1;
    periods.set(key, p);
  }
  const rows = ["Period,Product,Available,Sales,Customers"];
  [...periods.values()].forEach((p, k) => {
    for (const id of ["A", "B", "C"])
      rows.push(`${k + 1},${id},${p.available.includes(id) ? 1 : 0},${p.sales[id] ?? 0},${p.customers}`);
  });
  return {
    "h.csv": csv,
    "h.json": json,
    "p.csv": rows.join("\n") + "\n",
    "p.json": JSON.stringify({ periods: [...periods.values()] }),
  };
}

function pasted(stdout: string): Array<{ from: string; to: string; probability: number }> {
  const lines = stdout.split("\n");
  const at = lines.indexOf("From,To,Probability");
  expect(at).toBeGreaterThan(0);
  return lines
    .slice(at + 1)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [from, to, p] = l.split(",");
      return { from, to, probability: Number(p) };
    });
}

describe("assort fit output", () => {
  test("nobody ever leaves: the rows fitted near 1 are pasted below 1, and validation accepts them", async () => {
    const files = layouts(customers(1200, 0, 10));
    const r = await runCli(["fit", "h.csv"], { files });
    expect(r.code).toBe(0);
    const links = pasted(r.stdout);
    const sums = new Map<string, number>();
    for (const l of links) sums.set(l.from, (sums.get(l.from) ?? 0) + l.probability);
    expect(sums.size).toBe(3);
    // The fit itself has rows of 0.999 or more (so said) ...
    const json = JSON.parse((await runCli(["fit", "h.csv", "--json"], { files })).stdout);
    const full = new Map<string, number>();
    for (const l of json.substitution) full.set(l.from, (full.get(l.from) ?? 0) + l.probability);
    for (const s of full.values()) expect(s).toBeGreaterThan(0.999);
    expect(r.stderr).toContain(
      "the estimate sends (nearly) every customer who found these products missing to a substitute",
    );
    // ... the pasted rows are below 1, so the instance validates.
    for (const s of sums.values()) expect(s).toBeLessThan(1);
    const instance = {
      products: ["A", "B", "C"].map((id) => ({ id, price: 10, cost: 4, demand: 100 })),
      substitution: links,
    };
    // What `assort bound` reads first (its realistic ceiling then takes seconds, so the fluid bound stands in).
    const model = validateInstance(instance);
    expect(fluidBound(model).value).toBeGreaterThan(0);
  });

  test("the no-exit remark is the same for the four layouts of one history, and names who left", async () => {
    // Half the customers buy nothing whatever is offered; the rest always take a substitute.
    const files = layouts(customers(1200, 5, 10));
    expect(files["h.csv"].match(/,\n/g)?.length).toBe(600);
    const remarks: string[] = [];
    for (const name of Object.keys(files)) {
      // The default tolerance: EM stops near rows of 0.996 here, and the data still decides the remark.
      const r = await runCli(["fit", name, "--json"], { files });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      const noExit = out.warnings.filter((w: { kind: string }) => w.kind === "no-exit");
      expect(noExit).toHaveLength(1);
      expect(noExit[0].products).toEqual(["A", "B", "C"]);
      remarks.push(noExit[0].message);
      expect(noExit[0].message).toContain("a no-purchase share of 50.0%");
      expect(noExit[0].message).toContain(
        "no more often when these were missing (50.0%) than when they were on offer (50.0%)",
      );
      expect(noExit[0].message).not.toMatch(/no customer .* left/);
    }
    expect(new Set(remarks).size).toBe(1);
  });

  test("nobody leaves: =ASSORT.FIT's remark is the one assort fit gives, at the default tolerance", async () => {
    const list = customers(1200, 0, 10);
    const cli = JSON.parse((await runCli(["fit", "h.csv", "--json"], { files: layouts(list) })).stdout);
    const cells = [["Offered", "Purchased"], ...list.map((c) => [c.offered.join(";"), c.purchased])];
    const sheet = fitFromSheet(cells, ["A", "B", "C"], {});
    const kinds = (ws: Array<{ kind: string }>) => ws.map((w) => w.kind);
    expect(kinds(cli.warnings)).toContain("no-exit");
    expect(kinds(sheet.warnings)).toContain("no-exit");
    const message = (ws: Array<{ kind: string; message: string }>) => ws.find((w) => w.kind === "no-exit")?.message;
    expect(message(sheet.warnings)).toBe(message(cli.warnings));
    expect(message(cli.warnings)).toContain("nobody in this history left without buying");
  });

  test("80% of those whose product is missing leave: no no-exit remark in any layout, nor from =ASSORT.FIT", async () => {
    // When the first choice is missing, 4 in 5 of those customers leave; the rest buy the next product.
    const list = customers(1200, 0, 10).map((c, k) => {
      const first = ["A", "B", "C"][Math.floor(k / 4) % 3];
      const leaves = Math.floor(k / 12) % 5 < 4;
      return { offered: c.offered, purchased: c.offered.includes(first) || !leaves ? c.purchased : "" };
    });
    const files = layouts(list);
    for (const name of Object.keys(files)) {
      const r = await runCli(["fit", name, "--json"], { files });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.warnings.map((w: { kind: string }) => w.kind)).not.toContain("no-exit");
    }
    const cells = [["Offered", "Purchased"], ...list.map((c) => [c.offered.join(";"), c.purchased])];
    expect(fitFromSheet(cells, ["A", "B", "C"], {}).warnings.map((w) => w.kind)).not.toContain("no-exit");
  });

  test("customers who leave when their product is missing: no no-exit remark", async () => {
    // Every customer whose first choice is missing leaves; all others buy it.
    const list = customers(1200, 0, 10).map((c, k) => {
      const first = ["A", "B", "C"][Math.floor(k / 4) % 3];
      return { offered: c.offered, purchased: c.offered.includes(first) ? first : "" };
    });
    const r = await runCli(["fit", "h.csv", "--json"], { files: layouts(list) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.warnings.map((w: { kind: string }) => w.kind)).not.toContain("no-exit");
  });

  test("a product never offered is not estimable: null in JSON, said in the table, not in the shares", async () => {
    const files = { ...layouts(customers(1200, 3, 10)), "products.csv": "Product\nA\nB\nC\nD\n" };
    const j = await runCli(["fit", "h.csv", "--products", "products.csv", "--json"], { files });
    expect(j.code).toBe(0);
    const out = JSON.parse(j.stdout);
    const d = out.products.find((p: { id: string }) => p.id === "D");
    expect(d.demandShare).toBeNull();
    const total = out.products.reduce((a: number, p: { demandShare: number | null }) => a + (p.demandShare ?? 0), 0);
    expect(total + out.noPurchaseShare).toBeCloseTo(1, 9);
    expect(JSON.stringify(out.warnings)).toContain("not estimable");
    const h = await runCli(["fit", "h.csv", "--products", "products.csv"], { files });
    expect(h.stdout).toMatch(/^D\s+not estimable/m);
    expect(h.stderr + h.stdout).not.toMatch(STACK_FRAME);
  });
});

describe("fitMarkovChain: a product never offered", () => {
  test("gets share 0 and leaves the others' shares and the likelihood as without it", () => {
    // Products 0..2 offered in varying sets; product 3 never.
    const tx: Transaction[] = [];
    const sets = [
      [0, 1, 2],
      [0, 1],
      [1, 2],
      [0, 2],
    ];
    for (let c = 0; c < 800; c++) {
      const offered = sets[c % 4];
      const want = Math.floor(c / 4) % 4; // 3 = wants nothing
      tx.push({ offered, purchased: offered.includes(want) ? want : c % 3 === 0 ? -1 : offered[0] });
    }
    const without = fitMarkovChain(3, tx, [], { tolerance: 1e-13 });
    const withIt = fitMarkovChain(4, tx, [], { tolerance: 1e-13 });
    expect(withIt.lambda[3]).toBe(0);
    // The same optimum: a zero share loses no likelihood (shares on this history lie on a ridge, so they are
    // not compared).
    expect(Math.abs(withIt.logLikelihood - without.logLikelihood)).toBeLessThan(1e-6 * Math.abs(without.logLikelihood));
    expect(withIt.diagnostics.neverOffered).toEqual([3]);
  });
});
