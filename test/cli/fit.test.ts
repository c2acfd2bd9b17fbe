// `assort fit`: the JSON contract on a history whose maximum-likelihood estimate is worked out by hand,
// the human output's substitution list feeding an instance, the example history against the chain it was
// drawn from, and bad histories: clear messages naming the line and value, exit code 1, no stack trace.

import { Workbook } from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { run, type Io } from "../../src/cli/run";
import { validateInstance } from "../../src/engine/model/validate";
import { ROOT, runCli, SMALL, STACK_FRAME } from "./memoryIo";

/**
 * Two products. Offered {A,B}: 50 buy A, 30 B, 20 nothing. Offered {A}: 70 A, 30 nothing. Offered {B}: 45 B,
 * 55 nothing. The model has as many free parameters as these frequencies (4), so the estimate reproduces them:
 * λ_A = .5, λ_B = .3, λ_0 = .2; P_A({A}) = λ_A + λ_B·ρ[B][A] = .7 → ρ[B][A] = 2/3; P_B({B}) = .3 + .5·ρ[A][B] = .45 → ρ[A][B] = .3.
 */
function handHistory(): string {
  const rows = ["Offered,Purchased"];
  const add = (offered: string, bought: string, k: number) => {
    for (let i = 0; i < k; i++) rows.push(`${offered},${bought}`);
  };
  add("A;B", "A", 50);
  add("A;B", "B", 30);
  add("A;B", "", 20);
  add("A", "A", 70);
  add("A", "", 30);
  add("B", "B", 45);
  add("B", "", 55);
  return rows.join("\n") + "\n";
}

describe("assort fit --json", () => {
  test("a history whose estimate is known by hand", async () => {
    const r = await runCli(["fit", "h.csv", "--json", "--tolerance", "0", "--max-iterations", "20000"], {
      files: { "h.csv": handHistory() },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.noPurchaseShare).toBeCloseTo(0.2, 6);
    expect(out.products.map((p: { id: string }) => p.id)).toEqual(["A", "B"]);
    expect(out.products[0].demandShare).toBeCloseTo(0.5, 6);
    expect(out.products[1].demandShare).toBeCloseTo(0.3, 6);
    const link = (from: string, to: string) =>
      out.substitution.find((l: { from: string; to: string }) => l.from === from && l.to === to)?.probability;
    expect(link("B", "A")).toBeCloseTo(2 / 3, 5);
    expect(link("A", "B")).toBeCloseTo(0.3, 5);
    // Log-likelihood of the data at the frequencies themselves.
    const ll =
      50 * Math.log(0.5) +
      30 * Math.log(0.3) +
      20 * Math.log(0.2) +
      70 * Math.log(0.7) +
      30 * Math.log(0.3) +
      45 * Math.log(0.45) +
      55 * Math.log(0.55);
    expect(out.logLikelihood).toBeCloseTo(ll, 6);
    expect(Number.isInteger(out.iterations)).toBe(true);
    expect(out.warnings).toEqual([]);
  });

  test("the same history as JSON transactions, and as periods with customer counts, give the same estimate", async () => {
    const tx: unknown[] = [];
    const periods = [
      { available: ["A", "B"], sales: { A: 50, B: 30 }, customers: 100 },
      { available: ["A"], sales: { A: 70 }, customers: 100 },
      { available: ["B"], sales: { B: 45 }, customers: 100 },
    ];
    for (const p of periods) {
      for (const [id, k] of Object.entries(p.sales))
        for (let i = 0; i < k; i++) tx.push({ offered: p.available, purchased: id });
      const sold = Object.values(p.sales).reduce((s, x) => s + x, 0);
      for (let i = 0; i < p.customers - sold; i++) tx.push({ offered: p.available, purchased: null });
    }
    const a = JSON.parse(
      (await runCli(["fit", "t.json", "--json"], { files: { "t.json": JSON.stringify(tx) } })).stdout,
    );
    const b = JSON.parse(
      (await runCli(["fit", "p.json", "--json"], { files: { "p.json": JSON.stringify({ periods }) } })).stdout,
    );
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    expect(b.products[0].demandShare).toBeCloseTo(a.products[0].demandShare, 8);
    expect(a.products[0].demandShare).toBeCloseTo(0.5, 3);
  });

  test("per-period sales CSV: with customer counts the hand estimate again; without them Poisson arrivals", async () => {
    // The same three situations as one period each. Without counts, sales rates are Λ·P_j(S) with λ_0 = 0:
    // Λ·λ_A = 50, Λ·λ_B = 30 ⇒ Λ = 80, λ_A = 5/8; Λ(λ_A + λ_B·ρ[B][A]) = 70 ⇒ ρ[B][A] = 2/3; Λ(λ_B + λ_A·ρ[A][B]) = 45 ⇒ ρ[A][B] = 0.3.
    const withCounts =
      "Period,Product,Available,Sales,Customers\n1,A,TRUE,50,100\n1,B,TRUE,30,100\n2,A,TRUE,70,100\n2,B,FALSE,0,100\n3,A,FALSE,0,100\n3,B,TRUE,45,100\n";
    const args = ["--json", "--tolerance", "0", "--max-iterations", "20000"];
    const a = JSON.parse((await runCli(["fit", "p.csv", ...args], { files: { "p.csv": withCounts } })).stdout);
    expect(a.noPurchaseShare).toBeCloseTo(0.2, 6);
    expect(a.products[0].demandShare).toBeCloseTo(0.5, 6);
    const noCounts = withCounts.replace(/,100\n/g, ",\n");
    const r = await runCli(["fit", "p.csv", ...args], { files: { "p.csv": noCounts } });
    const b = JSON.parse(r.stdout);
    expect(b.noPurchaseShare).toBe(0);
    expect(b.customersPerPeriod).toBeCloseTo(80, 4);
    expect(b.products[0].demandShare).toBeCloseTo(5 / 8, 6);
    const link = (from: string, to: string) =>
      b.substitution.find((l: { from: string; to: string }) => l.from === from && l.to === to)?.probability;
    expect(link("B", "A")).toBeCloseTo(2 / 3, 5);
    expect(link("A", "B")).toBeCloseTo(0.3, 5);
    expect(b.warnings.map((w: { kind: string }) => w.kind)).toContain("no-purchase-unknown");
    const bad = await runCli(["fit", "p.csv"], { files: { "p.csv": "Period,Product,Available,Sales\n1,A,FALSE,3\n" } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("line 2, column Sales: 3 units sold while 'A' was not available");
    // Lines are still named right past blank lines and a quoted line break, and when periods' rows are apart
    // (the reader reads the file again).
    const apart = 'Period,Product,Available,Sales\n1,A,1,3\n\n\n2,"A",1,2\n1,"B\nB",1,1\n2,A,1,4\n';
    const twice = await runCli(["fit", "p.csv"], { files: { "p.csv": apart } });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("line 8, column Product: 'A' already has a row for period '2' (line 5)");
  });

  test("a product that was always offered gets a warning and no substitutes", async () => {
    const csv = "Offered,Purchased\nA;B,A\nA;B,\nA,A\nA,\nA;B,B\n";
    const r = await runCli(["fit", "h.csv", "--json"], { files: { "h.csv": csv } });
    const out = JSON.parse(r.stdout);
    expect(out.substitution.some((l: { from: string }) => l.from === "A")).toBe(false);
    const w = out.warnings.find((x: { kind: string }) => x.kind === "unidentified-row");
    expect(w.products).toEqual(["A"]);
  });
});

describe("assort fit: human output and the example history", () => {
  test("examples/small.history.csv comes back close to examples/small.json, and its list feeds an instance", async () => {
    const history = path.join(ROOT, "examples", "small.history.csv");
    const r = await runCli(["fit", history, "--products", SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Log-likelihood\s+-[\d,.]+ after [\d,]+ iterations \(converged\)/);
    expect(r.stdout).toMatch(/No-purchase share\s+\d+\.\d% of customers/);
    const list = r.stdout
      .slice(r.stdout.indexOf("From,To,Probability\n") + 20)
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const instance = JSON.parse(readFileSync(SMALL, "utf8"));
    // The script drew 20% no-purchase customers and the rest by small.json's demand.
    const json = JSON.parse((await runCli(["fit", history, "--products", SMALL, "--json"])).stdout);
    const total = instance.products.reduce((s: number, p: { demand: number }) => s + p.demand, 0);
    expect(json.noPurchaseShare).toBeCloseTo(0.2, 1);
    instance.products.forEach((p: { demand: number }, i: number) =>
      expect(Math.abs(json.products[i].demandShare - (0.8 * p.demand) / total)).toBeLessThan(0.02),
    );
    instance.substitution = list.map(([from, to, probability]) => ({ from, to, probability: Number(probability) }));
    expect(instance.substitution.length).toBe(json.substitution.length);
    expect(() => validateInstance(instance)).not.toThrow();
  });
});

describe("assort fit --links", () => {
  test("restricting the links to small.json's own keeps every estimate on them and brings ρ closer to the truth", async () => {
    const history = path.join(ROOT, "examples", "small.history.csv");
    const instance = JSON.parse(readFileSync(SMALL, "utf8")) as {
      substitution: Array<{ from: string; to: string; probability: number }>;
    };
    const truth = new Map(instance.substitution.map((l) => [`${l.from}>${l.to}`, l.probability]));
    // Error in where customers of the five best-selling tees go (rows with thousands of stock-out customers).
    const rowError = (links: Array<{ from: string; to: string; probability: number }>) => {
      const busy = ["TEE-BLK-M", "TEE-BLK-L", "TEE-WHT-M", "TEE-WHT-L", "TEE-NVY-M"];
      const est = new Map(links.map((l) => [`${l.from}>${l.to}`, l.probability]));
      let err = 0;
      for (const key of new Set([...truth.keys(), ...est.keys()]))
        if (busy.includes(key.split(">")[0])) err += Math.abs((est.get(key) ?? 0) - (truth.get(key) ?? 0));
      return err;
    };
    const free = JSON.parse((await runCli(["fit", history, "--json"])).stdout);
    const tied = JSON.parse((await runCli(["fit", history, "--json", "--links", SMALL])).stdout);
    for (const l of tied.substitution) expect(truth.has(`${l.from}>${l.to}`)).toBe(true);
    expect(rowError(tied.substitution)).toBeLessThan(rowError(free.substitution));
    const bad = await runCli(["fit", history, "--links", "links.csv"], {
      files: { "links.csv": "From,To\nTEE-BLK-M,TEE-BLK-X\n" },
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("line 2: 'TEE-BLK-X' is not a product of the history");
  });
});

describe("assort fit: bad histories", () => {
  async function fails(csv: string, args: string[] = []): Promise<string> {
    const r = await runCli(["fit", "bad.csv", ...args], {
      files: { "bad.csv": csv, "products.csv": "Product,Price\nA,10\nB,12\nTEE-1,3\n" },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(STACK_FRAME);
    return r.stderr;
  }

  test("an unknown id when --products is given names the line, the column and the id, with a suggestion", async () => {
    const msg = await fails("Offered,Purchased\nA;B,A\nA;TEE-l,A\n", ["--products", "products.csv"]);
    expect(msg).toContain("line 3, column Offered: 'TEE-l' is not a product; did you mean 'TEE-1'?");
  });

  test("an empty offered set", async () => {
    expect(await fails("Offered,Purchased\nA;B,A\n,\n;,B\n")).toContain("line 4, column Offered: nothing was offered");
  });

  test("a purchase of a product not offered", async () => {
    expect(await fails("Offered,Purchased\nA;B,A\nA,B\n")).toContain(
      "line 3, column Purchased: 'B' was bought but not offered to this customer (offered: A)",
    );
  });

  test("malformed CSV: an unclosed quote, and a quote in the middle of a field", async () => {
    expect(await fails('Offered,Purchased\n"A;B,A\n')).toMatch(/not valid CSV: line 2: a quoted field is never closed/);
    expect(await fails('Offered,Purchased\nA;B,A"x\n')).toMatch(
      /not valid CSV: line 2: a '"' in the middle of a field/,
    );
  });

  test("a header without the columns, every problem listed, lines counted across quoted line breaks", async () => {
    expect(await fails("Items,Result\nA,A\n")).toContain(
      "line 1: no Offered and Purchased column in the header (found 'Items' and 'Result')",
    );
    const msg = await fails('Offered,Purchased\n"A;\nB",C\nA,B\n');
    expect(msg).toContain("2 problems");
    expect(msg).toContain("line 2, column Purchased: 'C' was bought but not offered");
    expect(msg).toContain("line 4, column Purchased: 'B' was bought but not offered");
  });

  test("missing file and bad options", async () => {
    const r = await runCli(["fit", "nowhere.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot read the history file 'nowhere.csv': no such file");
    const t = await runCli(["fit", "h.csv", "--tolerance", "abc"], { files: { "h.csv": handHistory() } });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("--tolerance 'abc' is not a valid tolerance");
  });
});

describe("assort fit book.xlsx", () => {
  async function runWithWorkbook(
    argv: string[],
    book: Workbook,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    let stdout = "";
    let stderr = "";
    const io: Io = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readFile: () => {
        throw Object.assign(new Error("no text files here"), { code: "ENOENT" });
      },
      readBinary: () => bytes,
      isTTY: false,
    };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  }

  function book(history: unknown[][], products?: string[]): Workbook {
    const wb = new Workbook();
    if (products) {
      const p = wb.addWorksheet("Products");
      p.addRow(["Product", "Price"]);
      for (const id of products) p.addRow([id, 10]);
    }
    const h = wb.addWorksheet("Sales history");
    h.addRow(["Sales history, week 1-20"]);
    h.addRow([]);
    for (const row of history) h.addRow(row);
    return wb;
  }

  test("the History sheet gives the hand estimate; problems are named by sheet row and column", async () => {
    const rows: unknown[][] = [
      [null, null],
      ["Offered", "Purchased"],
    ];
    for (const line of handHistory().trim().split("\n").slice(1)) rows.push(line.split(","));
    // Excel does not allow a sheet called History; "Sales history" is the name the reader looks for first.
    const wb = new Workbook();
    const h = wb.addWorksheet("Sales history");
    for (const r of rows.slice(1)) h.addRow(r.map((x) => (x === "" ? null : x)));
    const r = await runWithWorkbook(
      ["fit", "book.xlsx", "--json", "--tolerance", "0", "--max-iterations", "20000"],
      wb,
    );
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.products[0].demandShare).toBeCloseTo(0.5, 6);
    expect(out.noPurchaseShare).toBeCloseTo(0.2, 6);

    const bad = await runWithWorkbook(
      ["fit", "book.xlsx"],
      book(
        [
          ["Offered", "Purchased"],
          ["A;B", "A"],
          ["A;Q1", "A"],
        ],
        ["A", "B"],
      ),
    );
    expect(bad.code).toBe(1);
    // Rows 1-2 are a title and a blank row; the header is row 3, so the bad customer is on sheet row 5.
    expect(bad.stderr).toContain("History (sheet 'Sales history') row 5, column Offered: 'Q1' is not a product");
    const none = await runWithWorkbook(["fit", "book.xlsx"], new Workbook().addWorksheet("Data").workbook);
    expect(none.stderr).toContain("has no sales history: name its sheet 'Sales history' (Excel reserves 'History')");
  });
});
