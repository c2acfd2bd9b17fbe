// A 7-point budget sweep against one optimisation (issue 12: target ≤ 3× its time), on the 300-product
// examples/fashion.json and a 1,000-product instance as `assort generate --products 1000` makes it. The
// single optimisation runs at the sweep's middle budget; its plan and the sweep's plan there are then played
// on the same seasons, so the table also says whether the sweep's speed cost any profit.
// Writes bench/results/sweep.md. Figures, not pass/fail: `npm run bench:sweep`. The machine is shared.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { validateInstance } from "../src/engine/model/validate";
import type { Model } from "../src/engine/model/instance";
import { optimize } from "../src/engine/optimize/optimize";
import { pairedGain, pairedSeasons } from "../src/engine/whatif/pairedSeasons";
import { sweep } from "../src/engine/whatif/sweep";
import { withRule } from "../src/engine/whatif/rules";

const LIMIT_MS = 600000;

function fmt(x: number, d = 0): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

async function bench(name: string, model: Model, budgets: number[]): Promise<string> {
  const load0 = loadavg()[0];
  const mid = budgets[Math.floor(budgets.length / 2)];
  // CPU seconds of this (single-threaded) process as well as wall-clock: the machine is shared, and CPU time
  // moves far less with the load than the wall clock does.
  const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  let t = Date.now();
  let c = process.cpuUsage();
  const one = await optimize(withRule(model, "budget", mid), { seed: 1, timeLimitMs: LIMIT_MS });
  const oneS = (Date.now() - t) / 1000;
  const oneCpu = cpu(process.cpuUsage(c));
  t = Date.now();
  c = process.cpuUsage();
  const s = await sweep(model, "budget", budgets, { seed: 1, timeLimitMs: LIMIT_MS * budgets.length });
  const sweepS = (Date.now() - t) / 1000;
  const sweepCpu = cpu(process.cpuUsage(c));
  const at = s.points[Math.floor(budgets.length / 2)];
  const [a, b] = await pairedSeasons(withRule(model, "budget", mid), [at.plan, one.units], {
    seed: "bench",
    reps: 1000,
  });
  const g = pairedGain(a, b);
  const monotone = s.points.every((p, i) => i === 0 || p.expectedProfit.mean >= s.points[i - 1].expectedProfit.mean);
  console.log(name, oneS, sweepS, oneCpu, sweepCpu, g);
  const share = (100 * g.mean) / Math.abs(one.evaluation.expectedProfit);
  return [
    `| ${name} | ${model.n} | ${fmt(budgets[0])} to ${fmt(budgets[budgets.length - 1])} | ${fmt(oneCpu, 1)} s (${fmt(oneS, 1)} s) | ${fmt(sweepCpu, 1)} s (${fmt(sweepS, 1)} s) | ${fmt(sweepCpu / oneCpu, 2)}× (${fmt(sweepS / oneS, 2)}×) | ${fmt(g.mean, 1)} ± ${fmt(1.96 * g.se, 1)} (${fmt(share, 2)}%) | ${monotone ? "yes" : "no"} | ${s.points.filter((p) => p.reused).length} | ${s.points.filter((p) => p.resolved).length} | ${fmt(load0, 1)} → ${fmt(loadavg()[0], 1)} |`,
  ].join("\n");
}

function spread(model: Model): number[] {
  // Σ cost × demand: about what an unconstrained plan buys; the sweep spans 40% to 100% of it.
  let buy = 0;
  for (let i = 0; i < model.n; i++) buy += model.cost[i] * model.demand[i];
  return [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map((f) => Math.round((f * buy) / 100) * 100);
}

const rows: string[] = [];

/** Written after each instance, so a run stopped during the large one keeps the rows done. */
function write(): void {
  const text = [
    "# Sweep time against one optimisation",
    "",
    "`npm run bench:sweep` (bench/sweep.ts): a 7-point budget sweep (`sweep()`: the loosest point first, the points",
    "its plan keeps reused, the rest upwards, each an `optimize()` without the realistic ceiling, with the tighter",
    "neighbour's plan (the tightest: the loosest plan) as one more start, no greedy-fill start and `searchEffort`",
    "WARM_EFFORT (0.6) of the search's counted work; all plans played on the same seasons) against one `optimize()`",
    "(with its ceiling, as a user runs it) at the middle budget, seed 1.",
    "Gain at the middle: the sweep's plan there minus the single optimisation's, paired on 1,000 shared seasons",
    "(± 95%, and as a share of the single optimisation's profit); positive means the sweep's plan is better.",
    "Times are CPU seconds of the process (wall-clock in brackets) on a **shared** 2-core machine: the load column is",
    "the 1-minute load average before → after each row; wall-clock moves with it, CPU time far less.",
    "",
    "| instance | products | budgets | one optimisation | 7-point sweep | ratio | gain at the middle | monotone | reused | re-solved | load |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Run ${new Date().toISOString()}, Node ${process.version}.`,
    "",
  ].join("\n");
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(join(__dirname, "results", "sweep.md"), text);
  console.log(text);
}

async function main() {
  const fashion = validateInstance(JSON.parse(readFileSync(join(__dirname, "..", "examples", "fashion.json"), "utf8")));
  rows.push(await bench("examples/fashion.json", fashion, [40000, 50000, 60000, 70000, 80000, 90000, 100000]));
  write();
  const gen = validateInstance(
    generateInstance({ n: 1000, totalDemand: 20000, tailExponent: 1, substitutes: 10, categorySize: 25, seed: 1 })
      .instance,
  );
  rows.push(await bench("generated, n = 1,000", gen, spread(gen)));
  write();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
