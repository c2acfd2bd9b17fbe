// Engine throughput (issue: foundation): simulator customer-steps per second on one core at N = 1,000,
// ΣD = 20,000, and the time of the fluid bound at N = 10,000 with 10 substitutes per product. Then the
// speed the work budget assumes (SECONDS_PER_CUSTOMER and SECONDS_PER_EXTRA_VISIT, issue 14): customer-steps
// per CPU second over walks of 1 to 100 steps, each season's CPU time against the budget's estimate, and seasons of 2e4 to 1e7 customers, and the CPU time of a run sized to the budget's edge.
// Figures, not pass/fail: run `npm run bench:engine`.

import { readFileSync } from "node:fs";
import { fluidBound } from "../src/engine/bound/fluidBound";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { simulate } from "../src/engine/simulate/simulate";
import { validateInstance } from "../src/engine/model/validate";
import { SECONDS_PER_CUSTOMER, SECONDS_PER_EXTRA_VISIT } from "../src/engine/model/limits";
import { seasonSeconds, seasonWalk } from "../src/engine/simulate/workBudget";
import type { InstanceInput, Model } from "../src/engine/model/instance";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function seconds(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const lines: string[] = [];
const log = (s: string) => {
  lines.push(s);
  console.log(s);
};

// Simulator throughput at the fluid plan (the plan shape optimisers visit most).
{
  const model = validateInstance(generateInstance({ n: 1000, totalDemand: 20000, substitutes: 10, seed: 1 }).instance);
  const plan = Array.from(fluidBound(model).sales, (z) => Math.round(z));
  const rates: number[] = [];
  let stepsPerCustomer = 0;
  for (let r = 0; r < 7; r++) {
    let res: ReturnType<typeof simulate> | undefined;
    const t = seconds(() => (res = simulate(model, plan, { reps: 300, seed: r + 1 })));
    if (!res) throw new Error("no result");
    rates.push(res.customerSteps / t);
    stepsPerCustomer = res.customerSteps / (res.expectedCustomers * res.reps);
  }
  log(
    `simulator, N=1000, ΣD=20000, fluid plan: median ${(median(rates) / 1e6).toFixed(1)} M customer-steps/s ` +
      `(min ${(Math.min(...rates) / 1e6).toFixed(1)}, max ${(Math.max(...rates) / 1e6).toFixed(1)}; ${stepsPerCustomer.toFixed(2)} steps per customer; goal ≥ 30)`,
  );
}

// Fluid bound at N = 10,000.
{
  const input = generateInstance({ n: 10000, totalDemand: 200000, substitutes: 10, seed: 2 }).instance;
  const model = validateInstance(input);
  const times: number[] = [];
  let value = 0;
  for (let r = 0; r < 5; r++) times.push(seconds(() => (value = fluidBound(model).value)));
  log(
    `fluid bound, N=10000, 10 substitutes: median ${(median(times) * 1000).toFixed(0)} ms (max ${(Math.max(...times) * 1000).toFixed(0)} ms; goal < 1000 ms), value ${value.toFixed(0)}`,
  );
  const tv = seconds(() => validateInstance(input));
  log(`validation of the same instance: ${(tv * 1000).toFixed(0)} ms`);
}

// The work budget's speed: customer-steps per CPU second (process.cpuUsage, so other processes on the
// machine inflate it less than wall time) in the regimes a run can be in.
function cpuSeconds(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
}
const fluidPlan = (m: Model) => Array.from(fluidBound(m).sales, (z) => Math.round(z));
const emptyPlan = (m: Model) => new Array<number>(m.n).fill(0);
let fastest = 0;
let slowest = Infinity;
function regime(label: string, input: InstanceInput, planOf: (m: Model) => number[], reps: number): void {
  const model = validateInstance(input);
  const plan = planOf(model);
  const rates: number[] = [];
  const seasonCpu: number[] = [];
  let perCustomer = 0;
  for (let r = 0; r < 5; r++) {
    let res: ReturnType<typeof simulate> | undefined;
    const t = cpuSeconds(() => (res = simulate(model, plan, { reps, seed: r + 1 })));
    if (!res) throw new Error("no result");
    rates.push(res.customerSteps / t);
    seasonCpu.push(t / res.reps);
    perCustomer = res.customerSteps / (res.expectedCustomers * res.reps);
  }
  fastest = Math.max(fastest, ...rates);
  slowest = Math.min(slowest, ...rates);
  log(
    `  ${label}: ${perCustomer.toFixed(2)} steps a customer (budget's estimate ${seasonWalk(model, plan).toFixed(2)}), ` +
      `median ${(median(rates) / 1e6).toFixed(1)} M steps per CPU second (min ${(Math.min(...rates) / 1e6).toFixed(1)}, max ${(Math.max(...rates) / 1e6).toFixed(1)}); ` +
      `a season ${(median(seasonCpu) * 1000).toFixed(2)} CPU ms, ${(median(seasonCpu) / seasonSeconds(model.totalDemand, seasonWalk(model, plan))).toFixed(2)} × the budget's estimate`,
  );
}
{
  log(`work budget: customer-steps per CPU second (load ${loadAverage()})`);
  const base = generateInstance({ n: 1000, totalDemand: 20000, substitutes: 10, seed: 1 }).instance;
  const closeRows = {
    n: 1000,
    totalDemand: 20000,
    substitutes: 10,
    seed: 1,
    substitutionShare: [0.99, 0.99] as [number, number],
  };
  const longWalks = generateInstance(closeRows).instance;
  const bigSeason = generateInstance({ n: 1000, totalDemand: 1e7, substitutes: 10, seed: 1 }).instance;
  regime("N=1000, ΣD=2e4, fluid plan", base, fluidPlan, 300);
  regime("N=1000, ΣD=2e4, nothing stocked", base, emptyPlan, 300);
  regime("N=1000, ΣD=2e4, rows 0.99, fluid plan", longWalks, fluidPlan, 100);
  regime("N=1000, ΣD=2e4, rows 0.99, nothing stocked", longWalks, emptyPlan, 10);
  regime("N=1000, ΣD=1e7, fluid plan", bigSeason, fluidPlan, 2);
  log(
    `  fastest ${(fastest / 1e6).toFixed(1)} M, slowest ${(slowest / 1e6).toFixed(1)} M steps per CPU second; the budget assumes ${SECONDS_PER_CUSTOMER * 1e9} ns a customer and ${SECONDS_PER_EXTRA_VISIT * 1e9} ns a further visit`,
  );
  // A run at the budget's edge: 2 seasons (evaluate's least work) of the most work a 2 s limit accepts, in the
  // fastest regime (big seasons, short walks) and in the slowest (nothing stocked).
  const limitS = 2;
  for (const [label, planOf] of [
    ["fluid plan", fluidPlan],
    ["nothing stocked", emptyPlan],
  ] as const) {
    let demand = 1e7;
    let model = validateInstance(generateInstance({ n: 1000, totalDemand: demand, substitutes: 10, seed: 3 }).instance);
    for (let k = 0; k < 2; k++) {
      demand = limitS / (2 * seasonSeconds(1, seasonWalk(model, planOf(model))));
      model = validateInstance(generateInstance({ n: 1000, totalDemand: demand, substitutes: 10, seed: 3 }).instance);
    }
    const plan = planOf(model);
    const t = cpuSeconds(() => simulate(model, plan, { reps: 2, seed: 1 }));
    log(
      `  at the edge of a ${limitS} s limit, ${label} (2 seasons of ΣD=${demand.toPrecision(3)}): ${t.toFixed(2)} CPU s`,
    );
  }
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}
