// Speed of the default method (issue: optimizer): wall time and peak memory of `auto` at N = 200, 1,000 and
// 10,000 (ΣD = 20·N), each size in its own process so peak memory is its own, on two families: `assort
// generate` (10 substitutes, mostly within categories of 25) and "similarity" (8 substitutes chosen by
// attribute similarity over the whole range, one category, rows summing to 0.4–0.85). Passes run on
// `--workers W` threads (default 2; the bundle build/seasonWorker.js serves them, so `npm run build:cli`
// first). Each size runs from a bundle of this file made as the CLI's is (esbuild, node20), not through tsx:
// tsx's loader reaches every import through a getter, which made the main thread's share 15-25% slower than
// in the CLI a user runs. Writes bench/results/speed.md. Figures, not pass/fail: `npm run bench:speed
// [-- --workers 1]`.

import { execFileSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { optimize } from "../src/engine/optimize/optimize";
import { validateInstance } from "../src/engine/model/validate";
import { threadPool } from "../src/cli/seasonThreads";

type Family = "generate" | "similarity";

/** The benchmark families at size n (ΣD = 20·n). */
function familyInstance(family: Family, n: number) {
  return family === "generate"
    ? generateInstance({ n, totalDemand: 20 * n, substitutes: 10, seed: 1 }).instance
    : generateInstance({
        n,
        totalDemand: 20 * n,
        substitutes: 8,
        categorySize: n,
        substitutionShare: [0.4, 0.85],
        seed: 1,
      }).instance;
}

function argOf(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}
const WORKERS = Number(argOf("workers", "2"));
/** The repository: this file runs from bench/ (tsx) or from its bundle in build/. */
const ROOT = join(__dirname, "..");
const BUNDLE = join(ROOT, "build", "bench-speed.js");

/** Peak resident memory of this process in MiB (Linux), or NaN elsewhere. */
function peakMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function one(n: number, family: Family): Promise<void> {
  const t0 = Date.now();
  // As in the CLI, the threads start while the instance is made and checked.
  const pool = WORKERS > 1 ? threadPool(WORKERS, join(ROOT, "build", "seasonWorker.js")) : undefined;
  const model = validateInstance(familyInstance(family, n));
  const tLoad = Date.now() - t0;
  const stages: string[] = [];
  let last = "";
  let lastAt = Date.now();
  const t = Date.now();
  const load = loadavg()[0];
  // CPU seconds of the whole process (every thread, the workers' included): less inflated by other work
  // on the machine than the wall time.
  const cpu0 = process.cpuUsage();
  const r = await optimize(model, { method: "auto", seed: 1, timeLimitMs: 120000, pool }, (p) => {
    if (p.stage !== last) {
      if (last) stages.push(`${last} ${((Date.now() - lastAt) / 1000).toFixed(1)} s`);
      last = p.stage;
      lastAt = Date.now();
    }
  });
  const seconds = (Date.now() - t) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Cancel latency in-thread: abort 1 s into a second run; the engine notices at its next yield (between
  // search rounds or simulation batches). In the add-in a Web Worker is terminated instead, at once.
  const controller = new AbortController();
  const abortAt = Date.now() + 1000;
  setTimeout(() => controller.abort(), 1000);
  let cancelMs = NaN;
  try {
    await optimize(model, { method: "auto", seed: 2, timeLimitMs: 120000, pool }, undefined, controller.signal);
  } catch {
    cancelMs = Date.now() - abortAt;
  }
  await pool?.close();
  console.log(
    JSON.stringify({
      n,
      family,
      seconds,
      cpuSeconds,
      load,
      cancelMs,
      loadMs: tLoad,
      peakMiB: peakMiB(),
      share: r.shareOfBound,
      carried: r.decisions.filter((d) => d.carry).length,
      stoppedEarly: r.stoppedEarly,
      reps: r.evaluation.reps,
      stages,
    }),
  );
}

async function main(): Promise<void> {
  const k = process.argv.indexOf("--one");
  if (k >= 0) return one(Number(process.argv[k + 1]), argOf("family", "generate") as Family);
  const lines = [
    "# Speed of `auto`",
    "",
    "Wall time and peak resident memory of `optimize(method: auto)` (search, selection on fresh seasons and final",
    "evaluation to 0.2% standard error), one process per size and family, ΣD = 20·N, seed 1, time limit 120 s,",
    "from a bundle built as the CLI's is (esbuild).",
    "Families: `generate` (`assort generate`: 10 substitutes per product, mostly within categories of 25) and",
    "`similarity` (8 substitutes by attribute similarity over the whole range, rows 0.4–0.85). Regenerate:",
    "`npm run build:cli && npm run bench:speed` (`-- --workers W`).",
    "",
    WORKERS > 1
      ? `Worker threads: ${WORKERS} for the passes and the final evaluation, plus 1 for the realistic ceiling, which runs beside the search; the main thread hands out the work.`
      : "No worker threads: everything on the main thread, the realistic ceiling first.",
    "",
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}. Load average when the run started: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
    "(other work on the machine slows these figures).",
    "",
    "CPU s: CPU seconds of the run's process, every thread included (user + system); on 2 idle cores the wall time",
    "is at least CPU s / 2. Load: the 1-minute load average when that run started.",
    "",
    "| family | N | wall time (s) | CPU s | load | peak memory (MiB) | % of the tighter bound | products carried | stopped by time limit | cancel latency in-thread (ms) | stages |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  buildSync({
    entryPoints: [join(ROOT, "bench", "speed.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: BUNDLE,
    external: ["esbuild"],
    logLevel: "warning",
  });
  for (const [family, n] of (["generate", "similarity"] as Family[]).flatMap((f) =>
    [200, 1000, 10000].map((n) => [f, n] as const),
  )) {
    const args = [BUNDLE, "--one", String(n), "--family", family];
    const text = execFileSync(process.execPath, [...args, "--workers", String(WORKERS)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    const r = JSON.parse(text.trim().split("\n").pop() as string);
    console.log(r);
    lines.push(
      `| ${family} | ${n} | ${r.seconds.toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.load.toFixed(1)} | ${r.peakMiB.toFixed(0)} | ${(100 * r.share).toFixed(1)} | ${r.carried} | ${r.stoppedEarly ? "yes" : "no"} | ${Number.isFinite(r.cancelMs) ? r.cancelMs : "finished first"} | ${r.stages.join("; ")} |`,
    );
  }
  // What a user waits for: the whole `assort optimize` process (start, reading and checking the file, the
  // run, the output), three times each, at N = 1,000.
  lines.push(
    "",
    "`assort optimize file.json --json` end to end at N = 1,000 (the process's wall time, and the run's own",
    `elapsedMs), 3 runs each, --workers ${WORKERS}:`,
    "",
    "| family | process wall (s) | run (s) |",
    "|---|---|---|",
  );
  const dir = mkdtempSync(join(tmpdir(), "assort-speed-"));
  for (const family of ["generate", "similarity"] as Family[]) {
    const file = join(dir, `${family}.json`);
    writeFileSync(file, JSON.stringify(familyInstance(family, 1000)));
    const walls: string[] = [];
    const runs: string[] = [];
    for (let k = 0; k < 3; k++) {
      const t = Date.now();
      const out = execFileSync(
        process.execPath,
        [join(ROOT, "bin", "assort.js"), "optimize", file, "--json", "--workers", String(WORKERS)],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      walls.push(((Date.now() - t) / 1000).toFixed(2));
      runs.push((JSON.parse(out).elapsedMs / 1000).toFixed(2));
    }
    console.log(family, walls, runs);
    lines.push(`| ${family} | ${walls.join(", ")} | ${runs.join(", ")} |`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "speed.md"), lines.join("\n") + "\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
