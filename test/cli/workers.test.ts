// --workers end to end: the real executable with 1, 2 and 4 worker threads gives byte-identical plans and
// figures for the same seed (only the elapsed time differs). Needs build/cli.js (`npm test` builds it).

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateInstance } from "../../src/engine/generate/generateInstance";
import { ROOT } from "./memoryIo";

const BIN = path.join(ROOT, "bin", "assort.js");
let dir = "";

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "build", "cli.js")))
    throw new Error("build/cli.js is missing: run `npm run build:cli` (npm test does it first)");
  dir = mkdtempSync(path.join(tmpdir(), "assort-workers-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("assort optimize --workers 1, 2, 4: the same plan and figures, byte for byte", () => {
  const file = path.join(dir, "instance.json");
  writeFileSync(file, JSON.stringify(generateInstance({ n: 40, totalDemand: 500, seed: 8, substitutes: 6 }).instance));
  const outputs = ["1", "2", "4"].map((w) => {
    const r = spawnSync(
      process.execPath,
      [BIN, "optimize", file, "--seed", "5", "--time-limit", "3000", "--workers", w, "--json"],
      { cwd: ROOT, encoding: "utf8", timeout: 600_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.stoppedEarly).toBe(false);
    delete out.elapsedMs;
    return JSON.stringify(out);
  });
  expect(outputs[1]).toBe(outputs[0]);
  expect(outputs[2]).toBe(outputs[0]);
}, 900_000);

test("assort plan --workers 1 and 2: the same plan and figures, byte for byte", () => {
  const outputs = ["1", "2"].map((w) => {
    const out = path.join(dir, `planned-${w}.xlsx`);
    const r = spawnSync(
      process.execPath,
      [BIN, "plan", "examples/fashion.xlsx", "--out", out, "--json", "--workers", w, "--time-limit", "60"],
      { cwd: ROOT, encoding: "utf8", timeout: 600_000 },
    );
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    delete json.elapsedMs;
    delete json.output;
    return JSON.stringify(json);
  });
  expect(outputs[0]).toMatch(/"expectedProfit":\d/);
  expect(outputs[1]).toBe(outputs[0]);
}, 900_000);

test("--workers must be a whole number from 1", () => {
  const r = spawnSync(process.execPath, [BIN, "optimize", "examples/small.json", "--workers", "0"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/workers/);
});

test("the season workers run their own small bundle, without the CLI's readers and writers", () => {
  // build/seasonWorker.js is what threadPool starts; the whole CLI (3 MB) cost ~125 ms more CPU per thread.
  const lean = path.join(ROOT, "build", "seasonWorker.js");
  expect(existsSync(lean)).toBe(true);
  const size = statSync(lean).size;
  expect(size).toBeLessThan(statSync(path.join(ROOT, "build", "cli.js")).size / 10);
  expect(readFileSync(lean, "utf8")).not.toMatch(/exceljs|JSZip/i);
});
