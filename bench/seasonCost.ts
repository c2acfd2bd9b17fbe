// A season's CPU time against the work budget's estimate of it (workBudget.ts, seasonSeconds): the two rates
// (per customer, per further visit) and the single rate it had before (7e7 visits a second), on instances and
// plans from walks of 1 to 10,000 products. Figures, not pass/fail: `npx tsx bench/seasonCost.ts`.
import { readFileSync } from "node:fs";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { validateInstance } from "../src/engine/model/validate";
import { simulate } from "../src/engine/simulate/simulate";
import { seasonSeconds, seasonWalk } from "../src/engine/simulate/workBudget";
import { fluidBound } from "../src/engine/bound/fluidBound";
import type { Model } from "../src/engine/model/instance";
const fluidPlan = (m: Model) => Array.from(fluidBound(m).sales, (z) => Math.round(z));
const emptyPlan = (m: Model) => new Array<number>(m.n).fill(0);
const halfPlan = (m: Model) => fluidPlan(m).map((x, i) => (i % 2 ? 0 : x));
function cpu(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
}
function row(label: string, input: unknown, planOf: (m: Model) => number[], reps: number) {
  const model = validateInstance(input as never);
  const plan = planOf(model);
  const w = seasonWalk(model, plan);
  const ts: number[] = [];
  let steps = 0;
  for (let r = 0; r < 3; r++) {
    let res: ReturnType<typeof simulate> | undefined;
    ts.push(cpu(() => (res = simulate(model, plan, { reps, seed: r + 1 }))) / reps);
    steps = res!.customerSteps / (res!.expectedCustomers * res!.reps);
  }
  ts.sort((a, b) => a - b);
  const t = ts[1];
  const C = model.totalDemand;
  const one = (C * w) / 7e7;
  const two = seasonSeconds(C, w);
  console.log(
    `| ${label} | ${w.toFixed(2)} | ${steps.toFixed(2)} | ${(t * 1000).toFixed(1)} | ${(one * 1000).toFixed(1)} (${(t / one).toFixed(2)}×) | ${(two * 1000).toFixed(1)} (${(t / two).toFixed(2)}×) |`,
  );
}
const base = generateInstance({ n: 1000, totalDemand: 20000, substitutes: 10, seed: 1 }).instance;
const close = generateInstance({
  n: 1000,
  totalDemand: 20000,
  substitutes: 10,
  seed: 1,
  substitutionShare: [0.99, 0.99],
}).instance;
const small = JSON.parse(readFileSync("examples/small.json", "utf8"));
const fashion = JSON.parse(readFileSync("examples/fashion.json", "utf8"));
const ids = ["P0", "P1", "P2"];
const tri = {
  products: ids.map((id) => ({ id, price: 10, cost: 4, demand: 50 })),
  substitution: ids.flatMap((from) =>
    ids.filter((to) => to !== from).map((to) => ({ from, to, probability: 0.49995 })),
  ),
};
console.log(`load ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log(
  "| instance, plan | budget walk | actual walk | CPU ms a season | one rate (actual/est) | two rates (actual/est) |",
);
row("small.json, fluid plan", small, fluidPlan, 2000);
row("small.json, nothing stocked", small, emptyPlan, 2000);
row("fashion.json, fluid plan", fashion, fluidPlan, 300);
row("fashion.json, every other product at 0", fashion, halfPlan, 300);
row("N 1000 ΣD 2e4, fluid plan", base, fluidPlan, 200);
row("N 1000 ΣD 2e4, nothing stocked", base, emptyPlan, 200);
row("N 1000 rows 0.99, fluid plan", close, fluidPlan, 50);
row("N 1000 rows 0.99, nothing stocked", close, emptyPlan, 5);
row("3 products rows 0.9999, nothing stocked", tri, emptyPlan, 3);
