// The plan sheet as data: what goes in which cells, with its formats, formulas, styles, conditional formats,
// column widths, frozen panes and print setup. Both writers (the add-in's Office.js one and the CLI's exceljs
// one) render a PlanSheet as it is and decide nothing about the layout themselves.

import type { Block } from "../address";

/** A formula without its "=", with the value it computes to now (shown until the workbook recalculates). */
export interface Formula {
  formula: string;
  value: number;
}

export type SheetValue = string | number | boolean | null | Formula;

export function isFormula(v: SheetValue): v is Formula {
  return typeof v === "object" && v !== null;
}

/** A rectangle of the sheet, 0-based: an address block (sheet/address.ts). */
export type Area = Block;

export type BlockName = "title" | "kpis" | "rules" | "notes" | "table" | "stamp";

/** A rectangle of cells: values (text never parsed as a formula) and a number format per cell. */
export interface SheetBlock {
  name: BlockName;
  row: number;
  column: number;
  values: SheetValue[][];
  formats: string[][];
}

export interface CellStyle {
  area: Area;
  bold?: boolean;
  /** "#RRGGBB". */
  color?: string;
  italic?: boolean;
  /** Right-aligned: a header over a column of figures, so it sits above the numbers it names. */
  alignRight?: boolean;
}

export type ConditionalFormat =
  | { kind: "dataBar"; area: Area; color: string }
  | { kind: "colorScale"; area: Area; low: { value: number; color: string }; high: { value: number; color: string } };

export interface PrintSetup {
  orientation: "landscape";
  fitToWidth: 1;
  /** 0: as many pages tall as needed. */
  fitToHeight: 0;
  /** Sheet rows (0-based, inclusive) printed at the top of every page: the table's header. */
  titleRows: [number, number];
}

export interface PlanTableSpec {
  /** Header and body, within the table block. */
  area: Area;
  header: string[];
  /** Body rows (0-based) of products not carried, greyed. */
  droppedRows: number[];
  /** Column (0-based in the sheet) of each named table column. */
  columnOf: (header: string) => number;
}

export interface PlanSheet {
  sheet: string;
  blocks: SheetBlock[];
  table: PlanTableSpec;
  styles: CellStyle[];
  conditionalFormats: ConditionalFormat[];
  /** Width of each column from A, in characters of the default font. */
  widths: number[];
  /** Rows and columns kept in view when scrolling: everything down to the table's header, and the ids. */
  freeze: { rows: number; columns: number };
  print: PrintSetup;
}

export function blockArea(b: SheetBlock): Area {
  return { row: b.row, column: b.column, rows: b.values.length, columns: b.values[0]?.length ?? 0 };
}

export const PLAN_SHEET = "Assort plan";
export const DROPPED_COLOR = "#8A8886";

export const MONEY = "#,##0.00";
export const COUNT = "#,##0";
export const DECIMAL = "#,##0.0";
export const PERCENT = "0%";
export const PERCENT_1 = "0.0%";
export const TEXT = "@";
export const GENERAL = "General";
