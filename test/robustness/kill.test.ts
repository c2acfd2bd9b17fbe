// Killed at a random moment (seeded, so a failure reproduces), `assort plan` and `assort optimize --out` lose
// nothing: the input and the earlier output survive byte for byte, or the output is the new one whole; after
// SIGINT or SIGTERM no temporary file is left (after SIGKILL one may be: nothing can remove it, and the target
// is still whole). Runs the shipped executable (bin/assort.js → build/cli.js, built by `npm run build:cli`).

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateInstance } from "../../src/engine/generate/generateInstance";
import { zipEntries } from "../../src/cli/workbook/zipEntries";
import { ROOT } from "../cli/memoryIo";
import { EXAMPLES, tempFolder } from "../cli/workbookHelpers";
import { mulberry } from "./seeded";

const BIN = path.join(ROOT, "bin", "assort.js");
const SEED = 20261201;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "build", "cli.js")))
    throw new Error("build/cli.js is missing: run `npm run build:cli` (npm test does it first)");
});

const folder = tempFolder();
afterAll(() => folder.cleanup());

function hash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the CLI, sends `signal` after `delayMs` (if it is still running), and waits for it to end. */
function runAndKill(args: string[], signal: NodeJS.Signals, delayMs: number): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: folder.dir, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** How long an uninterrupted run takes here (the machine is shared: measured, not assumed). */
function duration(args: string[]): number {
  const start = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: folder.dir, encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`assort ${args.join(" ")} failed: ${r.stderr}`);
  return Date.now() - start;
}

function leftovers(): string[] {
  return readdirSync(folder.dir).filter((f) => f.endsWith(".tmp"));
}

const CASES = [
  {
    name: "assort plan",
    input: "book.xlsx",
    output: "book.planned.xlsx",
    source: path.join(EXAMPLES, "small.xlsx"),
    args: ["plan", "book.xlsx", "--out", "book.planned.xlsx", "--force", "--method", "fluid"],
    /** A complete new output: a readable zip with the plan sheet's workbook part. */
    whole: (bytes: Buffer) => (zipEntries(bytes) ?? []).includes("xl/workbook.xml"),
  },
  {
    name: "assort optimize --out",
    input: "small.json",
    output: "plan.json",
    source: path.join(EXAMPLES, "small.json"),
    args: ["optimize", "small.json", "--out", "plan.json", "--force", "--method", "fluid"],
    whole: (bytes: Buffer) => {
      try {
        return Array.isArray(JSON.parse(bytes.toString("utf8")).plan);
      } catch {
        return false;
      }
    },
  },
];

const KILLS_PER_SIGNAL = 3;
const spans = new Map<string, number>();

describe.each(CASES)("$name killed at random moments", (c) => {
  test.each(["SIGKILL", "SIGINT", "SIGTERM"] as NodeJS.Signals[])("%s", async (signal) => {
    const random = mulberry(SEED + signal.length + c.name.length);
    const input = path.join(folder.dir, c.input);
    const output = path.join(folder.dir, c.output);
    copyFileSync(c.source, input);
    rmSync(output, { force: true });
    const earlier = Buffer.from("an earlier output the user cares about\n");
    if (!spans.has(c.name)) spans.set(c.name, duration(c.args) * 1.2);
    const span = spans.get(c.name) as number;
    for (let k = 0; k < KILLS_PER_SIGNAL; k++) {
      writeFileSync(output, earlier);
      const inputHash = hash(readFileSync(input));
      const delay = Math.floor(random() * span);
      const ended = await runAndKill(c.args, signal, delay);
      const what = `${signal} after ${delay} ms (seed ${SEED}, kill ${k})`;
      expect([what, hash(readFileSync(input))]).toEqual([what, inputHash]);
      const after = readFileSync(output);
      // Either untouched or the new file whole; never a mix, never empty.
      const ok = after.equals(earlier) || c.whole(after);
      expect([what, ok]).toEqual([what, true]);
      expect([what, ended.stderr]).not.toEqual([what, expect.stringMatching(/unexpected error|This is a bug/)]);
      if (signal !== "SIGKILL") expect([what, leftovers()]).toEqual([what, []]);
      for (const t of leftovers()) rmSync(path.join(folder.dir, t));
    }
  });
});

test("SIGINT or SIGTERM in the middle of a write removes the temporary file and keeps the old output", async () => {
  // A write that lasts (chunks produced slowly, as `assort sweep` writes rows), so the signal lands inside it.
  const script = path.join(__dirname, "slowWrite.ts");
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  for (const signal of ["SIGINT", "SIGTERM"] as NodeJS.Signals[]) {
    const output = path.join(folder.dir, `slow-${signal}.csv`);
    writeFileSync(output, "old\n");
    const ended = await new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => {
      const child = spawn(tsx, [script, output], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
        if (out.includes("writing")) child.kill(signal);
      });
      child.on("exit", (_code, sig) => resolve({ signal: sig, out }));
    });
    expect(ended.out).toContain("writing");
    expect(ended.out).not.toContain("done");
    expect(readFileSync(output, "utf8")).toBe("old\n");
    expect(leftovers()).toEqual([]);
  }
});

test("SIGINT while `assort optimize` computes its realistic ceiling ends the run there, output untouched", async () => {
  // N = 1,000: the ceiling (the first long stage, the same work as `assort bound` does) lasts long enough
  // for the signal to land inside it, at delays within what `assort bound` takes here.
  const input = path.join(folder.dir, "large.json");
  writeFileSync(input, JSON.stringify(generateInstance({ n: 1000, totalDemand: 20000, seed: 3 }).instance));
  const boundSpan = duration(["bound", "large.json"]);
  const output = path.join(folder.dir, "large.plan.json");
  const earlier = Buffer.from("an earlier plan\n");
  const random = mulberry(SEED + 13);
  for (let k = 0; k < 3; k++) {
    writeFileSync(output, earlier);
    const delay = Math.floor((0.4 + 0.5 * random()) * boundSpan);
    const ended = await runAndKill(["optimize", "large.json", "--out", "large.plan.json", "--force"], "SIGINT", delay);
    const what = `SIGINT after ${delay} ms of a ${boundSpan} ms bound (seed ${SEED}, kill ${k})`;
    expect([what, ended.signal ?? ended.code]).toEqual([what, "SIGINT"]);
    expect([what, readFileSync(output).equals(earlier)]).toEqual([what, true]);
    expect([what, ended.stderr]).not.toEqual([what, expect.stringMatching(/unexpected error|This is a bug/)]);
    expect([what, leftovers()]).toEqual([what, []]);
  }
});
