// auto against the plain unit-by-unit greedy on a capacity-bound, zero-cost family (revenue only, at most
// C units, customers who rank products turned into a chain: src/engine/generate/rankingChain.ts). Both
// plans are judged on the same fresh seasons (common random numbers), so the difference carries a paired
// standard error. Writes bench/results/capacity.md. Must reach: auto ≥ greedy on every instance.
//
//   npm run bench:capacity

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { rankingChain } from "../src/engine/generate/rankingChain";
import { validateInstance } from "../src/engine/model/validate";
import type { Model } from "../src/engine/model/instance";
import { optimize } from "../src/engine/optimize/optimize";
import { seedKey } from "../src/engine/random/hash";
import { sampledSeasons } from "../src/engine/simulate/sampledSeasons";
import { playSeason } from "../src/engine/simulate/season";
import { unitGreedy } from "./baselines/unitGreedy";

/** Per-season profits of two plans on the same seasons: mean of each and the paired difference ± SE. */
export function pairedProfits(model: Model, a: ArrayLike<number>, b: ArrayLike<number>, seasons: number) {
  const s = sampledSeasons(model, seedKey("capacity:judge"), 0, seasons);
  const profit = (x: ArrayLike<number>, key: number) => {
    playSeason(model, x, key, s.counters, s.tables);
    let p = 0;
    for (let i = 0; i < model.n; i++)
      p += (model.price[i] - model.salvage[i]) * s.counters.sales[i] + (model.salvage[i] - model.cost[i]) * x[i];
    return p;
  };
  let ma = 0;
  let mb = 0;
  let sd = 0;
  let sd2 = 0;
  for (const key of s.keys) {
    const pa = profit(a, key);
    const pb = profit(b, key);
    ma += pa;
    mb += pb;
    sd += pa - pb;
    sd2 += (pa - pb) ** 2;
  }
  const k = s.keys.length;
  const d = sd / k;
  return { a: ma / k, b: mb / k, diff: d, se: Math.sqrt(Math.max(0, sd2 / k - d * d) / (k - 1)) };
}

export const CAPACITY_FAMILY = [
  { n: 10, capacity: 20, trafficPerUnit: 2 },
  { n: 10, capacity: 40, trafficPerUnit: 1.5 },
  { n: 15, capacity: 30, trafficPerUnit: 2.5 },
  { n: 15, capacity: 60, trafficPerUnit: 2 },
  { n: 20, capacity: 50, trafficPerUnit: 1.5 },
  { n: 20, capacity: 80, trafficPerUnit: 2 },
  { n: 25, capacity: 100, trafficPerUnit: 1.5 },
  { n: 25, capacity: 120, trafficPerUnit: 2.5 },
  { n: 30, capacity: 150, trafficPerUnit: 2 },
  { n: 30, capacity: 70, trafficPerUnit: 3 },
  { n: 40, capacity: 150, trafficPerUnit: 1.5 },
  { n: 40, capacity: 100, trafficPerUnit: 2 },
];

async function main(): Promise<void> {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
  const rows: string[] = [];
  let worst = Infinity;
  for (const [k, spec] of CAPACITY_FAMILY.entries()) {
    const model = validateInstance(
      rankingChain({ ...spec, types: 3 * spec.n, listLength: [3, 6], seed: `capacity-${k + 1}` }),
    );
    const t0 = Date.now();
    const greedy = await unitGreedy(sampledSeasons(model, seedKey(`greedy-${k + 1}`), 0, 1000));
    const greedySeconds = (Date.now() - t0) / 1000;
    const r = await optimize(model, { method: "auto", seed: 1, timeLimitMs: 120000 });
    const c = pairedProfits(model, r.units, greedy, 20000);
    const top = (x: ArrayLike<number>) => Math.max(...Array.from(x)) / spec.capacity;
    // Identical plans: a difference of exactly 0 (no standard error to divide by).
    worst = Math.min(worst, c.se > 0 ? c.diff / c.se : c.diff === 0 ? 0 : Math.sign(c.diff) * Infinity);
    const row = `| ${k + 1} | ${spec.n} | ${spec.capacity} | ${(spec.capacity * spec.trafficPerUnit).toFixed(0)} | ${c.b.toFixed(2)} | ${c.a.toFixed(2)} | ${((100 * c.diff) / c.b).toFixed(2)}% ± ${((100 * c.se) / c.b).toFixed(2)}% | ${(100 * top(greedy)).toFixed(0)}% | ${(100 * top(r.units)).toFixed(0)}% | ${greedySeconds.toFixed(1)} | ${(r.elapsedMs / 1000).toFixed(1)} |`;
    console.log(row);
    rows.push(row);
  }
  const md = [
    "# Capacity-bound, zero-cost family: auto against the unit-by-unit greedy",
    "",
    "Instances from `rankingChain` (src/engine/generate/rankingChain.ts): 3N customer types, each ranking 3–6",
    "products, turned into a Markov chain; prices 1–10, cost and salvage 0, at most C units in total, Poisson",
    "traffic of the stated mean. Greedy: one unit at a time to the best simulated marginal revenue on 1,000",
    "sampled seasons (bench/baselines/unitGreedy.ts). Both plans judged on the same 20,000 fresh seasons; the",
    "difference is paired (± its standard error). Target: auto ≥ greedy on every instance. Regenerate:",
    "`npm run bench:capacity`.",
    "",
    `Machine: ${process.platform} ${process.arch}, Node ${process.version}, load average ${load} at the start`,
    "(shared by other agents: seconds are noisy). One worker.",
    "",
    "| # | N | C | ΣD | greedy revenue | auto revenue | auto − greedy | greedy's largest share of C | auto's | greedy s | auto s |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Smallest (auto − greedy) / SE: **${worst.toFixed(1)}**.`,
    "",
  ].join("\n");
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(join(__dirname, "results", "capacity.md"), md);
}

if (require.main === module) void main();
