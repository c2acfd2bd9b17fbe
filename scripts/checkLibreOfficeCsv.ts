// The checks of scripts/check-libreoffice.sh, on the CSV files LibreOffice wrote for each sheet:
//   npx tsx scripts/checkLibreOfficeCsv.ts <plan.json> <original-csv-dir> <planned-csv-dir> <book-name>
// The plan sheet as LibreOffice reads it must hold the plan `assort plan --json` printed (each product's
// carry and units, the expected profit), and every other sheet must read exactly as in the input workbook.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/cli/csv";

interface PlanJson {
  expectedProfit: number;
  products: { id: string; carry: boolean; quantity: number }[];
}

const [planFile, originalDir, plannedDir, name] = process.argv.slice(2);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

/** A number as LibreOffice wrote it: "0.5", "54.49%", "1,234.5". */
function numberOf(field: string): number {
  const t = field.replace(/,/g, "").trim();
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

const plan = JSON.parse(readFileSync(planFile, "utf8")) as PlanJson;
const planCsv = join(plannedDir, `${name}.planned-Assort plan.csv`);
if (!existsSync(planCsv)) {
  console.error(`LibreOffice wrote no 'Assort plan' sheet (files: ${readdirSync(plannedDir).join(", ")})`);
  process.exit(1);
}
const rows = parseCsv(readFileSync(planCsv, "utf8"), ",").map((r) => r.fields);
// The plan table: the row that starts Rank, Product, Name; its columns by header.
const top = rows.findIndex((r) => r[0] === "Rank" && r[1] === "Product" && r[2] === "Name");
check(top >= 0, "no plan table header (Rank, Product, Name) in the plan sheet");
const header = top >= 0 ? rows[top] : [];
const col = (h: string) => header.indexOf(h);
for (const h of ["Action", "Units", "Buy value", "Stock-out risk", "Reason"]) check(col(h) >= 0, `no ${h} column`);
const byId = new Map(plan.products.map((p) => [p.id, p]));
let matched = 0;
for (const row of rows.slice(top + 1, top + 1 + plan.products.length)) {
  const p = byId.get(row[col("Product")]);
  if (!p) {
    failures.push(`plan row for unknown product '${row[col("Product")]}'`);
    continue;
  }
  check(
    numberOf(row[col("Units")]) === p.quantity,
    `${p.id}: ${row[col("Units")]} units in the sheet, ${p.quantity} printed`,
  );
  // Keep also covers a product that stays out of the range (0 units now and planned).
  const action = row[col("Action")];
  const fits = p.carry ? !["Not carried", "Drop"].includes(action) : ["Not carried", "Drop", "Keep"].includes(action);
  check(fits, `${p.id}: action ${action} in the sheet, carry ${p.carry} printed`);
  // LibreOffice computes the Buy value formula itself: Units × Cost.
  const buy = numberOf(row[col("Buy value")]);
  const cost = numberOf(row[col("Cost")]);
  check(Math.abs(buy - p.quantity * cost) <= 1e-6 * Math.max(1, buy), `${p.id}: buy value ${buy}, not units × cost`);
  matched++;
}
check(matched === plan.products.length, `${matched} of ${plan.products.length} products found in the plan sheet`);
// The figures at the top: the Recommended row under "Plan figures".
const figures = rows.findIndex((r) => r[0] === "Plan figures");
const profitColumn = figures >= 0 ? rows[figures].indexOf("Expected profit") : -1;
const profit = figures >= 0 && profitColumn >= 0 ? numberOf(rows[figures + 1][profitColumn]) : NaN;
check(
  Math.abs(profit - plan.expectedProfit) <= 1e-6 * Math.abs(plan.expectedProfit),
  `expected profit ${profit} in the sheet, ${plan.expectedProfit} printed`,
);

// Every other sheet: LibreOffice reads the copy exactly as it reads the input.
const others = readdirSync(originalDir).filter((f) => f.endsWith(".csv"));
for (const f of others) {
  const copy = join(plannedDir, f.replace(`${name}-`, `${name}.planned-`));
  check(
    existsSync(copy) && readFileSync(copy, "utf8") === readFileSync(join(originalDir, f), "utf8"),
    `sheet ${f} reads differently in the copy`,
  );
}

if (failures.length > 0) {
  console.error(`FAILED: ${failures.length} problem(s)\n  ${failures.slice(0, 20).join("\n  ")}`);
  process.exit(1);
}
console.log(
  `OK: LibreOffice opens the planned workbook; 'Assort plan' holds all ${matched} products with the printed carry and units, buy values it computes as units × cost, and the expected profit ${plan.expectedProfit.toFixed(2)}; ${others.length} other sheet(s) read exactly as in the input.`,
);
