// What the realistic ceiling costs inside `auto` against how tight it is, at the work budgets a cheaper default
// could use: the profile behind the speed target (issue 13). At N = 1,000 the ceiling is the largest single
// stage of `auto` (bench/results/speed.md); a smaller budget prices fewer substitution groups by SAA and leaves
// the rest at their fluid bound, so the figure stays a valid bound but grows looser. Writes
// bench/results/ceiling-cost.md. Figures, not pass/fail: `npx tsx bench/ceilingCost.ts`.

import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { generateInstance } from "../src/engine/generate/generateInstance";
import { limitedFluid } from "../src/engine/bound/limitedFluid";
import { CEILING_MAX_MS, CEILING_SHARE, realisticCeiling } from "../src/engine/bound/realisticCeiling";
import { validateInstance } from "../src/engine/model/validate";

/** A generous reference, the default cap (what `auto` uses from an 8 s limit up) and half of it. */
const BUDGETS_MS = [3000, CEILING_MAX_MS, CEILING_MAX_MS / 2];

/** The families of bench/speed.ts at size n (ΣD = 20·n). */
function familyInstance(family: string, n: number) {
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

const lines: string[] = [];
const load = loadavg().map((x) => x.toFixed(2));
for (const family of ["generate", "similarity"]) {
  for (const n of [1000, 10000]) {
    const model = validateInstance(familyInstance(family, n));
    const lf = limitedFluid(model);
    let reference = NaN;
    for (const timeMs of BUDGETS_MS) {
      const cpu0 = process.cpuUsage();
      const t0 = Date.now();
      const c = realisticCeiling(model, lf, { timeMs, seed: 1 });
      const wall = (Date.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      if (!c) continue;
      if (timeMs === BUDGETS_MS[0]) reference = c.value;
      const groups = /computed on (\d+ of \d+)/.exec(c.label)?.[1] ?? "all";
      lines.push(
        `| ${family} | ${n} | ${timeMs} | ${wall.toFixed(2)} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} | ${Math.round(c.value)} ± ${Math.round(c.stdError)} | ${(100 * (c.value / reference - 1)).toFixed(2)} | ${groups} |`,
      );
      console.log(lines[lines.length - 1]);
    }
  }
}
const out = [
  "# Cost of the realistic ceiling against its tightness",
  "",
  `The realistic ceiling (\`realisticCeiling\`, the SAA bound \`auto\` shows) at work budgets of 3,000 ms (a generous`,
  `reference), ${CEILING_MAX_MS.toLocaleString("en-US")} ms (the default cap: what \`auto\` uses at any limit from ${(CEILING_MAX_MS / CEILING_SHARE / 1000).toFixed(0)} s) and half of it, on the`,
  "`bench/speed.ts` families (ΣD = 20·N, seed 1), on this thread alone (inside `auto` the pass workers share the",
  "groups). Looser: how much higher (looser) the bound is than at 3,000 ms. Groups: substitution groups priced by",
  "SAA (the rest at their fluid bound). Regenerate: `npx tsx bench/ceilingCost.ts`.",
  "",
  `Machine: ${process.platform} ${process.arch}, Node ${process.version}; load average at start ${load.join(", ")}.`,
  "",
  "| family | N | budget (ms) | wall (s) | CPU s | ceiling | looser than at 3,000 ms (%) | groups by SAA |",
  "|---|---|---|---|---|---|---|---|",
  ...lines,
  "",
];
mkdirSync(join(__dirname, "results"), { recursive: true });
writeFileSync(join(__dirname, "results", "ceiling-cost.md"), out.join("\n"));
