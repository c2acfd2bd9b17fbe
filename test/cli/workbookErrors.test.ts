// Bad workbooks: each gives one clear message naming the sheet, row and column (exit code 1), no stack trace,
// and writes nothing. Hidden rows are read like any other (with a note); 10,000 products go through.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Workbook, Worksheet } from "exceljs";
import JSZip from "jszip";
import { STACK_FRAME } from "./memoryIo";
import { planTable } from "./planSheetReading";
import { EXAMPLES, filesIn, FIXTURES, HEADER, productsBook, readBook, runOnDisk, tempFolder } from "./workbookHelpers";

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.cleanup());

let counter = 0;
async function save(wb: Workbook): Promise<string> {
  const file = path.join(folder.dir, `book${++counter}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Runs assort plan and checks it failed with exit code 1, without a stack trace, writing nothing. */
async function failsWith(file: string, ...messages: (string | RegExp)[]): Promise<string> {
  const before = filesIn(folder.dir);
  const r = await runOnDisk(["plan", file, "--method", "fluid"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toContain("unexpected error");
  for (const m of messages)
    expect(r.stderr).toMatch(typeof m === "string" ? new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : m);
  expect(filesIn(folder.dir)).toEqual(before);
  return r.stderr;
}

const TEES = [HEADER, ["Tee-01", 20, 8, 30], ["Tee-02", 20, 8, 25], ["Tee-03", 22, 9, 12]];

describe("sheets and headers", () => {
  test("no Products sheet: says so, names the sheets found and the likely one", async () => {
    const wb = productsBook(TEES);
    (wb.getWorksheet("Products") as Worksheet).name = "Produts";
    await failsWith(
      await save(wb),
      "no Products sheet",
      "Is the sheet 'Produts' meant to be Products? Rename it.",
      "The workbook's sheets: 'Produts' and 'Substitution'.",
    );
  });

  test("no Substitution sheet: says how to add one, and that an empty one means no substitution", async () => {
    await failsWith(
      await save(productsBook(TEES, null)),
      "no Substitution sheet: add a sheet named 'Substitution'",
      "if customers never substitute, leave that sheet empty",
    );
  });

  test("an empty Substitution sheet means customers never substitute", async () => {
    const wb = productsBook(TEES, null);
    wb.addWorksheet("Substitution");
    const r = await runOnDisk(["plan", await save(wb), "--method", "fluid", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).products).toHaveLength(3);
  });

  test("a misspelt header is pointed out with its row", async () => {
    await failsWith(
      await save(
        productsBook([
          ["Product", "Prcie", "Cost", "Demand"],
          ["Tee-01", 20, 8, 30],
        ]),
      ),
      "Products row 1: no Price column; is 'Prcie' meant to be Price?",
    );
  });

  test("text in a number cell: sheet, row, product and column", async () => {
    const rows = [
      HEADER,
      ["Tee-01", 20, 8, 30],
      ["Tee-02", 20, 8, 25],
      ["Tee-03", 22, 9, 12],
      ["Tee-04", 22, 9, 12],
      ["Tee-05", 22, 9, 12],
      ["Tee-42", "abc", 9, 12],
    ];
    await failsWith(await save(productsBook(rows)), "Products row 7 (Tee-42), column Price: 'abc' is not a number");
  });

  test("a bad probability in the Substitution list names its row and column", async () => {
    const wb = productsBook(TEES, [
      ["From", "To", "Probability"],
      ["Tee-01", "Tee-02", 0.3],
      ["Tee-02", "Tee-01", 1.2],
    ]);
    await failsWith(await save(wb), /Substitution row 3 \(Tee-02\), column Probability: 1\.2 .*1/);
  });

  test("a table on another sheet is named with its sheet in messages", async () => {
    const wb = productsBook([["notes"]]);
    (wb.getWorksheet("Products") as Worksheet).name = "Cover";
    const ws = wb.addWorksheet("Data");
    ws.addTable({
      name: "Products",
      ref: "B3",
      columns: HEADER.map((name) => ({ name })),
      rows: [
        ["Tee-01", 20, 8, 30],
        ["Tee-02", -5, 8, 25],
      ],
    });
    await failsWith(await save(wb), "Products (table Products on sheet 'Data') row 5 (Tee-02), column Price: ");
  });

  test("inputs found by named range, with the sheet's own row numbers in messages", async () => {
    const wb = productsBook([["cover"]], null);
    (wb.getWorksheet("Products") as Worksheet).name = "Cover";
    const data = wb.addWorksheet("Range 2027");
    const rows = [HEADER, ["Tee-01", 20, 8, 30], ["Tee-02", 20, 8, 25]];
    rows.forEach((r, k) => r.forEach((v, c) => (data.getCell(4 + k, 3 + c).value = v as string | number)));
    [
      ["From", "To", "Probability"],
      ["Tee-01", "Tee-02", 0.4],
      ["Tee-02", "Tee-09", 0.2],
    ].forEach((r, k) => r.forEach((v, c) => (data.getCell(10 + k, 3 + c).value = v as string | number)));
    wb.definedNames.add("'Range 2027'!$C$4:$F$6", "Products");
    wb.definedNames.add("'Range 2027'!$C$10:$E$12", "Substitution");
    await failsWith(
      await save(wb),
      "Substitution (sheet 'Range 2027') row 12 (Tee-02), column To: product 'Tee-09' is not among the products",
    );
    data.getCell("D12").value = "Tee-01";
    const r = await runOnDisk(["plan", await save(wb), "--method", "fluid", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs).toEqual({
      Products: "'Range 2027'!C4:F6",
      Substitution: "'Range 2027'!C10:E12",
    });
  });
});

describe("cells the layouts cannot read", () => {
  test("merged cells in an input", async () => {
    const wb = productsBook(TEES);
    (wb.getWorksheet("Products") as Worksheet).mergeCells("B3:B4");
    await failsWith(await save(wb), "Products: cells B3:B4 are merged; unmerge them");
  });

  test("formulas whose results were never saved", async () => {
    const wb = productsBook(TEES);
    (wb.getWorksheet("Products") as Worksheet).getCell("D3").value = { formula: "D2*2" };
    await failsWith(await save(wb), "Products: cell D3 holds a formula whose result was never saved");
  });

  test("formulas with saved results are read as their values", async () => {
    const wb = productsBook(TEES);
    (wb.getWorksheet("Products") as Worksheet).getCell("D3").value = { formula: "D2*2", result: 60 };
    const r = await runOnDisk(["plan", await save(wb), "--method", "fluid", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).products[1].firstChoiceDemand).toBe(60);
  });

  test("hidden rows and columns are read like any other, with a note", async () => {
    const wb = productsBook(TEES);
    (wb.getWorksheet("Products") as Worksheet).getRow(3).hidden = true;
    const file = await save(wb);
    const r = await runOnDisk(["plan", file, "--method", "fluid"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "note: Products: row 3 is hidden; Assort reads hidden cells like any other (to leave a product out, mark it in Exclude or delete its row).",
    );
    (wb.getWorksheet("Products") as Worksheet).getColumn(3).hidden = true;
    const both = await runOnDisk(["plan", await save(wb), "--method", "fluid", "--json"]);
    expect(both.code).toBe(0);
    const json = JSON.parse(both.stdout);
    expect(json.notes).toEqual([
      "Products: row 3 and column C are hidden; Assort reads hidden cells like any other (to leave a product out, mark it in Exclude or delete its row).",
    ]);
    // The hidden Cost column is used: Tee-02's margin is 20 − 8.
    expect(json.products.find((p: { id: string }) => p.id === "Tee-02").quantity).toBeGreaterThan(0);
    const out = await readBook(file.replace(/\.xlsx$/, ".planned.xlsx"));
    const ids = planTable(out.getWorksheet("Assort plan") as Worksheet).rows.map((r) => r[1]);
    expect(ids.sort()).toEqual(["Tee-01", "Tee-02", "Tee-03"]);
  });
});

describe("files that are not readable workbooks", () => {
  test("a password-protected workbook (encrypted by xlsx-populate, password 'assort')", async () => {
    await failsWith(path.join(FIXTURES, "encrypted.xlsx"), "the workbook is encrypted; save a copy without a password");
  });

  test("an old .xls, an OpenDocument file, a CSV, an empty file", async () => {
    await failsWith(path.join(FIXTURES, "old-format.xls"), "is an old Excel 97-2003 workbook (.xls)");
    await failsWith(path.join(FIXTURES, "opendocument.ods"), "is an OpenDocument spreadsheet (.ods)");
    const csv = path.join(folder.dir, "products.xlsx");
    writeFileSync(csv, "Product,Price,Cost,Demand\nTee-01,20,8,30\n");
    await failsWith(csv, "is not an .xlsx workbook (it is not a zip archive");
    const empty = path.join(folder.dir, "empty.xlsx");
    writeFileSync(empty, "");
    await failsWith(empty, "is empty (0 bytes)");
  });

  test("a truncated workbook and one with a damaged part", async () => {
    const bytes = readFileSync(path.join(EXAMPLES, "small.xlsx"));
    const cut = path.join(folder.dir, "cut.xlsx");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await failsWith(cut, "is damaged: its zip directory is missing or cut short");
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    const broken = path.join(folder.dir, "broken.xlsx");
    writeFileSync(broken, await zip.generateAsync({ type: "nodebuffer" }));
    await failsWith(broken, "is damaged and cannot be read as an .xlsx workbook");
  });

  test("a missing file", async () => {
    await failsWith(path.join(folder.dir, "nowhere.xlsx"), "cannot read the workbook", "no such file");
  });
});

test("parts exceljs cannot carry over (a chart here) are named in a warning; the input is untouched", async () => {
  const zip = await JSZip.loadAsync(readFileSync(path.join(EXAMPLES, "small.xlsx")));
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  const file = path.join(folder.dir, "charted.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  const before = readFileSync(file);
  const r = await runOnDisk(["plan", file, "--method", "fluid"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("warning: the copy lacks 1 chart of charted.xlsx");
  expect(readFileSync(file).equals(before)).toBe(true);
});

test("10,000 products: read, planned (fluid) and written, one table row each", async () => {
  const rows: unknown[][] = [[...HEADER, "Name"]];
  const links: unknown[][] = [["From", "To", "Probability"]];
  for (let i = 0; i < 10_000; i++) {
    rows.push([`SKU-${i}`, 20 + (i % 7), 8 + (i % 5), 200 / (1 + i) ** 0.8, `Item ${i}`]);
    if (i > 0) links.push([`SKU-${i}`, `SKU-${i - 1}`, 0.3]);
  }
  const file = await save(productsBook(rows, links));
  const started = Date.now();
  const r = await runOnDisk(["plan", file, "--method", "fluid", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.products).toHaveLength(10_000);
  const plan = (await readBook(out.output)).getWorksheet("Assort plan") as Worksheet;
  const table = planTable(plan);
  expect(table.rows).toHaveLength(10000);
  // The most wanted product ranks first.
  expect(plan.getCell(table.top + 1, table.column("Product")).value).toBe("SKU-0");
  expect(Date.now() - started).toBeLessThan(60_000);
});
