// assort plan on the example workbooks: the plan written equals the engine's plan for the JSON twin with the
// same method and seed (decision by decision, and the summary's figures); every other sheet comes back value
// for value with its formulas, number formats, styles, tables and defined names; a re-run replaces only the
// plan sheet; assort evaluate on a workbook gives what it gives on the JSON twin.

import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { optimize } from "../../src/engine/optimize/optimize";
import type { Method, OptimizeResult } from "../../src/engine/optimize/optimizeTypes";
import { validateInstance } from "../../src/engine/model/validate";
import { figures, planTable, ruleRow, stamp } from "./planSheetReading";
import { cellMap, EXAMPLES, filesIn, readBook, runOnDisk, tempFolder, values } from "./workbookHelpers";

/** The plan table's columns, without the user's own Products columns (the examples have none). */
const PLAN_HEADER = [
  "Rank",
  "Product",
  "Name",
  "Action",
  "Units",
  "Price",
  "Cost",
  "Buy value",
  "First-choice demand",
  "Expected sales",
  "Expected revenue",
  "Profit contribution",
  "Leftover",
  "Fill rate",
  "Lost customers",
  "Stock-out risk",
  "Reason",
];

/** The header with Current units after Action when the workbook gives a current range. */
function expectedHeader(r: OptimizeResult, extras: string[]): string[] {
  const current = r.decisions.some((d) => (d as { currentUnits?: number }).currentUnits !== undefined);
  return [
    ...PLAN_HEADER.slice(0, 3),
    ...extras,
    "Action",
    ...(current ? ["Current units"] : []),
    ...PLAN_HEADER.slice(4),
  ];
}

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.cleanup());

async function engineResult(json: string, method: Method, seed: number, timeLimitMs: number): Promise<OptimizeResult> {
  const model = validateInstance(JSON.parse(readFileSync(path.join(EXAMPLES, json), "utf8")));
  return optimize(model, { method, seed, timeLimitMs });
}

function expectSamePlan(ws: Worksheet, r: OptimizeResult, extras: string[] = []): void {
  const n = r.decisions.length;
  const t = planTable(ws);
  expect(t.header).toEqual(expectedHeader(r, extras));
  expect(t.rows).toHaveLength(n);
  const at = (row: unknown[], h: string) => row[t.header.indexOf(h)];
  const byId = new Map(r.decisions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let lastDemand = Infinity;
  t.rows.forEach((row, k) => {
    const d = byId.get(at(row, "Product") as string);
    if (!d) throw new Error(`row ${k + 2}: unknown product ${String(at(row, "Product"))}`);
    seen.add(d.id);
    expect(at(row, "Rank")).toBe(k + 1);
    expect(at(row, "Name")).toBe(d.name === "" ? null : d.name);
    const action = (d as { action?: string }).action;
    expect(at(row, "Action")).toBe(action ?? (d.carry ? "Carry" : "Not carried"));
    expect(at(row, "First-choice demand")).toBeCloseTo(d.firstChoiceDemand, 9);
    expect(at(row, "Units")).toBe(d.units);
    expect(at(row, "Expected sales")).toBeCloseTo(d.expectedSales, 9);
    if (d.carry) expect(at(row, "Stock-out risk")).toBeCloseTo(d.stockoutProbability, 9);
    else expect(at(row, "Stock-out risk")).toBeNull();
    expect(at(row, "Reason")).toBe(d.reason);
    // Buy value is a live formula Units × Cost of its own row.
    const buy = ws.getCell(t.top + 1 + k, t.column("Buy value")).value as { formula: string; result: number };
    expect(buy.formula).toMatch(/^[A-Z]+\d+\*[A-Z]+\d+$/);
    // exceljs writes no cached result for a formula that computes to 0; the workbook recalculates on load.
    expect(buy.result ?? 0).toBeCloseTo(d.units * (at(row, "Cost") as number), 9);
    // Ranked by first-choice demand, most wanted first.
    expect(d.firstChoiceDemand).toBeLessThanOrEqual(lastDemand);
    lastDemand = d.firstChoiceDemand;
  });
  expect(seen.size).toBe(n);
  const s = figures(ws);
  expect(s.get("Expected profit")).toBeCloseTo(r.evaluation.expectedProfit, 6);
  expect(s.get("Upper bound")).toBeCloseTo(r.bound.value, 6);
  const carried = r.decisions.filter((d) => d.carry).length;
  expect(s.get("Products carried")).toBe(carried);
  // Not carried reads from the table's greyed rows (a "dropped" count would clash with the Drop action).
  expect(s.has("Products dropped")).toBe(false);
  expect(s.get("Units")).toBe(r.decisions.reduce((a, d) => a + d.units, 0));
  expect(stamp(ws).get("Method")).toBe(r.method);
}

/** Every sheet but the plan: same cells (values, formulas, formats, fonts, fills), widths, tables, views. */
function expectSheetsUnchanged(before: Workbook, after: Workbook): void {
  const names = before.worksheets.map((w) => w.name);
  expect(after.worksheets.map((w) => w.name).filter((n) => n !== "Assort plan")).toEqual(
    names.filter((n) => n !== "Assort plan"),
  );
  for (const name of names) {
    if (name === "Assort plan") continue;
    const a = before.getWorksheet(name) as Worksheet;
    const b = after.getWorksheet(name) as Worksheet;
    const cellsA = cellMap(a);
    expect(cellsA.size).toBeGreaterThan(0);
    expect(cellMap(b)).toEqual(cellsA);
    for (let c = 1; c <= a.columnCount; c++) expect(b.getColumn(c).width).toBe(a.getColumn(c).width);
    expect(b.views).toEqual(a.views);
    const tables = (ws: Worksheet) =>
      (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map((t) => [
        t.table.name,
        t.table.tableRef,
      ]);
    expect(tables(b)).toEqual(tables(a));
  }
  expect(after.definedNames.model).toEqual(before.definedNames.model);
}

describe("the fashion workbook", () => {
  test("the plan written is the engine's plan for fashion.json (gk, seed 5); other sheets, formulas and formats unchanged", async () => {
    const input = path.join(folder.dir, "fashion.xlsx");
    copyFileSync(path.join(EXAMPLES, "fashion.xlsx"), input);
    const before = readFileSync(input);
    const r = await runOnDisk(["plan", input, "--method", "gk", "--seed", "5", "--time-limit", "600", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.output).toBe(path.join(folder.dir, "fashion.planned.xlsx"));
    expect(out.stoppedEarly).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);

    const truth = await engineResult("fashion.json", "gk", 5, 600_000);
    const written = await readBook(out.output);
    const extras = ["Style", "Colour", "Size label", "Margin"];
    expectSamePlan(written.getWorksheet("Assort plan") as Worksheet, truth, extras);
    const original = await readBook(input);
    // The user's own Products columns are carried beside each product, value by value (a formula as its value).
    const products = original.getWorksheet("Products") as Worksheet;
    const productHeader = values(products, 1, 1, 1, 20)[0];
    const productRows = new Map(values(products, 2, 1, 301, 20).map((row) => [row[0], row]));
    const carried = planTable(written.getWorksheet("Assort plan") as Worksheet);
    for (const row of carried.rows)
      for (const h of extras)
        expect(row[carried.column(h) - 1]).toEqual(
          productRows.get(row[carried.column("Product") - 1])?.[productHeader.indexOf(h)],
        );
    expectSheetsUnchanged(original, written);
    // The user's formulas and number formats, checked by hand as well as wholesale.
    const summarySheet = written.getWorksheet("Season summary") as Worksheet;
    expect(summarySheet.getCell("B3").value).toEqual({ formula: "SUM(Products!I2:I301)", result: expect.any(Number) });
    expect(summarySheet.getCell("B4").numFmt).toBe("#,##0.00");
    expect((written.getWorksheet("Products") as Worksheet).getCell("J2").value).toMatchObject({ formula: "F2-G2" });
    // The plan is an Excel table with number formats.
    const plan = written.getWorksheet("Assort plan") as Worksheet;
    const t = planTable(plan);
    expect(t.name).toBe("AssortPlan");
    expect(t.rows).toHaveLength(300);
    expect(plan.getCell(t.top + 1, t.column("Units")).numFmt).toBe("#,##0");
    expect(plan.getCell(t.top + 1, t.column("Stock-out risk")).numFmt).toBe("0%");
  });
});

describe("the small workbook", () => {
  const input = () => path.join(folder.dir, "small.xlsx");
  beforeAll(() => copyFileSync(path.join(EXAMPLES, "small.xlsx"), input()));

  test("its Options (method auto, seed 1, 10 s) give the engine's plan for small.json; the stamp says how", async () => {
    const out = path.join(folder.dir, "small-plan.xlsx");
    const r = await runOnDisk(["plan", input(), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Plan written to ${out}, sheet 'Assort plan'`);
    expect(r.stdout).toMatch(/Expected profit +[\d,]+\.\d\d ± [\d,.]+ \(95% interval/);
    const truth = await engineResult("small.json", "auto", 1, 10_000);
    expect(truth.stoppedEarly).toBe(false);
    const written = await readBook(out);
    const plan = written.getWorksheet("Assort plan") as Worksheet;
    expectSamePlan(plan, truth);
    expectSheetsUnchanged(await readBook(input()), written);
    const lines = stamp(plan);
    expect(lines.get("Products range")).toBe("Products!A1:G11");
    expect(lines.get("Substitution range")).toBe("Substitution!A1:K11");
    expect(lines.get("Settings")).toBe(
      "method auto (Options row 3); seed 1 (Options row 4); time limit 10 s (Options row 5)",
    );
    expect(lines.get("Command")).toBe("assort plan small.xlsx --method auto --seed 1 --time-limit 10");
    expect(lines.get("Input SHA-256")).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the quick start twice: the planned copy assort wrote is replaced; once saved by someone it needs --force", async () => {
    const book = path.join(folder.dir, "twice.xlsx");
    copyFileSync(input(), book);
    const out = path.join(folder.dir, "twice.planned.xlsx");
    expect((await runOnDisk(["plan", book, "--method", "fluid"])).code).toBe(0);
    const again = await runOnDisk(["plan", book, "--method", "fluid"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`note: '${out}' is a planned copy assort wrote earlier; it is replaced`);
    // Someone opens the copy and saves it: it is theirs now.
    const saved = await readBook(out);
    saved.lastModifiedBy = "Ana";
    await saved.xlsx.writeFile(out);
    const refused = await runOnDisk(["plan", book, "--method", "fluid"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`'${out}' already exists; pass --force to replace it`);
    expect((await runOnDisk(["plan", book, "--method", "fluid", "--force"])).code).toBe(0);
  });

  test("a re-run on the planned copy replaces the plan sheet in place and nothing else", async () => {
    const first = path.join(folder.dir, "small-first.xlsx");
    const second = path.join(folder.dir, "small-second.xlsx");
    expect((await runOnDisk(["plan", input(), "--out", first, "--method", "fluid"])).code).toBe(0);
    // The user moves the plan sheet before the others; a re-run keeps it there.
    const moved = await readBook(first);
    const planSheet = moved.getWorksheet("Assort plan") as unknown as { orderNo: number };
    planSheet.orderNo = -1;
    await moved.xlsx.writeFile(first);
    const r = await runOnDisk(["plan", first, "--out", second, "--method", "newsvendor"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the earlier 'Assort plan' sheet is replaced");
    const a = await readBook(first);
    const b = await readBook(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(b.worksheets[0].name).toBe("Assort plan");
    expectSheetsUnchanged(a, b);
    expect(stamp(b.getWorksheet("Assort plan") as Worksheet).get("Method")).toBe("newsvendor");
  });

  test("on a terminal a progress bar is drawn on stderr, and erased; stdout has only the summary", async () => {
    let t = 0;
    const r = await runOnDisk(["plan", input(), "--out", path.join(folder.dir, "tty.xlsx"), "--method", "gk"], {
      now: () => (t += 150),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r[A-Za-z ]+ \[#*-*\] \d+%/);
    expect(r.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(r.stdout).not.toContain("\r");
    expect(r.stdout).toMatch(/^Read +/);
  });

  test("never writes over its input or an existing file without --force", async () => {
    const out = path.join(folder.dir, "taken.xlsx");
    writeFileSync(out, "mine");
    const refused = await runOnDisk(["plan", input(), "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`'${out}' already exists; pass --force to replace it`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const self = await runOnDisk(["plan", input(), "--out", input(), "--force"]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("is the input workbook; assort never writes over its input");
    const nowhere = await runOnDisk([
      "plan",
      input(),
      "--out",
      path.join(folder.dir, "missing", "x.xlsx"),
      "--method",
      "fluid",
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain("x.xlsx': its folder does not exist; nothing was written");
    const forced = await runOnDisk(["plan", input(), "--out", out, "--force", "--method", "fluid"]);
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect(filesIn(folder.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("assort evaluate small.xlsx evaluates its Units column exactly as small.json with small.plan.json", async () => {
    const xlsx = await runOnDisk(["evaluate", input(), "--json"]);
    expect(xlsx.code).toBe(0);
    const json = await runOnDisk([
      "evaluate",
      path.join(EXAMPLES, "small.json"),
      "--plan",
      path.join(EXAMPLES, "small.plan.json"),
      "--json",
    ]);
    const a = JSON.parse(xlsx.stdout);
    const b = JSON.parse(json.stdout);
    expect(a.unitsFrom).toBe("the Units column of Products (G2:G11)");
    expect(a.plan).toEqual(b.plan);
    expect(a.expectedProfit).toBe(b.expectedProfit);
    expect(a.products).toEqual(b.products);
    // --plan with a workbook: the plan file instead of the typed units.
    const zero = path.join(folder.dir, "zero.json");
    writeFileSync(zero, JSON.stringify({ plan: [{ id: "TEE-BLK-M", quantity: 5 }] }));
    const withFile = JSON.parse(
      (await runOnDisk(["evaluate", input(), "--plan", zero, "--json", "--reps", "50"])).stdout,
    );
    expect(withFile.products.map((p: { quantity: number }) => p.quantity)).toEqual([5, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(withFile.unitsFrom).toBe(zero);
  });

  test("assort evaluate reads the edited Units of the plan sheet when Products has none", async () => {
    const wb = await readBook(input());
    const products = wb.getWorksheet("Products") as Worksheet;
    products.spliceColumns(7, 1); // drop the Units column
    const noUnits = path.join(folder.dir, "no-units.xlsx");
    await wb.xlsx.writeFile(noUnits);
    const planned = path.join(folder.dir, "no-units.planned.xlsx");
    expect((await runOnDisk(["plan", noUnits, "--method", "fluid"])).code).toBe(0);
    expect(existsSync(planned)).toBe(true);
    // The buyer overrides one product in the plan table: 0 units of the first-ranked product.
    const edited = await readBook(planned);
    const plan = edited.getWorksheet("Assort plan") as Worksheet;
    const t = planTable(plan);
    const id = plan.getCell(t.top + 1, t.column("Product")).value as string;
    plan.getCell(t.top + 1, t.column("Units")).value = 0;
    await edited.xlsx.writeFile(planned);
    const r = await runOnDisk(["evaluate", planned, "--json", "--reps", "200"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unitsFrom).toBe(`the Units column of 'Assort plan' ('Assort plan'!${t.ref})`);
    expect(out.products.find((p: { id: string }) => p.id === id).quantity).toBe(0);
    const units = new Map<string, number>();
    for (let row = t.top + 1; row <= t.top + 10; row++)
      units.set(
        plan.getCell(row, t.column("Product")).value as string,
        plan.getCell(row, t.column("Units")).value as number,
      );
    for (const p of out.products) expect(p.quantity).toBe(units.get(p.id));
  });

  test("--units plan evaluates the plan sheet even when Products has a Units column; --units products insists on it", async () => {
    const planned = path.join(folder.dir, "units-choice.xlsx");
    expect((await runOnDisk(["plan", input(), "--out", planned, "--method", "fluid"])).code).toBe(0);
    const fromPlan = JSON.parse(
      (await runOnDisk(["evaluate", planned, "--units", "plan", "--json", "--reps", "100"])).stdout,
    );
    const fromProducts = JSON.parse((await runOnDisk(["evaluate", planned, "--json", "--reps", "100"])).stdout);
    const plan = (await readBook(planned)).getWorksheet("Assort plan") as Worksheet;
    const t = planTable(plan);
    const sheetUnits = new Map<string, number>();
    for (let row = t.top + 1; row <= t.top + 10; row++)
      sheetUnits.set(
        plan.getCell(row, t.column("Product")).value as string,
        plan.getCell(row, t.column("Units")).value as number,
      );
    for (const p of fromPlan.products) expect(p.quantity).toBe(sheetUnits.get(p.id));
    const typed = JSON.parse(readFileSync(path.join(EXAMPLES, "small.plan.json"), "utf8")) as {
      plan: { id: string; quantity: number }[];
    };
    for (const p of typed.plan)
      expect(fromProducts.products.find((q: { id: string }) => q.id === p.id).quantity).toBe(p.quantity);
    const bad = await runOnDisk(["evaluate", input(), "--units", "plan"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("there is no 'Assort plan' sheet; run assort plan first");
  });
});

test("with a budget in Options the summary shows the budget used: Σ cost × units of the plan table", async () => {
  const wb = await readBook(path.join(EXAMPLES, "small.xlsx"));
  (wb.getWorksheet("Options") as Worksheet).addRow(["budget", 5000]);
  const input = path.join(folder.dir, "budget.xlsx");
  await wb.xlsx.writeFile(input);
  const r = await runOnDisk(["plan", input, "--method", "gk", "--seed", "3"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Limits +budget [\d,.]+ of 5,000\.00/);
  const out = await readBook(path.join(folder.dir, "budget.planned.xlsx"));
  const plan = out.getWorksheet("Assort plan") as Worksheet;
  const cost = new Map(
    (values(out.getWorksheet("Products") as Worksheet, 2, 1, 11, 4) as [string, string, number, number][]).map(
      (row) => [row[0], row[3]],
    ),
  );
  let spend = 0;
  const t = planTable(plan);
  for (const row of t.rows)
    spend += (cost.get(row[t.column("Product") - 1] as string) as number) * (row[t.column("Units") - 1] as number);
  const s = figures(plan);
  const budget = ruleRow(plan, "Budget");
  expect(budget.size > 0 ? budget.get("Used") : s.get("Budget used")).toBeCloseTo(spend, 6);
  expect(spend).toBeLessThanOrEqual(5000);
  expect(s.get("Upper bound")).toBeLessThan(10244.5); // the budget tightens the fluid bound (10,244.50 without it)
});

test("a sheet named 'assort plan' in other case is the plan sheet; a name AssortPlan taken elsewhere gives the table another", async () => {
  const wb = await readBook(path.join(EXAMPLES, "small.xlsx"));
  wb.addWorksheet("ASSORT PLAN").getCell("A1").value = "old";
  wb.definedNames.add("Options!$B$2", "AssortPlan");
  const input = path.join(folder.dir, "cased.xlsx");
  await wb.xlsx.writeFile(input);
  const r = await runOnDisk(["plan", input, "--method", "fluid"]);
  expect(r.code).toBe(0);
  const out = await readBook(path.join(folder.dir, "cased.planned.xlsx"));
  expect(out.worksheets.map((w) => w.name)).toEqual(["Read me", "Products", "Substitution", "Options", "Assort plan"]);
  const plan = out.getWorksheet("Assort plan") as Worksheet;
  expect((plan.getTables() as unknown as { table: { name: string } }[])[0].table.name).toBe("AssortPlan_2");
});

test("what exceljs keeps of a workbook it did not make: validation, conditional formats, notes, links, merges, hidden sheets", async () => {
  const wb = await readBook(path.join(EXAMPLES, "small.xlsx"));
  const ws = wb.addWorksheet("Notes");
  ws.getCell("A1").value = "Buyer";
  ws.getCell("B1").value = "Ana";
  ws.getCell("B1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ana,Ben,Cy"'] };
  ws.getCell("A2").value = { text: "Range review", hyperlink: "https://example.com/review" };
  ws.getCell("A3").value = { richText: [{ text: "Bold", font: { bold: true } }, { text: " and plain" }] };
  ws.getCell("A4").value = 0.25;
  ws.getCell("A4").numFmt = "0.0%";
  ws.getCell("A4").note = "target margin";
  ws.mergeCells("C1:E2");
  ws.getCell("C1").value = "merged title";
  ws.addConditionalFormatting({
    ref: "A4",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        priority: 1,
        formulae: ["0.2"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFFF00" } } },
      },
    ],
  });
  wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = 7;
  const input = path.join(folder.dir, "rich.xlsx");
  await wb.xlsx.writeFile(input);
  const r = await runOnDisk(["plan", input, "--method", "fluid"]);
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain("the copy lacks");
  const out = await readBook(path.join(folder.dir, "rich.planned.xlsx"));
  const notes = out.getWorksheet("Notes") as Worksheet;
  expect(notes.getCell("B1").dataValidation).toEqual({ type: "list", allowBlank: true, formulae: ['"Ana,Ben,Cy"'] });
  expect(notes.getCell("A2").value).toEqual({ text: "Range review", hyperlink: "https://example.com/review" });
  expect(notes.getCell("A3").value).toEqual({
    richText: [{ text: "Bold", font: { bold: true } }, { text: " and plain" }],
  });
  expect(notes.getCell("A4").numFmt).toBe("0.0%");
  expect(notes.getCell("A4").note).toBe("target margin");
  expect(notes.model.merges).toEqual(["C1:E2"]);
  // exceljs keeps conditional formats on the sheet but does not declare the field in its types.
  expect(JSON.stringify((notes as unknown as { conditionalFormattings: unknown }).conditionalFormattings)).toContain(
    '"greaterThan"',
  );
  expect((out.getWorksheet("Hidden") as Worksheet).state).toBe("hidden");
});
