// Generates the example workbooks from their JSON twins, so both always describe the same instance:
//   examples/fashion.xlsx  from fashion.json: 300 products as an Excel table, substitution as a From, To,
//                          Probability list, an Options sheet and a "Season summary" sheet of formulas;
//   examples/small.xlsx    from small.json and small.plan.json: 10 products as a plain range with a Units
//                          column (the current plan, for assort evaluate), a substitution matrix, Options and
//                          a "Read me" sheet.
//
//   npm run examples:workbooks
//
// The cells are deterministic; the file's properties carry a fixed date, but the zip entries the time of writing.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";

interface ProductJson {
  id: string;
  name?: string;
  price: number;
  cost: number;
  salvage?: number;
  demand: number;
  currentUnits?: number;
}

interface InstanceJson {
  products: ProductJson[];
  substitution: { from: string; to: string; probability: number }[];
  customers?: { distribution?: string };
}

const EXAMPLES = join(__dirname, "..", "examples");
/** Fixed file properties, so regenerating an unchanged example gives an unchanged file. */
const CREATED = new Date(Date.UTC(2026, 0, 1));

const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDDEBF7" } };
const MONEY = "#,##0.00";

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(EXAMPLES, name), "utf8")) as T;
}

function newWorkbook(): Workbook {
  const wb = new Workbook();
  wb.creator = "Assort examples";
  wb.created = CREATED;
  wb.modified = CREATED;
  return wb;
}

/** "Crew tee, black, XS" → style, colour and size as a merchandiser's sheet lists them. */
function nameParts(name: string | undefined): [string, string, string] {
  const parts = (name ?? "").split(", ");
  return [parts[0] ?? "", parts[1] ?? "", parts[2] ?? ""];
}

function styleHeader(ws: Worksheet, widths: number[]): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

function optionsSheet(wb: Workbook, rows: [string, string | number | null, string][]): void {
  const ws = wb.addWorksheet("Options");
  ws.addRow(["Name", "Value", "Note"]);
  for (const r of rows) ws.addRow(r);
  styleHeader(ws, [14, 10, 90]);
}

/** Fashion: the realistic case, 300 products as an Excel table. */
function fashion(): Workbook {
  const inst = load<InstanceJson>("fashion.json");
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Products");
  const n = inst.products.length;
  // Columns: A Product, B Name, C Style, D Colour, E Size label, F Price, G Cost, H Salvage, I Demand,
  // J Margin (a formula), K Min, L Max, M Pack, N Must offer, O Exclude, P Units, Q Current units (last
  // season's buy: what Assort compares its plan with).
  const rows = inst.products.map((p, k) => {
    const [style, colour, size] = nameParts(p.name);
    const r = k + 2;
    // Units: the buyer's first draft, the forecast rounded up, for assort evaluate to judge.
    return [
      p.id,
      p.name ?? "",
      style,
      colour,
      size,
      p.price,
      p.cost,
      p.salvage ?? 0,
      p.demand,
      { formula: `F${r}-G${r}`, result: Math.round((p.price - p.cost) * 100) / 100 },
      null,
      null,
      null,
      null,
      null,
      Math.ceil(p.demand),
      p.currentUnits ?? 0,
    ];
  });
  ws.addTable({
    name: "Products",
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [
      "Product",
      "Name",
      "Style",
      "Colour",
      "Size label",
      "Price",
      "Cost",
      "Salvage",
      "Demand",
      "Margin",
      "Min",
      "Max",
      "Pack",
      "Must offer",
      "Exclude",
      "Units",
      "Current units",
    ].map((name) => ({ name, filterButton: true })),
    rows,
  });
  [14, 30, 14, 10, 10, 9, 9, 9, 9, 9, 6, 6, 6, 10, 8, 8, 14].forEach((w, k) => (ws.getColumn(k + 1).width = w));
  for (let r = 2; r <= n + 1; r++) {
    for (const c of [6, 7, 8, 10]) ws.getCell(r, c).numFmt = MONEY;
    ws.getCell(r, 9).numFmt = "0.0";
  }
  ws.views = [{ state: "frozen", ySplit: 1 }];

  const sub = wb.addWorksheet("Substitution");
  sub.addRow(["From", "To", "Probability"]);
  for (const s of inst.substitution) sub.addRow([s.from, s.to, s.probability]);
  for (let r = 2; r <= inst.substitution.length + 1; r++) sub.getCell(r, 3).numFmt = "0%";
  styleHeader(sub, [14, 14, 12]);

  optionsSheet(wb, [
    [
      "customers",
      inst.customers?.distribution ?? "poisson",
      "poisson: the number of customers who want each product first is Poisson(Demand)",
    ],
    ["budget", null, "limit on the purchase cost (Cost × Units); blank means none"],
    ["maxProducts", null, "at most this many products carried; blank means no limit"],
    ["method", "auto", "auto, fluid, newsvendor, gk or pooled"],
    ["seed", 1, "the same seed gives the same plan"],
    ["time limit", 20, "search time in seconds"],
  ]);

  // A sheet of the user's own formulas over the inputs: assort plan must carry it over untouched.
  const sum = wb.addWorksheet("Season summary");
  const demand = inst.products.reduce((a, p) => a + p.demand, 0);
  const draftCost = inst.products.reduce((a, p) => a + p.cost * Math.ceil(p.demand), 0);
  const avgPrice = inst.products.reduce((a, p) => a + p.price, 0) / n;
  sum.addRow(["Measure", "Value"]);
  sum.addRow(["Products", { formula: `COUNTA(Products!A2:A${n + 1})`, result: n }]);
  sum.addRow(["Expected customers", { formula: `SUM(Products!I2:I${n + 1})`, result: demand }]);
  sum.addRow(["Average price", { formula: `AVERAGE(Products!F2:F${n + 1})`, result: avgPrice }]);
  sum.addRow([
    "Cost of the draft buy",
    { formula: `SUMPRODUCT(Products!G2:G${n + 1},Products!P2:P${n + 1})`, result: draftCost },
  ]);
  sum.getCell("B3").numFmt = "#,##0";
  sum.getCell("B4").numFmt = MONEY;
  sum.getCell("B5").numFmt = '"$"#,##0';
  styleHeader(sum, [24, 14]);
  wb.definedNames.add("'Season summary'!$B$3", "ExpectedCustomers");
  return wb;
}

/** Small: 10 products for learning, a plain range and a substitution matrix. */
function small(): Workbook {
  const inst = load<InstanceJson>("small.json");
  const plan = load<{ plan: { id: string; quantity: number }[] }>("small.plan.json");
  const units = new Map(plan.plan.map((p) => [p.id, p.quantity]));
  const wb = newWorkbook();

  const readMe = wb.addWorksheet("Read me");
  const lines = [
    "Assort example: 10 crew tees",
    "",
    "Products: one row per product. Price, Cost and Salvage are per unit; Demand is the expected number of customers who want the product first this season.",
    "Units is the current plan; assort evaluate small.xlsx judges it.",
    "Substitution: row = the product a customer wanted, column = the one she takes instead when it is missing (a share between 0 and 1; blank is 0).",
    "Options: settings (leave a value blank for its default).",
    "",
    "Run: npx assort plan examples/small.xlsx    (writes examples/small.planned.xlsx with an 'Assort plan' sheet)",
  ];
  for (const l of lines) readMe.addRow([l]);
  readMe.getCell("A1").font = { bold: true, size: 14 };
  readMe.getColumn(1).width = 120;

  const ws = wb.addWorksheet("Products");
  ws.addRow(["Product", "Name", "Price", "Cost", "Salvage", "Demand", "Units"]);
  for (const p of inst.products)
    ws.addRow([p.id, p.name ?? "", p.price, p.cost, p.salvage ?? 0, p.demand, units.get(p.id) ?? 0]);
  for (let r = 2; r <= inst.products.length + 1; r++) for (const c of [3, 4, 5]) ws.getCell(r, c).numFmt = MONEY;
  styleHeader(ws, [12, 26, 9, 9, 9, 9, 8]);

  const ids = inst.products.map((p) => p.id);
  const sub = wb.addWorksheet("Substitution");
  sub.addRow(["From \\ To", ...ids]);
  for (const from of ids) {
    sub.addRow([
      from,
      ...ids.map((to) => inst.substitution.find((s) => s.from === from && s.to === to)?.probability ?? null),
    ]);
  }
  for (let r = 2; r <= ids.length + 1; r++) for (let c = 2; c <= ids.length + 1; c++) sub.getCell(r, c).numFmt = "0%";
  styleHeader(sub, [12, ...ids.map(() => 11)]);
  sub.getColumn(1).font = { bold: true };

  optionsSheet(wb, [
    ["customers", inst.customers?.distribution ?? "poisson", "poisson, fixed or negbin"],
    ["method", "auto", "auto, fluid, newsvendor, gk or pooled"],
    ["seed", 1, "the same seed gives the same plan"],
    ["time limit", 10, "search time in seconds"],
  ]);
  return wb;
}

async function main(): Promise<void> {
  for (const [name, wb] of [
    ["fashion.xlsx", fashion()],
    ["small.xlsx", small()],
  ] as const) {
    await wb.xlsx.writeFile(join(EXAMPLES, name));
    console.log(`wrote examples/${name}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
