// Workbook tests run the CLI in-process on real files in a temporary folder, through the same disk functions
// as the shipped CLI (atomic writes included), and build their bad workbooks with exceljs.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { diskFiles } from "../../src/cli/diskFiles";
import { run } from "../../src/cli/run";
import type { RunResult } from "./memoryIo";

export const EXAMPLES = path.join(__dirname, "..", "..", "examples");
export const FIXTURES = path.join(__dirname, "fixtures");

export async function runOnDisk(argv: string[], terminal?: { now: () => number }): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    ...diskFiles,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: terminal !== undefined,
    now: terminal?.now,
  });
  return { code, stdout, stderr };
}

/** A fresh folder per test file; removed by the returned function. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "assort-workbook-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export async function readBook(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet: address → value, number format, font and fill, as exceljs reads them. */
export function cellMap(ws: Worksheet): Map<string, { value: unknown; numFmt: unknown; font: unknown; fill: unknown }> {
  const out = new Map<string, { value: unknown; numFmt: unknown; font: unknown; fill: unknown }>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.set(cell.address, { value: cell.value, numFmt: cell.numFmt, font: cell.font, fill: cell.fill });
    });
  });
  return out;
}

/** The rows of a sheet's block as plain values (formulas as their result), 1-based inclusive. */
export function values(ws: Worksheet, top: number, left: number, bottom: number, right: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) {
      const v = ws.getCell(r, c).value;
      row.push(v !== null && typeof v === "object" && "result" in v ? v.result : v);
    }
    rows.push(row);
  }
  return rows;
}

/** A workbook with a Products sheet (header and rows), an optional Substitution list and other sheets. */
export function productsBook(
  products: unknown[][],
  substitution: unknown[][] | null = [["From", "To", "Probability"]],
): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Products");
  for (const r of products) ws.addRow(r);
  if (substitution) {
    const sub = wb.addWorksheet("Substitution");
    for (const r of substitution) sub.addRow(r);
  }
  return wb;
}

export const HEADER = ["Product", "Price", "Cost", "Demand"];
