// End to end: the real executable (bin/assort.js → build/cli.js, built by `npm run build:cli`, which
// `npm test` runs first) in a child process, with real files, stdout, stderr and exit codes.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT, SMALL, SMALL_PLAN } from "./memoryIo";

const BIN = path.join(ROOT, "bin", "assort.js");

function assort(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "build", "cli.js"))) {
    throw new Error("build/cli.js is missing: run `npm run build:cli` (npm test does it first)");
  }
});

test("assort bound --json: the bound as JSON on stdout, exit 0", () => {
  const r = assort("bound", "examples/small.json", "--json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.bound).toBeCloseTo(10244.5, 6);
  expect(out.assortment).toHaveLength(10);
});

test("assort evaluate --json: profit with its interval, reproducible across processes", () => {
  const a = assort("evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "400", "--seed", "9", "--json");
  expect(a.code).toBe(0);
  const out = JSON.parse(a.stdout);
  expect(out.ci95[0]).toBeLessThan(out.expectedProfit);
  expect(out.ci95[1]).toBeGreaterThan(out.expectedProfit);
  expect(out.products[0]).toMatchObject({ id: "TEE-BLK-M", quantity: 190 });
  // Another process, same seed: the same bytes.
  expect(assort("evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "400", "--seed", "9", "--json").stdout).toBe(
    a.stdout,
  );
});

test("a missing file: exit 1, a one-line message, no stack trace (stderr is a pipe: no progress bar either)", () => {
  const r = assort("evaluate", "missing.json", "--plan", SMALL_PLAN);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe("assort: cannot read the instance file 'missing.json': no such file\n");
});

test("a bad option: exit 2 with the usage", () => {
  const r = assort("evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "many");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--reps 'many'/);
  expect(r.stderr).toMatch(/Usage: assort evaluate/);
});
