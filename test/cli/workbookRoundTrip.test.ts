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
import { cellMap, EXAMPLES, filesIn, readBook, runOnDisk, tempFolder, values } from "./workbookHelpers";

const PLAN_HEADER = [
  "Rank",
  "Product",
  "Name",
  "Carry",
  "First-choice demand",
  "Units",
  "Expected sales",
  "Stock-out risk",
  "Decision reason",
];

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.cleanup());

async function engineResult(json: string, method: Method, seed: number, timeLimitMs: number): Promise<OptimizeResult> {
  const model = validateInstance(JSON.parse(readFileSync(path.join(EXAMPLES, json), "utf8")));
  return optimize(model, { method, seed, timeLimitMs });
}

/** The plan table as written: header row and one row per product. */
function planRows(ws: Worksheet, n: number): unknown[][] {
  return values(ws, 1, 1, n + 1, PLAN_HEADER.length);
}

/** Label → value of the summary block beside the table. */
function summary(ws: Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (let r = 1; r <= 40; r++) {
    const label = ws.getCell(r, PLAN_HEADER.length + 2).value;
    if (typeof label === "string") out.set(label, ws.getCell(r, PLAN_HEADER.length + 3).value);
  }
  return out;
}

function expectSamePlan(ws: Worksheet, r: OptimizeResult): void {
  const n = r.decisions.length;
  const rows = planRows(ws, n);
  expect(rows[0]).toEqual(PLAN_HEADER);
  const byId = new Map(r.decisions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let lastDemand = Infinity;
  rows.slice(1).forEach((row, k) => {
    const d = byId.get(row[1] as string);
    if (!d) throw new Error(`row ${k + 2}: unknown product ${String(row[1])}`);
    seen.add(d.id);
    expect(row[0]).toBe(k + 1);
    expect(row[2]).toBe(d.name === "" ? null : d.name);
    expect(row[3]).toBe(d.carry);
    expect(row[4]).toBeCloseTo(d.firstChoiceDemand, 9);
    expect(row[5]).toBe(d.units);
    expect(row[6]).toBeCloseTo(d.expectedSales, 9);
    if (d.carry) expect(row[7]).toBeCloseTo(d.stockoutProbability, 9);
    else expect(row[7]).toBeNull();
    expect(row[8]).toBe(d.reason);
    // Ranked by first-choice demand, most wanted first.
    expect(d.firstChoiceDemand).toBeLessThanOrEqual(lastDemand);
    lastDemand = d.firstChoiceDemand;
  });
  expect(seen.size).toBe(n);
  const s = summary(ws);
  expect(s.get("Expected profit")).toBeCloseTo(r.evaluation.expectedProfit, 6);
  expect(s.get("Upper bound")).toBeCloseTo(r.bound.value, 6);
  const carried = r.decisions.filter((d) => d.carry).length;
  expect(s.get("Products carried")).toBe(carried);
  expect(s.get("Products dropped")).toBe(n - carried);
  expect(s.get("Units")).toBe(r.decisions.reduce((a, d) => a + d.units, 0));
  expect(s.get("Method")).toBe(r.method);
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
    expectSamePlan(written.getWorksheet("Assort plan") as Worksheet, truth);
    const original = await readBook(input);
    expectSheetsUnchanged(original, written);
    // The user's formulas and number formats, checked by hand as well as wholesale.
    const summarySheet = written.getWorksheet("Season summary") as Worksheet;
    expect(summarySheet.getCell("B3").value).toEqual({ formula: "SUM(Products!I2:I301)", result: expect.any(Number) });
    expect(summarySheet.getCell("B4").numFmt).toBe("#,##0.00");
    expect((written.getWorksheet("Products") as Worksheet).getCell("J2").value).toMatchObject({ formula: "F2-G2" });
    // The plan is an Excel table with number formats.
    const plan = written.getWorksheet("Assort plan") as Worksheet;
    const table = (plan.getTables() as unknown as { table: { name: string; tableRef: string } }[])[0].table;
    expect(table).toMatchObject({ name: "AssortPlan", tableRef: "A1:I301" });
    expect(plan.getCell("F2").numFmt).toBe("#,##0");
    expect(plan.getCell("H2").numFmt).toBe("0%");
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
    const stamp = new Map<string, unknown>();
    plan.eachRow((row) => {
      const label = row.getCell(11).value;
      if (typeof label === "string") stamp.set(label, row.getCell(12).value);
    });
    expect(stamp.get("Products range")).toBe("Products!A1:G11");
    expect(stamp.get("Substitution range")).toBe("Substitution!A1:K11");
    expect(stamp.get("Settings")).toBe(
      "method auto (Options row 3); seed 1 (Options row 4); time limit 10 s (Options row 5)",
    );
    expect(stamp.get("Command")).toBe("assort plan small.xlsx --method auto --seed 1 --time-limit 10");
    expect(stamp.get("Input SHA-256")).toMatch(/^[0-9a-f]{64}$/);
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
    expect(summary(b.getWorksheet("Assort plan") as Worksheet).get("Method")).toBe("newsvendor");
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
    const id = plan.getCell("B2").value as string;
    plan.getCell("F2").value = 0;
    await edited.xlsx.writeFile(planned);
    const r = await runOnDisk(["evaluate", planned, "--json", "--reps", "200"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unitsFrom).toBe("the Units column of 'Assort plan' ('Assort plan'!A1:I11)");
    expect(out.products.find((p: { id: string }) => p.id === id).quantity).toBe(0);
    const units = new Map<string, number>();
    for (let row = 2; row <= 11; row++)
      units.set(plan.getCell(row, 2).value as string, plan.getCell(row, 6).value as number);
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
    const sheetUnits = new Map<string, number>();
    for (let row = 2; row <= 11; row++)
      sheetUnits.set(plan.getCell(row, 2).value as string, plan.getCell(row, 6).value as number);
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
  for (const [id, units] of values(plan, 2, 2, 11, 6).map((row) => [row[0], row[4]] as [string, number]))
    spend += (cost.get(id) as number) * units;
  const s = summary(plan);
  expect(s.get("Budget used")).toBeCloseTo(spend, 6);
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
  expect((plan.getTables() as unknown as { table: { name: string } }[])[0].table.name).toBe("AssortPlan2");
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
