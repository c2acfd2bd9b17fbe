// Plan quality by method on heavy-tailed families (issue: optimizer). For each family (N, ΣD/N, tail
// exponent, margins) and several seeds: each method's simulated expected profit as a share of the fluid
// bound and of the stochastic (SAA) bound of docs/model.md §4, mean over seeds with its standard error.
// Writes bench/results/quality.md. Figures, not pass/fail:
//
//   npm run bench:quality                 all 36 families, 2 seeds (long: about an hour on 2 cores)
//   npm run bench:quality -- --n 50,200   a subset of sizes (also --per, --tail, --margin, --seeds, --out)
//   npm run bench:quality -- --limit 300  each method's time limit in seconds (default 60): plans are counted
//                                         work, so a longer limit changes nothing unless the limit would cut a run

import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { optimize } from "../src/engine/optimize/optimize";
import { METHODS, type Method } from "../src/engine/optimize/optimizeTypes";
import { stochasticBound } from "../src/engine/bound/stochasticBound";
import { validateInstance } from "../src/engine/model/validate";
import { comparePlans } from "../src/engine/compare/comparePlans";

/** Paired seasons for judging a baseline whose unpaired mean is ahead of auto's. */
const PAIRED_SEASONS = 20000;

function listArg(name: string, fallback: string[]): string[] {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1].split(",") : fallback;
}

const sizes = listArg("n", ["50", "200", "1000"]).map(Number);
const pers = listArg("per", ["5", "20", "100"]).map(Number);
const tails = listArg("tail", ["0.8", "1.2"]).map(Number);
const margins = listArg("margin", ["low", "high"]) as ("low" | "high")[];
const seeds = Number(listArg("seeds", ["2"])[0]);
const limitSeconds = Number(listArg("limit", ["60"])[0]);
const out = listArg("out", [join(__dirname, "results", "quality.md")])[0];
/** A line for the results file (e.g. the machine's load, or why the run is partial). */
const note = listArg("note", [""])[0];

interface Row {
  family: string;
  fluid: number[];
  saa: number[];
  saaSeconds: number[];
  byMethod: Map<Method, { ofFluid: number[]; ofSaa: number[]; seconds: number[]; cut: number }>;
  /** Plans per seed by method, for the paired check. */
  plans: { model: ReturnType<typeof validateInstance>; units: Map<Method, Int32Array> }[];
  /** Set when a baseline's unpaired mean is ahead: auto minus it on paired seasons, summed over seeds. */
  paired?: { method: Method; gain: number; se: number; share: number };
}

function meanSe(xs: number[]): string {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length < 2) return `${(100 * m).toFixed(1)}`;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return `${(100 * m).toFixed(1)} ± ${(100 * Math.sqrt(v / xs.length)).toFixed(1)}`;
}

const rows: Row[] = [];
const started = Date.now();

function write(): void {
  const head = [
    "# Plan quality by method",
    "",
    "Simulated expected profit of each method's plan as a share of the **fluid bound** (F, docs/model.md §4) and of the",
    "**stochastic SAA bound** (S, the realistic ceiling of docs/bounds.md: the Lagrangian dual of the SAA LP on 50",
    "sampled seasons, 20 at N = 1,000, by smoothed accelerated gradient, 100 steps per substitution group; a valid",
    "upper bound in expectation, within 1% of HiGHS's exact SAA-LP optimum on the same seasons in the tests; still",
    "a relaxation, so S-shares below 100% do not by themselves mean a plan can be improved). Cells: mean % over",
    "seeds ± standard error over seeds (a single number when there is one seed); each plan",
    "judged on fresh seasons (standard error of each profit ≤ 0.2%). Instances from `assort generate` (10",
    'substitutes, categories of 25). "cut by time limit": methods the time limit stopped early (on k of the seeds).',
    "\"auto ≥ all\": auto's mean %F is at least every baseline's; where a baseline's is ahead, its plan and auto's are",
    `played again on ${PAIRED_SEASONS.toLocaleString("en-US")} common fresh seasons per seed, and "yes, paired" means auto is not behind beyond 2 standard errors (auto minus it, summed over seeds).`,
    "Regenerate: `npm run bench:quality` (see bench/quality.ts for subsets).",
    "",
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}; ${seeds} seed(s) per family; time limit ${limitSeconds} s per method; run took ${((Date.now() - started) / 60000).toFixed(1)} min${note ? `; ${note}` : ""}.`,
    "",
    `| family (N, ΣD/N, tail, margin) | S/F | ${METHODS.map((m) => `${m} %F | ${m} %S`).join(" | ")} | auto s | S s | auto ≥ all | cut by time limit |`,
    `|---|---|${METHODS.map(() => "---|---").join("|")}|---|---|---|---|`,
  ];
  const body = rows.map((r) => {
    const sf = r.saa.map((s, k) => s / r.fluid[k]);
    const cells = METHODS.map((m) => {
      const x = r.byMethod.get(m);
      return x ? `${meanSe(x.ofFluid)} | ${meanSe(x.ofSaa)}` : "– | –";
    });
    const autoSeconds = r.byMethod.get("auto")?.seconds ?? [];
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const autoMean = avg(r.byMethod.get("auto")?.ofFluid ?? []);
    const best = METHODS.every((m) => avg(r.byMethod.get(m)?.ofFluid ?? []) <= autoMean + 1e-12);
    // Unpaired means within noise can rank either way: the paired seasons decide (behind = beyond 2 SE).
    const p = r.paired;
    const verdict = best
      ? "yes"
      : p && p.gain >= -2 * p.se
        ? `yes, paired (vs ${p.method}: ${p.gain >= 0 ? "+" : ""}${p.gain.toFixed(1)} ± ${p.se.toFixed(1)}, ${(100 * p.share).toFixed(3)}%)`
        : p
          ? `no (vs ${p.method}: ${p.gain.toFixed(1)} ± ${p.se.toFixed(1)} on paired seasons)`
          : "no";
    // Methods the time limit stopped early, with on how many seeds: their shares are not what they would reach.
    const cut = METHODS.flatMap((m) => {
      const k = r.byMethod.get(m)?.cut ?? 0;
      return k > 0 ? [`${m} (${k}/${r.fluid.length})`] : [];
    });
    return `| ${r.family} | ${meanSe(sf)} | ${cells.join(" | ")} | ${avg(autoSeconds).toFixed(1)} | ${avg(r.saaSeconds).toFixed(1)} | ${verdict} | ${cut.length ? cut.join(", ") : "none"} |`;
  });
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(out, [...head, ...body, ""].join("\n"));
}

/**
 * When a baseline's mean share is ahead of auto's, the two plans again on PAIRED_SEASONS common fresh seasons
 * per seed (auto minus the baseline, summed over seeds): the unpaired evaluations each carry ~0.2% noise.
 */
async function pairedCheck(row: Row): Promise<void> {
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const autoMean = avg(row.byMethod.get("auto")?.ofFluid ?? []);
  let ahead: Method | undefined;
  for (const m of METHODS)
    if (m !== "auto" && avg(row.byMethod.get(m)?.ofFluid ?? []) > autoMean + 1e-12)
      if (!ahead || avg(row.byMethod.get(m)?.ofFluid ?? []) > avg(row.byMethod.get(ahead)?.ofFluid ?? [])) ahead = m;
  if (!ahead) return;
  let gain = 0;
  let variance = 0;
  let profit = 0;
  for (const [k, p] of row.plans.entries()) {
    const c = await comparePlans(p.model, p.units.get(ahead)!, p.units.get("auto")!, {
      seed: `quality-paired:${k + 1}`,
      minReps: PAIRED_SEASONS,
      maxReps: PAIRED_SEASONS,
    });
    gain += c.gain.profit.mean;
    variance += c.gain.profit.se ** 2;
    profit += c.current.expectedProfit.mean;
  }
  row.paired = { method: ahead, gain, se: Math.sqrt(variance), share: profit > 0 ? gain / profit : 0 };
}

async function main(): Promise<void> {
  for (const n of sizes) {
    for (const per of pers) {
      for (const tail of tails) {
        for (const margin of margins) {
          const row: Row = {
            family: `${n}, ${per}, ${tail}, ${margin}`,
            fluid: [],
            saa: [],
            saaSeconds: [],
            byMethod: new Map(),
            plans: [],
          };
          for (let seed = 1; seed <= seeds; seed++) {
            const model = validateInstance(
              generateInstance({ n, totalDemand: per * n, tailExponent: tail, margin, substitutes: 10, seed }).instance,
            );
            // More samples and steps tighten the bound (its upward bias shrinks with the samples); N = 1,000 gets fewer for time.
            const tb = Date.now();
            const sb = stochasticBound(model, { samples: n >= 1000 ? 20 : 50, iterations: 100, seed });
            row.saaSeconds.push((Date.now() - tb) / 1000);
            let fluid = 0;
            for (const method of METHODS) {
              const t = Date.now();
              const r = await optimize(model, { method, seed, timeLimitMs: 1000 * limitSeconds, ceilingTimeMs: 0 });
              fluid = r.bound.value;
              const cell = row.byMethod.get(method) ?? { ofFluid: [], ofSaa: [], seconds: [], cut: 0 };
              cell.ofFluid.push(r.evaluation.expectedProfit / r.bound.value);
              cell.ofSaa.push(r.evaluation.expectedProfit / sb.value);
              cell.seconds.push((Date.now() - t) / 1000);
              if (r.stoppedEarly || (r.overTime?.length ?? 0) > 0) cell.cut++;
              row.byMethod.set(method, cell);
              if (row.plans.length < seed) row.plans.push({ model, units: new Map() });
              row.plans[seed - 1].units.set(method, r.units);
            }
            row.fluid.push(fluid);
            row.saa.push(sb.value);
          }
          await pairedCheck(row);
          rows.push(row);
          write();
          console.log(
            `${row.family}: ${METHODS.map((m) => `${m} ${meanSe(row.byMethod.get(m)?.ofSaa ?? [])}%S`).join(", ")}`,
          );
        }
      }
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
