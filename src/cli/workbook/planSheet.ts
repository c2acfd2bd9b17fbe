// The "Assort plan" sheet of `assort plan`'s copy: src/sheet/planSheet's layout rendered with exceljs (the
// add-in renders the same layout with Office.js in src/excel/writePlan.ts). The sheet belongs to Assort: a
// re-run replaces it whole and touches no other sheet. The copy is marked as written by assort (the stamp's
// "Made by" line and the workbook's last-modified-by), so the next run may replace it without --force.

import type { Workbook, Worksheet } from "exceljs";
import type { Model, Relaxation } from "../../engine";
import {
  buildPlanSheet,
  freeTableName,
  GENERAL,
  isFormula,
  PLAN_SHEET,
  type Area,
  type CellStyle,
  type PlanSheet,
  type ProductExtras,
  type ReportResult,
  type SheetValue,
} from "../../sheet/planSheet";
import { blockAddress } from "../../sheet/address";
import { tablesOf } from "./tables";

export { PLAN_SHEET };

/** Who wrote the copy: the stamp's "Made by" line and the workbook's last-modified-by property. */
export const MADE_BY = "assort plan (command line)";

export interface PlanStamp {
  version: string;
  madeAt: Date;
  inputFile: string;
  inputSha256: string;
  /** Each input's full address ("Products!A1:P301"), as the pane records them. */
  inputs: { products?: string; substitution?: string; options?: string };
  /** The settings applied and where each came from, on one line. */
  settings: string;
  command: string;
}

/** The sheet as the command line writes it: the pane's layout, cell for cell, with the file's own stamp lines. */
export function cliPlanSheet(
  model: Model,
  result: ReportResult,
  stamp: PlanStamp,
  extras?: ProductExtras,
  relaxations?: Relaxation[],
): PlanSheet {
  return buildPlanSheet({
    model,
    result,
    extras,
    relaxations,
    stamp: {
      time: stamp.madeAt,
      version: stamp.version,
      inputs: stamp.inputs,
      settingsLabel: "Settings",
      settings: stamp.settings,
      extra: [
        ["Made by", MADE_BY],
        ["Input workbook", stamp.inputFile],
        ["Input SHA-256", stamp.inputSha256],
        ["Command", stamp.command],
      ],
    },
  });
}

type CellValue = string | number | boolean | null | { formula: string; result: number };

/** Text is written as text (exceljs never parses it as a formula); formulas with their current value. */
function cellValue(v: SheetValue): CellValue {
  if (isFormula(v)) return { formula: v.formula, result: v.value };
  return v === "" ? null : v;
}

const EXCELJS_DEFAULT_WIDTH = 9;

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Excel wants a table's name unique among the workbook's tables and defined names, ignoring case. */
function uniqueTableName(wb: Workbook): string {
  const taken = new Set<string>((wb.definedNames.model as { name: string }[]).map((d) => d.name.toLowerCase()));
  for (const ws of wb.worksheets) for (const t of tablesOf(ws)) taken.add(t.name.toLowerCase());
  return freeTableName((name) => taken.has(name.toLowerCase()));
}

/** Removes an earlier plan sheet and returns its position, so the new one takes its place. */
function removeOld(wb: Workbook): number | undefined {
  // Excel compares sheet names without case: an "assort plan" sheet is the same sheet.
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === PLAN_SHEET.toLowerCase());
  if (!old) return undefined;
  const orderNo = (old as unknown as { orderNo: number }).orderNo;
  wb.removeWorksheet(old.id);
  return orderNo;
}

function eachCell(ws: Worksheet, a: Area, f: (cell: ReturnType<Worksheet["getCell"]>) => void): void {
  for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.columns; c++) f(ws.getCell(a.row + r + 1, a.column + c + 1));
}

function applyStyle(ws: Worksheet, s: CellStyle): void {
  eachCell(ws, s.area, (cell) => {
    cell.font = {
      ...cell.font,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color ? { color: { argb: argb(s.color) } } : {}),
    };
    if (s.alignRight) cell.alignment = { ...cell.alignment, horizontal: "right" };
  });
}

/** Renders the layout on a new worksheet. */
export function renderPlanSheet(wb: Workbook, sheet: PlanSheet, tableName: string): Worksheet {
  const ws = wb.addWorksheet(sheet.sheet, {
    views: [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }],
  });
  const t = sheet.table.area;
  for (const b of sheet.blocks) {
    if (b.name === "table") {
      ws.addTable({
        name: tableName,
        ref: blockAddress({ ...t, rows: 1, columns: 1 }),
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleLight1", showRowStripes: true },
        columns: sheet.table.header.map((name) => ({ name, filterButton: true })),
        rows: b.values.slice(1).map((r) => r.map(cellValue)),
      });
    }
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const value = cellValue(v);
        const f = b.formats[r][c];
        if (value === null && f === GENERAL) return;
        const cell = ws.getCell(b.row + r + 1, b.column + c + 1);
        if (value !== null && (b.name !== "table" || r > 0)) cell.value = value;
        // Every cell under its format, as the add-in writes it: text under @, and a blank figure under its
        // column's format, so a number typed there later shows as the add-in's copy would show it.
        if (f !== GENERAL) cell.numFmt = f;
      }),
    );
  }
  for (const s of sheet.styles) applyStyle(ws, s);
  for (const cf of sheet.conditionalFormats) {
    const ref = blockAddress(cf.area);
    if (cf.kind === "dataBar")
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: argb(cf.color) },
          } as never,
        ],
      });
    else
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [
              { type: "num", value: cf.low.value },
              { type: "num", value: cf.high.value },
            ],
            color: [{ argb: argb(cf.low.color) }, { argb: argb(cf.high.color) }],
          },
        ],
      });
  }
  // exceljs leaves out a column exactly 9 wide (its default), and Excel then draws it 8.43 wide: a hair more.
  sheet.widths.forEach((w, k) => (ws.getColumn(k + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + 1e-6 : w));
  const [top, bottom] = sheet.print.titleRows;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: sheet.print.orientation,
    fitToPage: true,
    fitToWidth: sheet.print.fitToWidth,
    fitToHeight: sheet.print.fitToHeight,
    printTitlesRow: `${top + 1}:${bottom + 1}`,
  };
  return ws;
}

/** Writes (or rewrites) the plan sheet; returns whether an earlier one was replaced. */
export function writePlanSheet(wb: Workbook, sheet: PlanSheet): { replaced: boolean; tableName: string } {
  const position = removeOld(wb);
  const tableName = uniqueTableName(wb);
  const ws = renderPlanSheet(wb, sheet, tableName);
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;
  wb.lastModifiedBy = MADE_BY;
  // exceljs leaves out a formula's cached result when it is 0: have Excel and LibreOffice compute on opening.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { replaced: position !== undefined, tableName };
}
