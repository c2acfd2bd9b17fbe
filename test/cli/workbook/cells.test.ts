// An exceljs sheet read as the add-in would read it: the block of cells in use, plain values, merged areas,
// formulas without saved results, hidden rows; and a stray far cell named instead of read.

import { Workbook } from "exceljs";
import { blockAddress, parseBlock } from "../../../src/sheet/address";
import {
  MAX_BLOCK_CELLS,
  oversized,
  plainValue,
  readBlock,
  trimToValues,
  usedBlock,
  valueExtent,
} from "../../../src/cli/workbook/cells";

function sheet() {
  const ws = new Workbook().addWorksheet("Products");
  ws.getCell("A1").value = "Product";
  ws.getCell("B1").value = "Price";
  ws.getCell("A2").value = "Tee-1";
  ws.getCell("B2").value = 10;
  ws.getCell("A3").value = "Tee-2";
  ws.getCell("B3").value = { formula: "B2*2" } as never;
  ws.getCell("C4").value = "note";
  return ws;
}

test("usedBlock runs from A1 to the last row and column holding a value", () => {
  const ws = sheet();
  expect(blockAddress(usedBlock(ws))).toBe("A1:C4");
  const extent = valueExtent(ws, parseBlock("A1:B3")!);
  expect(extent.end).toEqual({ row: 3, column: 2 });
  expect(extent.lastRowCell).toBe("B3");
});

test("readBlock gives plain values, and names unsaved formulas, merges and hidden rows by sheet cell", () => {
  const ws = sheet();
  ws.getRow(2).hidden = true;
  ws.mergeCells("A3:A4");
  const r = readBlock(ws, parseBlock("A1:B3")!);
  expect(r.cells).toEqual([
    ["Product", "Price"],
    ["Tee-1", 10],
    ["Tee-2", null],
  ]);
  expect(r.unsavedFormulas).toEqual(["B3"]);
  expect(r.hiddenRows).toEqual([2]);
  expect(r.merges).toEqual(["A3:A4"]);
  // A block that starts below and right of A1 keeps the sheet's numbering.
  expect(readBlock(ws, parseBlock("B2:C4")!).cells).toEqual([
    [10, null],
    [null, null],
    [null, "note"],
  ]);
});

test("plainValue: saved formula results, rich text, errors and dates read as Excel shows them", () => {
  expect(plainValue({ formula: "1+1", result: 2 } as never)).toEqual({ value: 2 });
  expect(plainValue({ richText: [{ text: "Tee" }, { text: "-42" }] } as never)).toEqual({ value: "Tee-42" });
  expect(plainValue({ error: "#N/A" } as never)).toEqual({ value: "#N/A" });
  expect(plainValue(new Date(Date.UTC(2026, 0, 31)))).toEqual({ value: "2026-01-31" });
});

test("a value far from the rest is named rather than read; the block is trimmed to the values otherwise", () => {
  const ws = sheet();
  ws.getCell("XFD1048576").value = 1;
  const whole = usedBlock(ws);
  expect(whole.rows * whole.columns).toBeGreaterThan(MAX_BLOCK_CELLS);
  expect(oversized(ws, whole, "Products")).toMatch(
    /^Products: its values span A1:XFD1048576 \(17,179,869,184 cells\), more than the 30,000,000 .*cell XFD1048576 holds a value far from the rest/,
  );
  ws.getCell("XFD1048576").value = null;
  const far = parseBlock("A1:XFD1048576")!;
  expect(oversized(ws, far, "Products")).toBeUndefined();
  expect(blockAddress(trimToValues(ws, far))).toBe("A1:C4");
});
