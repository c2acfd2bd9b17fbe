// A planned copy assort wrote may be replaced by the next `assort plan` without --force; anything else may not:
// a workbook someone saved since (last-modified-by is no longer assort), one without the plan sheet's stamp,
// a workbook merely claiming assort as its last modifier.

import { Workbook } from "exceljs";
import { isPlannedCopy } from "../../../src/cli/workbook/plannedCopy";
import { cliPlanSheet, MADE_BY, writePlanSheet } from "../../../src/cli/workbook/planSheet";
import { reportCase } from "../../sheet/planSheet/reportFixture";

async function planned(): Promise<Workbook> {
  const { model, result } = await reportCase();
  const wb = new Workbook();
  wb.addWorksheet("Products").getCell("A1").value = "Product";
  const sheet = cliPlanSheet(model, result, {
    version: "9.9.9",
    madeAt: new Date("2026-11-25T10:00:00Z"),
    inputFile: "book.xlsx",
    inputSha256: "0".repeat(64),
    inputs: {},
    settings: "method newsvendor",
    command: "assort plan book.xlsx",
  });
  writePlanSheet(wb, sheet);
  // Through a file's bytes and back, as the next run reads it.
  const again = new Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

test("a copy written by assort plan is recognised after a round trip through the file", async () => {
  const wb = await planned();
  expect(wb.lastModifiedBy).toBe(MADE_BY);
  expect(isPlannedCopy(wb)).toBe(true);
});

test("saved since by someone (Excel writes the user's name), or without the stamp, it is not", async () => {
  const saved = await planned();
  saved.lastModifiedBy = "Ana Merchandiser";
  expect(isPlannedCopy(saved)).toBe(false);

  const renamed = await planned();
  (renamed.getWorksheet("Assort plan") as { name: string }).name = "My plan";
  expect(isPlannedCopy(renamed)).toBe(false);

  const claims = new Workbook();
  claims.addWorksheet("Assort plan").getCell("A1").value = "my notes";
  claims.lastModifiedBy = MADE_BY;
  expect(isPlannedCopy(claims)).toBe(false);
  expect(isPlannedCopy(new Workbook())).toBe(false);
});
