// Runs the CLI in-process: files come from memory (falling back to the real disk, for examples/), and
// everything written to stdout and stderr is captured for the tests to read.

import { readFileSync } from "node:fs";
import path from "node:path";
import { run, type Io } from "../../src/cli/run";

export const ROOT = path.join(__dirname, "..", "..");
export const SMALL = path.join(ROOT, "examples", "small.json");
export const SMALL_PLAN = path.join(ROOT, "examples", "small.plan.json");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MemoryOptions {
  files?: Record<string, string>;
  isTTY?: boolean;
  /** A clock for the progress bar (milliseconds). */
  now?: () => number;
}

export async function runCli(argv: string[], options: MemoryOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const files = options.files ?? {};
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : readFileSync(p, "utf8")),
    isTTY: options.isTTY ?? false,
    now: options.now,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A Node stack frame line ("    at fn (file:1:2)"): must never reach the user. */
export const STACK_FRAME = /^\s+at .+[(:]\d+/m;
