// Generates examples/small.history.csv: a sales history drawn from the Markov chain of examples/small.json,
// for trying `assort fit` (whose estimate should come back close to that chain). Deterministic.
//
//   npx tsx scripts/make-history.ts
//
// 150 days of 40 customers; each day every product is in stock with probability 0.7 (stock-outs are what
// reveal substitution). 20% of arriving customers want none of the tees (the no-purchase share λ_0), the
// rest want product i first in proportion to its demand in small.json.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleHistory } from "../src/engine/generate/sampleHistory";
import { validateInstance } from "../src/engine/model/validate";

const NO_PURCHASE_SHARE = 0.2;
const DAYS = 150;
const PER_DAY = 40;
const AVAILABILITY = 0.7;
const SEED = 20260101;

const root = join(__dirname, "..");
const model = validateInstance(JSON.parse(readFileSync(join(root, "examples", "small.json"), "utf8")));
const lambda = Array.from(model.demand, (d) => ((1 - NO_PURCHASE_SHARE) * d) / model.totalDemand);
const customers = sampleHistory(lambda, NO_PURCHASE_SHARE, model.substitution, {
  customers: DAYS * PER_DAY,
  customersPerPeriod: PER_DAY,
  availability: AVAILABILITY,
  seed: SEED,
});
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = ["Day,Offered,Purchased"];
for (const c of customers) {
  lines.push(
    `${c.period + 1},${quote(c.offered.map((i) => model.ids[i]).join(";"))},${c.purchased >= 0 ? quote(model.ids[c.purchased]) : ""}`,
  );
}
const out = join(root, "examples", "small.history.csv");
writeFileSync(out, lines.join("\n") + "\n");
console.log(`wrote ${out}: ${customers.length} customers over ${DAYS} days`);
