// The realistic ceiling on the command line: `assort bound`, `optimize` and `evaluate` show it beside the
// fluid bound, with its standard error, sample count and the caveat that it is still a relaxation; --json
// carries it, and the share of the tighter bound says which bound it is of.

import { runCli, SMALL, SMALL_PLAN } from "./memoryIo";

const CAVEAT = /still a relaxation: within a season it routes customers in the best order/;

describe("the realistic ceiling in the CLI", () => {
  test("bound: the ceiling below the fluid bound, with its standard error and seasons", async () => {
    const j = await runCli(["bound", SMALL, "--json"]);
    expect(j.code).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(out.ceiling.value).toBeLessThan(out.bound);
    expect(out.ceiling.value).toBeGreaterThan(0.5 * out.bound);
    expect(out.ceiling.stdError).toBeGreaterThan(0);
    expect(out.ceiling.seasons).toBe(50);
    expect(out.ceiling.label).toMatch(/^SAA bound on 50 sampled seasons/);
    const h = await runCli(["bound", SMALL]);
    expect(h.stdout).toMatch(/Fluid upper bound\s+[\d,.]+ \(fluid LP bound\): no plan can expect a higher profit/);
    expect(h.stdout).toMatch(/Realistic ceiling\s+[\d,.]+ ± [\d,.]+ \(SAA bound on 50 sampled seasons/);
    expect(h.stdout).toMatch(CAVEAT);
  });

  test("optimize: --json has the ceiling and the share of the tighter bound; the summary says which", async () => {
    const j = await runCli(["optimize", SMALL, "--json", "--seed", "3"]);
    expect(j.code).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(out.ceiling.value).toBeLessThan(out.bound);
    expect(out.tighterBound).toBe("ceiling");
    expect(out.shareOfTighterBound).toBeCloseTo(out.expectedProfit / out.ceiling.value, 12);
    expect(out.shareOfCeiling).toBeCloseTo(out.expectedProfit / out.ceiling.value, 12);
    expect(out.shareOfBound).toBeCloseTo(out.expectedProfit / out.bound, 12);
    const h = await runCli(["optimize", SMALL, "--seed", "3"]);
    expect(h.stdout).toMatch(
      /Upper bound +[\d,.]+ \(fluid LP bound\); this plan reaches [\d.]+% of it: no plan can exceed it/,
    );
    expect(h.stdout).toMatch(
      /Realistic ceiling [\d,.]+ ± [\d,.]+ \(SAA bound on \d+ sampled seasons[^)]*\); this plan reaches [\d.]+% of it \(the tighter bound, used for % of bound\)/,
    );
    expect(h.stdout).toMatch(CAVEAT);
  });

  test("evaluate: the ceiling and the plan's share of it", async () => {
    const j = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--json", "--seed", "2"]);
    expect(j.code).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(out.ceiling.value).toBeLessThan(out.bound);
    expect(out.shareOfCeiling).toBeCloseTo(out.expectedProfit / out.ceiling.value, 12);
    const h = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--seed", "2"]);
    expect(h.stdout).toMatch(
      /Realistic ceiling +[\d,.]+ ± [\d,.]+ .*this plan reaches [\d.]+% of it \(the tighter bound\)/,
    );
  });
});
