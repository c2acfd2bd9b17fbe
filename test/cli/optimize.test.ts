// `assort optimize` and `assort generate` in-process: the JSON contract, --out round trip into evaluate,
// infeasible rules reported with the file and products, option errors; generate is deterministic and valid.

import { readFileSync } from "node:fs";
import { run, type Io } from "../../src/cli/run";
import { validateInstance } from "../../src/engine/model/validate";
import { SMALL, STACK_FRAME } from "./memoryIo";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

async function cli(argv: string[], files: Record<string, string> = {}): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const written = new Map<string, string>();
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => (written.has(p) ? (written.get(p) as string) : p in files ? files[p] : readFileSync(p, "utf8")),
    // Outputs may come in chunks (generate streams its JSON).
    writeOutput: async (p, t) => {
      if (typeof t === "string" || t instanceof Uint8Array) return void written.set(p, String(t));
      let text = "";
      for await (const chunk of t as AsyncIterable<string | Uint8Array>) text += String(chunk);
      written.set(p, text);
    },
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, written };
}

describe("assort optimize", () => {
  test("--json: plan, profit with interval, bound, a decision and reason per product; --out feeds evaluate", async () => {
    const r = await cli(["optimize", SMALL, "--json", "--out", "plan.json", "--seed", "4"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe("auto");
    expect(out.ci95[0]).toBeLessThan(out.expectedProfit);
    expect(out.ci95[1]).toBeGreaterThan(out.expectedProfit);
    expect(out.expectedProfit).toBeLessThan(out.bound);
    expect(out.shareOfBound).toBeCloseTo(out.expectedProfit / out.bound, 12);
    expect(out.products).toHaveLength(10);
    for (const p of out.products) {
      expect(typeof p.reason).toBe("string");
      expect(p.carry).toBe(p.quantity > 0);
    }
    const saved = JSON.parse(r.written.get("plan.json") as string);
    expect(saved.plan).toEqual(out.plan);
    const e = await cli(["evaluate", SMALL, "--plan", "plan.json", "--json", "--seed", "99"], {
      "plan.json": r.written.get("plan.json") as string,
    });
    expect(e.code).toBe(0);
    const ev = JSON.parse(e.stdout);
    // Another sample of seasons: the same plan's profit agrees within the two intervals.
    expect(Math.abs(ev.expectedProfit - out.expectedProfit)).toBeLessThan(4 * Math.hypot(ev.stdError, out.stdError));
  });

  test("each method by name; human output has the summary and the reasons", async () => {
    for (const m of ["fluid", "newsvendor", "gk", "pooled"]) {
      const r = await cli(["optimize", SMALL, "--method", m]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Expected profit +[\d,.]+ ± [\d,.]+ \(95% interval/);
      expect(r.stdout).toMatch(/Upper bound +10,244\.50 \(fluid LP bound\); this plan reaches \d+\.\d% of it/);
      expect(r.stdout).toContain(`Method           ${m}, seed 1`);
      expect(r.stdout).toMatch(/Carried: \d+ units for/);
    }
  });

  test("impossible rules: exit 1, the file, the products and the limit, no stack trace", async () => {
    const instance = JSON.stringify({
      products: [
        { id: "A", price: 10, cost: 5, demand: 10, mustOffer: true, minQty: 20 },
        { id: "B", price: 10, cost: 5, demand: 10 },
      ],
      constraints: { budget: 50 },
    });
    const r = await cli(["optimize", "tight.json"], { "tight.json": instance });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tight.json");
    expect(r.stderr).toContain(
      "The must-offer products ('A') cost 100 at their minimum quantities, above the budget 50",
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test("bad options: exit 2 with a message that says what is allowed", async () => {
    const a = await cli(["optimize", SMALL, "--method", "best"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("use one of auto, fluid, newsvendor, gk, pooled");
    const b = await cli(["optimize", SMALL, "--time-limit", "0"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--time-limit '0' is not a valid time limit in seconds");
  });
});

describe("assort generate", () => {
  test("a valid, heavy-tailed instance; the same seed gives the same bytes", async () => {
    const a = await cli(["generate", "--products", "50", "--demand-per-product", "20", "--tail", "1.2", "--seed", "3"]);
    expect(a.code).toBe(0);
    const b = await cli(["generate", "--products", "50", "--demand-per-product", "20", "--tail", "1.2", "--seed", "3"]);
    expect(b.stdout).toBe(a.stdout);
    const model = validateInstance(JSON.parse(a.stdout));
    expect(model.n).toBe(50);
    expect(model.totalDemand).toBeCloseTo(1000, 0);
    // Heavy tail: the top 10% of products take a large share of demand.
    const d = Array.from(model.demand).sort((x, y) => y - x);
    const top = d.slice(0, 5).reduce((s, x) => s + x, 0);
    expect(top / model.totalDemand).toBeGreaterThan(0.4);
  });

  test("--out writes the file; bad values are refused", async () => {
    const r = await cli(["generate", "--products", "5", "--out", "g.json"]);
    expect(r.code).toBe(0);
    expect(validateInstance(JSON.parse(r.written.get("g.json") as string)).n).toBe(5);
    const bad = await cli(["generate", "--products", "5", "--margin", "huge"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--margin 'huge' must be low or high");
  });
});
