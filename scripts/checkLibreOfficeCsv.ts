// The checks of scripts/check-libreoffice.sh, on the CSV files LibreOffice wrote for each sheet:
//   npx tsx scripts/checkLibreOfficeCsv.ts <plan.json> <original-csv-dir> <planned-csv-dir> <book-name>
// The plan sheet as LibreOffice reads it must hold the plan `assort plan --json` printed (each product's
// carry and units, the expected profit), and every other sheet must read exactly as in the input workbook.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../src/cli/csv";
import { TABLE_HEADER } from "../src/excel/planSheetData";

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
check(
  TABLE_HEADER.every((h, k) => rows[0][k] === h),
  `plan header is ${rows[0].slice(0, TABLE_HEADER.length).join(", ")}`,
);
const col = (h: string) => TABLE_HEADER.indexOf(h);
const byId = new Map(plan.products.map((p) => [p.id, p]));
let matched = 0;
for (const row of rows.slice(1, plan.products.length + 1)) {
  const p = byId.get(row[col("Product")]);
  if (!p) {
    failures.push(`plan row for unknown product '${row[col("Product")]}'`);
    continue;
  }
  check(
    numberOf(row[col("Units")]) === p.quantity,
    `${p.id}: ${row[col("Units")]} units in the sheet, ${p.quantity} printed`,
  );
  check(
    (row[col("Carry")] === "TRUE") === p.carry,
    `${p.id}: carry ${row[col("Carry")]} in the sheet, ${p.carry} printed`,
  );
  matched++;
}
check(matched === plan.products.length, `${matched} of ${plan.products.length} products found in the plan sheet`);
const profitRow = rows.find((r) => r[TABLE_HEADER.length + 1] === "Expected profit");
const profit = profitRow ? numberOf(profitRow[TABLE_HEADER.length + 2]) : NaN;
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
  `OK: LibreOffice opens the planned workbook; 'Assort plan' holds all ${matched} products with the printed carry and units and the expected profit ${plan.expectedProfit.toFixed(2)}; ${others.length} other sheet(s) read exactly as in the input.`,
);
