// Engine throughput (issue: foundation): simulator customer-steps per second on one core at N = 1,000,
// ΣD = 20,000, and the time of the fluid bound at N = 10,000 with 10 substitutes per product.
// Figures, not pass/fail: run `npm run bench:engine`.

import { fluidBound } from "../src/engine/bound/fluidBound";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { simulate } from "../src/engine/simulate/simulate";
import { validateInstance } from "../src/engine/model/validate";

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
