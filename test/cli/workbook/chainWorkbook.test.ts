// `assort chain book.xlsx`: the Model sheet read as =ASSORT.CHAIN reads it, the products from Products;
// bad rows are named by the sheet's own row numbers.

import path from "node:path";
import { Workbook } from "exceljs";
import { runOnDisk, tempFolder } from "../workbookHelpers";

const folder = tempFolder();
afterAll(folder.cleanup);

async function book(name: string, model: unknown[][], withProducts = true): Promise<string> {
  const wb = new Workbook();
  if (withProducts) {
    const p = wb.addWorksheet("Products");
    p.addRow(["Product", "Price", "Cost"]);
    ["A", "B", "C"].forEach((id, i) => p.addRow([id, 10 + i, 4]));
  }
  const m = wb.addWorksheet("Model");
  for (const r of model) m.addRow(r);
  const file = path.join(folder.dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test("an MNL on the Model sheet gives the exact chain, demand from --customers, prices from Products", async () => {
  const file = await book("mnl.xlsx", [
    ["Product", "Weight"],
    ["A", 3],
    ["B", 2],
    ["C", 1],
    ["No purchase", 4],
  ]);
  const r = await runOnDisk(["chain", file, "--customers", "1000", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.route).toBe("exact");
  expect(out.noPurchaseShare).toBeCloseTo(0.4, 12);
  expect(out.instance.products[0]).toMatchObject({ id: "A", price: 10, cost: 4 });
  expect(out.instance.products[0].demand).toBeCloseTo(300, 9);
});

test("rankings on the Model sheet are fitted, links only where one product comes before another", async () => {
  const file = await book("rank.xlsx", [
    ["Type", "Weight", "Ranking"],
    ["first", 3, "A > B"],
    ["second", 1, "C"],
  ]);
  const r = await runOnDisk(["chain", file, "--customers", "500", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.route).toBe("fitted");
  for (const l of out.instance.substitution) expect(`${l.from}>${l.to}`).toBe("A>B");
});

test("a ranking naming an unknown product is reported with the Model sheet's row", async () => {
  const file = await book("bad.xlsx", [
    ["Weight", "Ranking"],
    [1, "A > B"],
    [1, "A > Z"],
  ]);
  const r = await runOnDisk(["chain", file, "--customers", "500"]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/Model/);
  expect(r.stderr).toMatch(/row 3/);
  expect(r.stderr).toMatch(/Z/);
});

test("a workbook without Products says which sheet to add", async () => {
  const file = await book(
    "noproducts.xlsx",
    [
      ["Weight", "Ranking"],
      [1, "A"],
    ],
    false,
  );
  const r = await runOnDisk(["chain", file, "--customers", "500"]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/no products: name the sheet that lists them 'Products'/);
});

test("a workbook without --customers is a usage error that says what to add", async () => {
  const file = await book("nocustomers.xlsx", [
    ["Weight", "Ranking"],
    [1, "A"],
  ]);
  const r = await runOnDisk(["chain", file]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/add --customers/);
});

test("--customers with a JSON model file is a usage error", async () => {
  const r = await runOnDisk(["chain", path.join(folder.dir, "m.json"), "--customers", "5"]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/--customers goes with a workbook/);
});
