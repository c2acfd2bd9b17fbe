// Nothing hangs (issue 14, the run side): every case below used to run for minutes or forever. Each now
// ends with an exit code and a message that names the culprit and states the limit (docs/limits.md).
// These are not timing tests: they assert the outcome and the message, with generous jest timeouts.

import { runCli, SMALL, STACK_FRAME } from "../cli/memoryIo";
import { readFileSync } from "node:fs";

const ZERO_PLAN = JSON.stringify({ plan: [] });

/** Three products, each passing p to each of the other two. */
function triangle(p: number, demand = 50): string {
  const ids = ["P0", "P1", "P2"];
  return JSON.stringify({
    products: ids.map((id) => ({ id, price: 10, cost: 4, demand })),
    substitution: ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => ({ from, to, probability: p }))),
  });
}

function smallWith(edit: (d: { products: Record<string, unknown>[] }) => void): string {
  const d = JSON.parse(readFileSync(SMALL, "utf8"));
  edit(d);
  return JSON.stringify(d);
}

function expectClean(stderr: string): void {
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toContain("This is a bug");
}

describe("near-closed substitution", () => {
  test.each([
    ["rows of 1 − 1e-9", (1 - 1e-9) / 2, "1.0e+9 products"],
    ["rows of 1 − 1e-11", (1 - 1e-11) / 2, "1.0e+11 products"],
    ["rows rounded to 2 × 0.4999999999", 0.4999999999, "5.0e+9 products"],
  ])("evaluate --reps 2 with %s: refused at validation, the walk cannot end", async (_, p, visits) => {
    const r = await runCli(["evaluate", "in.json", "--plan", "plan.json", "--reps", "2"], {
      files: { "in.json": triangle(p), "plan.json": ZERO_PLAN },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(visits);
    expect(r.stderr).toContain("cannot end in practice");
    expect(r.stderr).toContain("at most 100,000");
    expect(r.stderr).toContain("'P0'");
    expectClean(r.stderr);
  });

  test("optimize --time-limit 5 with rows of 1 − 1e-9: refused, not run", async () => {
    const r = await runCli(["optimize", "in.json", "--time-limit", "5"], {
      files: { "in.json": triangle((1 - 1e-9) / 2) },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot end in practice");
  });

  test("rows of 0.999: a warning that customers almost never leave, and the run keeps its time limit", async () => {
    const r = await runCli(["optimize", "in.json", "--time-limit", "2", "--json"], {
      files: { "in.json": triangle(0.4995) },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Whatever the machine's speed: a stage the limit cut is named, with the limit.
    for (const stage of out.overTime ?? []) expect(["search", "selection", "final evaluation"]).toContain(stage);
    if (out.overTime) expect(JSON.stringify(out.warnings)).toMatch(/time limit|Time limit/);
    expect(out.cappedWalks).toBe(0);
    const human = await runCli(["optimize", "in.json", "--time-limit", "2"], {
      files: { "in.json": triangle(0.4995) },
    });
    expect(human.stderr).toContain("almost never leave");
    expect(human.stderr).toContain("up to 1,000 products on average");
  }, 120000);
});

describe("demand too large for a season", () => {
  test("demand 1e300 on TEE-BLK-M: optimize and evaluate refuse, naming the product and the limit", async () => {
    const files = { "in.json": smallWith((d) => (d.products[0].demand = 1e300)) };
    for (const argv of [
      ["optimize", "in.json"],
      ["evaluate", "in.json", "--plan", "plan.json"],
      ["bound", "in.json"],
    ]) {
      const r = await runCli(argv, { files: { ...files, "plan.json": ZERO_PLAN } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("TEE-BLK-M, demand: 1e+300 means a season would take 1e+300 customers");
      expect(r.stderr).toContain("up to ~1,000,000,000 customers a season");
      expectClean(r.stderr);
    }
  });

  test("generate --demand-per-product 1e7 then optimize: refused with what is too large and what would fit", async () => {
    const gen = await runCli(["generate", "--products", "100", "--demand-per-product", "1e7"]);
    expect(gen.code).toBe(0);
    const r = await runCli(["optimize", "big.json", "--time-limit", "10"], { files: { "big.json": gen.stdout } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("customers (visiting 1.0 products each on average)");
    expect(r.stderr).toContain("beyond the time limit of 10 s");
    expect(r.stderr).toMatch(/It fits with demand scaled to at most [\d.e]+ customers a season/);
    expectClean(r.stderr);
  }, 120000);

  test("evaluate of 1e7 customers a season with --reps 1000 --time-limit 1: stops at the limit and says so", async () => {
    const gen = await runCli(["generate", "--products", "100", "--demand-per-product", "1e5"]);
    const plan = JSON.stringify({ plan: [] });
    const t = Date.now();
    const r = await runCli(
      ["evaluate", "big.json", "--plan", "plan.json", "--reps", "1000", "--time-limit", "1", "--json"],
      {
        files: { "big.json": gen.stdout, "plan.json": plan },
      },
    );
    expectLimitKept(r, Date.now() - t, 1, "evaluate's simulation");
    if (r.code !== 0) return;
    const out = JSON.parse(r.stdout);
    expect(out.timeLimited).toBe(true);
    expect(out.reps).toBeGreaterThanOrEqual(2);
    expect(out.reps).toBeLessThan(1000);
    expect(JSON.stringify(out.warnings)).toContain("the time limit of 1 s stopped the simulation");
  }, 120000);

  test("optimize of 1e7 customers a season: every stage keeps the limit, the ones cut are named", async () => {
    const gen = await runCli(["generate", "--products", "100", "--demand-per-product", "1e5"]);
    const t = Date.now();
    const r = await runCli(["optimize", "big.json", "--time-limit", "8", "--json"], {
      files: { "big.json": gen.stdout },
    });
    expectLimitKept(r, Date.now() - t, 8, "optimize's final evaluation");
    if (r.code !== 0) return;
    const out = JSON.parse(r.stdout);
    expect(out.overTime).toContain("final evaluation");
    expect(JSON.stringify(out.warnings)).toContain("the final evaluation stopped at the 8 s limit");
  }, 120000);
});

/**
 * A run accepted at the edge of the work budget ends near its limit, with a plan or with the refusal that
 * names the stage the limit ended and the limit that would fit. Not a timing test: plain Node keeps about
 * 1.2 times the limit (docs/limits.md); under Jest, with suites in parallel on a shared machine, runs were
 * seen at 3.5 times, so the bound here is 5 times (before the cut, such runs took up to 7 times in plain Node).
 * The 3.5 times of the 8 s optimize below was its Baselines stage: the newsvendor quantiles, summed from 0 at
 * a demand of 1e5 (9 CPU s under Jest), which no deadline checks; they now start near the mean (0.02 s).
 */
function expectLimitKept(r: { code: number; stderr: string }, elapsedMs: number, limitS: number, stage: string): void {
  expect(elapsedMs).toBeLessThan(5 * limitS * 1000);
  expectClean(r.stderr);
  if (r.code === 0) return;
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`the time limit of ${limitS} s ended ${stage} after`);
  expect(r.stderr).toMatch(/of the 2 seasons it needs at least/);
  expect(r.stderr).toMatch(/It fits with (a time limit of at least \d+ s|a longer time limit)/);
}

/** An instance of 100 products whose 2 seasons at `plan` are the most work a `limitS` limit accepts. */
async function atBudgetEdge(command: string[], limitS: number, files: Record<string, string>): Promise<string> {
  const big = await runCli(["generate", "--products", "100", "--demand-per-product", "1e7"]);
  const refused = await runCli([...command, "big.json", "--time-limit", String(limitS)], {
    files: { ...files, "big.json": big.stdout },
  });
  const fits = /scaled to at most ([\d.e+]+) customers a season/.exec(refused.stderr);
  if (!fits) throw new Error(`no scale in: ${refused.stderr}`);
  const perProduct = (0.98 * Number(fits[1])) / 100;
  const gen = await runCli(["generate", "--products", "100", "--demand-per-product", String(perProduct)]);
  return gen.stdout;
}

describe("runs accepted at the edge of the work budget keep the time limit (issue 14)", () => {
  test.each([
    ["evaluate, nothing stocked", ["evaluate", "--plan", "plan.json"], "evaluate's simulation"],
    ["optimize --method fluid", ["optimize", "--method", "fluid"], "optimize's final evaluation"],
    ["optimize (auto)", ["optimize"], "optimize's final evaluation"],
  ])(
    "%s",
    async (_, command, stage) => {
      const [verb, ...rest] = command;
      const files = { "plan.json": ZERO_PLAN };
      const edge = await atBudgetEdge([verb, ...rest.filter((a) => a !== "big.json")], 2, files);
      const t = Date.now();
      const r = await runCli([verb, "edge.json", ...rest, "--time-limit", "2", "--json"], {
        files: { ...files, "edge.json": edge },
      });
      expectLimitKept(r, Date.now() - t, 2, stage);
      if (r.code !== 0) return;
      const out = JSON.parse(r.stdout);
      // Accepted and finished: the stages the limit cut are named, with the limit.
      if (verb === "evaluate")
        expect(out.timeLimited === false || /time limit of 2 s/.test(JSON.stringify(out.warnings))).toBe(true);
      else if (out.overTime) expect(JSON.stringify(out.warnings)).toMatch(/2 s limit/);
    },
    120000,
  );
});
