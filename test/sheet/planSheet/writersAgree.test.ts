/// <reference types="office-js" />
// The two writers of the one plan-sheet layout give the same sheet, cell by cell: the same plan written by the
// add-in (src/excel/writePlan.ts, Office.js, captured from office-addin-mock) and by `assort plan`
// (src/cli/workbook/planSheet.ts, exceljs, saved as .xlsx and read back with exceljs) has the same values,
// formulas and number formats in the headline, the figures, the rules, the notes and the table, and the same
// fonts and alignment, column widths, frozen panes, print titles and conditional formats. Each surface builds its sheet as it
// does in use (the pane with buildPlanSheet, the CLI with cliPlanSheet).
//
// Intentional differences, each normalised or left out below, with the reason:
// 1. The stamp ("How this plan was made", right of everything): the CLI adds Made by, the input file, its
//    SHA-256 and the command, and calls its settings "Settings" (the pane: "Pane settings"). The file's stamp
//    is what lets the next `assort plan` recognise its own copy; the pane has no file to name.
// 2. Text that Excel would read as a formula (= + - @ first): the add-in writes it with a leading apostrophe,
//    which Excel hides and keeps as text; exceljs writes a typed string cell, which needs none. The test
//    compares the text Excel shows (the apostrophe removed).
// 3. Formulas: the add-in hands Excel the formula and Excel computes it; the exceljs copy also stores the
//    value it computes to now (the cached result, so a viewer that does not recalculate shows a figure).
//    The formulas are compared; the cached result is checked against the layout's value.
// 4. Column widths: Office.js takes points, exceljs characters; compared through widthPoints, left of the
//    stamp (the CLI's longer stamp lines widen its columns).
// 5. The add-in draws a long-tail chart beside the stamp; exceljs cannot write charts, so the copy has none.

import { Workbook } from "exceljs";
import type { Model, Relaxation } from "../../../src/engine";
import { cliPlanSheet, writePlanSheet } from "../../../src/cli/workbook/planSheet";
import { widthPoints, writePlan } from "../../../src/excel/writePlan";
import { blockRef, parseBlock } from "../../../src/sheet/address";
import { unescapeText } from "../../../src/sheet/escape";
import {
  blockArea,
  buildPlanSheet,
  isFormula,
  PLAN_SHEET,
  readProductExtras,
  type PlanSheet,
  type ProductExtras,
  type ReportResult,
} from "../../../src/sheet/planSheet";
import { mockExcel, type MockNode } from "../../excel/mockWorkbook";
import { reportCase, STAMP } from "./reportFixture";

interface Cell {
  value: string | number | boolean | null;
  formula?: string;
  format: string;
  bold?: true;
  italic?: true;
  color?: string;
  right?: true;
}

type Cells = Map<string, Cell>;

const address = (row: number, column: number) => blockRef(row, column, 1, 1);

/** A cell is worth comparing when it holds something or carries a format or a font. */
function kept(c: Cell): boolean {
  return (
    c.value !== null ||
    c.formula !== undefined ||
    c.format !== "General" ||
    Boolean(c.bold || c.italic || c.color || c.right)
  );
}

function cellAt(cells: Cells, row: number, column: number): Cell {
  const key = address(row, column);
  let c = cells.get(key);
  if (!c) cells.set(key, (c = { value: null, format: "General" }));
  return c;
}

/** What the add-in's writer did, painted cell by cell from the ranges it was handed (values, formats, fonts). */
async function officeCells(sheet: PlanSheet) {
  const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
  const outcome = await writePlan(context, sheet);
  expect(outcome.written).toBe(true);
  const cells: Cells = new Map();
  const prefix = "'Assort plan'!";
  for (const [full, node] of log.ranges) {
    if (!full.startsWith(prefix)) continue;
    const b = parseBlock(full.slice(prefix.length));
    if (!b) continue;
    const values = node.values;
    const formats = node.numberFormat;
    const format = node.format as { font: Record<string, unknown>; horizontalAlignment?: unknown };
    const font = format.font;
    for (let r = 0; r < b.rows; r++)
      for (let c = 0; c < b.columns; c++) {
        const cell = () => cellAt(cells, b.row + r, b.column + c);
        // Ranges only read or styled hold the mock's "not loaded" text, never an array.
        if (Array.isArray(values)) {
          const v = (values as unknown[][])[r][c];
          if (typeof v === "string" && v.startsWith("=")) cell().formula = v.slice(1);
          else if (typeof v === "string") cell().value = v === "" ? null : unescapeText(v);
          else cell().value = v as number | boolean | null;
        }
        if (Array.isArray(formats)) cell().format = (formats as string[][])[r][c];
        if (font.bold === true) cell().bold = true;
        if (font.italic === true) cell().italic = true;
        if (typeof font.color === "string" && font.color.startsWith("#")) cell().color = font.color;
        if (format.horizontalAlignment === "Right") cell().right = true;
      }
  }
  const widths = sheet.widths.map(
    (_, c) => ((log.ranges.get(prefix + address(0, c)) as MockNode).format as { columnWidth: number }).columnWidth,
  );
  return {
    cells,
    widths,
    frozen: log.frozen[PLAN_SHEET],
    printTitles: log.printTitleRows[PLAN_SHEET],
    conditional: log.conditionalFormats.map((f) => [f.address.slice(prefix.length), f.type]),
    charts: log.charts.length,
  };
}

/** What `assort plan` wrote, saved as .xlsx and read back with exceljs. */
async function exceljsCells(sheet: PlanSheet) {
  const out = new Workbook();
  out.addWorksheet("Products").getCell("A1").value = "Product";
  writePlanSheet(out, sheet);
  const wb = new Workbook();
  await wb.xlsx.load((await out.xlsx.writeBuffer()) as ArrayBuffer);
  const ws = wb.getWorksheet(PLAN_SHEET);
  if (!ws) throw new Error("no plan sheet in the copy");
  const cells: Cells = new Map();
  const cached = new Map<string, number | undefined>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const cell = cellAt(cells, Number(row.number) - 1, Number(c.col) - 1);
      const v = c.value as unknown;
      if (v !== null && typeof v === "object" && "formula" in v) {
        cell.formula = (v as { formula: string }).formula;
        cached.set(c.address, (v as { result?: number }).result);
      } else cell.value = (v ?? null) as Cell["value"];
      cell.format = c.numFmt ?? "General";
      if (c.font?.bold) cell.bold = true;
      if (c.font?.italic) cell.italic = true;
      const argb = c.font?.color?.argb;
      if (argb) cell.color = `#${argb.slice(2)}`;
      if (c.alignment?.horizontal === "right") cell.right = true;
    }),
  );
  const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number };
  const conditional = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
    .conditionalFormattings;
  return {
    cells,
    cached,
    widths: sheet.widths.map((_, c) => widthPoints(ws.getColumn(c + 1).width ?? 0)),
    frozen: view.state === "frozen" ? `'Assort plan'!${blockRef(0, 0, view.ySplit ?? 0, view.xSplit ?? 0)}` : "",
    printTitles: ws.pageSetup.printTitlesRow,
    conditional: conditional.map((f) => [f.ref, f.rules[0].type === "dataBar" ? "DataBar" : "ColorScale"]),
  };
}

/** The cells outside the stamp's columns (difference 1), those worth comparing, sorted by address. */
function outsideStamp(cells: Cells, sheet: PlanSheet): [string, Cell][] {
  const stamp = blockArea(sheet.blocks.find((b) => b.name === "stamp") as PlanSheet["blocks"][number]);
  return [...cells]
    .filter(([key, c]) => kept(c) && (parseBlock(key) as { column: number }).column < stamp.column)
    .sort(([a], [b]) => a.localeCompare(b));
}

async function bothWriters(model: Model, result: ReportResult, relaxations: Relaxation[], extras: ProductExtras) {
  const pane = buildPlanSheet({ model, result, relaxations, extras, stamp: STAMP });
  const cli = cliPlanSheet(
    model,
    result,
    {
      version: STAMP.version,
      madeAt: STAMP.time,
      inputFile: "book.xlsx",
      inputSha256: "0".repeat(64),
      inputs: STAMP.inputs,
      settings: "budget 3000 (Options row 2)",
      command: "assort plan book.xlsx --method newsvendor --seed 7 --time-limit 2",
    },
    extras,
    relaxations,
  );
  return { pane, cli, office: await officeCells(pane), file: await exceljsCells(cli) };
}

const CASES = [
  { name: "against a current range, with rules, their relaxation and the user's columns", current: true, rules: true },
  { name: "a plan alone: no current range, no rules", current: false, rules: false },
];

test.each(CASES)(
  "the same cells from both writers: $name",
  async (c) => {
    const { model, result, relaxations } = await reportCase({ ...c, relaxations: c.rules });
    // The user's columns, one value in need of escaping for Excel (difference 2).
    const extras = readProductExtras([
      ["Product", "Style", "Promo"],
      ...result.decisions.map((d, k) => [d.id, d.id.slice(0, 3), k === 1 ? "-40% off" : k]),
    ]);
    const { pane, cli, office, file } = await bothWriters(model, result, relaxations, extras);
    // Every block but the stamp sits in the same place in both layouts.
    const place = (s: PlanSheet) => s.blocks.map((b) => [b.name, b.row, b.column, b.values.length]);
    expect(place(cli).filter(([n]) => n !== "stamp")).toEqual(place(pane).filter(([n]) => n !== "stamp"));

    const a = outsideStamp(office.cells, pane);
    const b = outsideStamp(file.cells, cli);
    // Both wrote something in every block; then the two are the same, cell by cell.
    for (const name of ["title", "kpis", "table", ...(c.rules ? ["rules"] : [])]) {
      const area = blockArea(pane.blocks.find((x) => x.name === name) as PlanSheet["blocks"][number]);
      expect(a.some(([k]) => (parseBlock(k) as { row: number }).row === area.row)).toBe(true);
    }
    expect(new Map(b)).toEqual(new Map(a));
    // Every cell of the table is compared (each holds a value or a format), and the blocks above.
    expect(a.length).toBeGreaterThan(pane.table.area.rows * pane.table.area.columns);

    // What the check covers: formulas, percents, money, text ids, the escaped value, a relaxation figure.
    const cell = (header: string, bodyRow: number) =>
      a.find(([k]) => k === address(pane.table.area.row + 1 + bodyRow, pane.table.columnOf(header)))?.[1];
    expect(cell("Buy value", 0)?.formula).toMatch(/^[A-Z]+\d+\*[A-Z]+\d+$/);
    expect(cell("Stock-out risk", 0)?.format).toBe("0%");
    expect(cell("Product", 0)?.format).toBe("@");
    expect(a.some(([, x]) => x.value === "-40% off")).toBe(true);
    if (c.rules) expect(a.some(([, x]) => x.value === "Relaxed to")).toBe(true);
    if (c.current) expect(a.some(([, x]) => x.value === "Change ± 95%")).toBe(true);
    expect(a.find(([, x]) => x.value === "Expected profit")?.[1].right).toBe(true);

    // Difference 3: the copy's cached results are the layout's values (exceljs leaves out a result of 0).
    for (const block of pane.blocks)
      block.values.forEach((row, r) =>
        row.forEach((v, k) => {
          if (!isFormula(v) || block.name === "stamp") return;
          expect(file.cached.get(address(block.row + r, block.column + k)) ?? 0).toBeCloseTo(v.value, 9);
        }),
      );

    // The sheet's layout: widths (difference 4), frozen panes, print titles, data bars and colour scale.
    const stampColumn = (pane.blocks.find((x) => x.name === "stamp") as PlanSheet["blocks"][number]).column;
    expect(file.widths.slice(0, stampColumn)).toEqual(office.widths.slice(0, stampColumn));
    expect(file.frozen).toBe(office.frozen);
    // exceljs writes the print titles as 'Assort plan'!$18:$18 and reads them back without the dollars.
    expect(file.printTitles).toBe(office.printTitles.replace(/\$/g, ""));
    expect(file.conditional).toEqual(office.conditional);
    // Difference 5: only the add-in draws the chart.
    expect(office.charts).toBe(1);
  },
  30000,
);
