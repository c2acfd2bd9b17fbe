// Reading the plan sheet of a planned copy back with exceljs, by its labels rather than fixed cells: the
// plan table (found through the Excel table), the figures at the top, the rules and the stamp.

import type { Worksheet } from "exceljs";

const plainValue = (v: unknown) =>
  v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;

export interface PlanTableRead {
  header: string[];
  /** Sheet row number (1-based) of the header. */
  top: number;
  /** Body rows, formula cells as their value. */
  rows: unknown[][];
  /** The table's name and range. */
  name: string;
  ref: string;
  /** Body cell of a column (1-based sheet row and column). */
  column: (header: string) => number;
}

export function planTable(ws: Worksheet): PlanTableRead {
  const t = (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[])[0].table;
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.tableRef) as RegExpExecArray;
  const top = Number(m[2]);
  const bottom = Number(m[4]);
  const width = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(ws.getCell(top, c).value as string);
  const rows: unknown[][] = [];
  for (let r = top + 1; r <= bottom; r++) rows.push(header.map((_, c) => plainValue(ws.getCell(r, c + 1).value)));
  return { header, top, rows, name: t.name, ref: t.tableRef, column: (h) => header.indexOf(h) + 1 };
}

/** The row under a block's header row whose first cell is `label`, as header → value. */
function labelledRow(ws: Worksheet, blockTitle: string, label: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (let r = 1; r <= 60; r++) {
    if (ws.getCell(r, 1).value !== blockTitle) continue;
    for (let k = r + 1; k <= r + 8; k++) {
      if (ws.getCell(k, 1).value !== label) continue;
      for (let c = 2; c <= 40; c++) {
        const h = ws.getCell(r, c).value;
        if (typeof h === "string") out.set(h, plainValue(ws.getCell(k, c).value));
      }
    }
  }
  return out;
}

/** The figures of one row of the block at the top: "Recommended", "Current range", "Change". */
export function figures(ws: Worksheet, row = "Recommended"): Map<string, unknown> {
  return labelledRow(ws, "Plan figures", row);
}

/** One rule's row: Used, Limit, Status... */
export function ruleRow(ws: Worksheet, rule: string): Map<string, unknown> {
  return labelledRow(ws, "Rules", rule);
}

/** Label → value of the stamp (how the plan was made). */
export function stamp(ws: Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      if (cell.value !== "How this plan was made") return;
      for (let r = Number(row.number) + 1; r <= Number(row.number) + 30; r++) {
        const label = ws.getCell(r, c).value;
        if (typeof label === "string") out.set(label, ws.getCell(r, c + 1).value);
      }
    }),
  );
  return out;
}
