// What the "Assort plan" sheet shows, as plain arrays (the Office.js writing is in writePlan.ts): the plan
// table of src/sheet/planTable.ts sorted by first-choice demand (rank 1 = most wanted, so the long tail reads
// top to bottom and charts as a curve), with the rank, name and first-choice demand beside each product; the
// same summary as ASSORT.OPTIMIZE; and the stamp of how this run was produced.

import type { Model, OptimizeResult } from "../engine";
import { escapeText } from "../sheet/escape";
import { PLAN_HEADER, planTable } from "../sheet/planTable";
import type { InputKey } from "./inputs";

export const TABLE_HEADER = [
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
/** Number formats per table column (text and booleans keep General). */
export const TABLE_FORMATS = ["0", "@", "@", "General", "#,##0.0", "#,##0", "#,##0.0", "0%", "@"];
export const CARRY_COLUMN = TABLE_HEADER.indexOf("Carry");
export const DEMAND_COLUMN = TABLE_HEADER.indexOf("First-choice demand");
export const UNITS_COLUMN = TABLE_HEADER.indexOf("Units");

const MONEY = "#,##0.00";
const COUNT = "#,##0";
const SUMMARY_FORMATS: Record<string, string> = {
  "Expected profit": MONEY,
  "± 95% interval": MONEY,
  "Upper bound": MONEY,
  "% of bound": "0.0",
  "Products carried": COUNT,
  Units: COUNT,
  "Purchase cost": MONEY,
  "Expected revenue": MONEY,
  "Expected units sold": "#,##0.0",
  "Sell-through %": "0.0",
};

export interface RunStamp {
  time: Date;
  inputs: Partial<Record<InputKey, string>>;
  /** The pane's parameters as applied, e.g. "budget 5000; max products 120". */
  parameters: string;
  version: string;
}

export interface PlanSheetData {
  /** Header and one row per product, sorted by rank. */
  table: unknown[][];
  /** Sheet rows (0-based in the body) of products not carried, for greying. */
  droppedRows: number[];
  /** Label, value, note. */
  summary: unknown[][];
  summaryFormats: string[];
  /** Label, value. */
  stamp: unknown[][];
}

export function planSheetData(model: Model, result: OptimizeResult, stamp: RunStamp): PlanSheetData {
  const rows = planTable(model, result);
  const n = result.decisions.length;
  const col = (name: string) => PLAN_HEADER.indexOf(name);
  const order = result.decisions
    .map((d, i) => ({ i, demand: d.firstChoiceDemand }))
    .sort((a, b) => b.demand - a.demand || a.i - b.i);
  const table: unknown[][] = [TABLE_HEADER];
  const droppedRows: number[] = [];
  order.forEach(({ i }, k) => {
    const d = result.decisions[i];
    const r = rows[i + 1];
    table.push([
      k + 1,
      r[col("Product")],
      escapeText(d.name ?? ""),
      r[col("Carry")],
      d.firstChoiceDemand,
      r[col("Units")],
      r[col("Expected sales")],
      r[col("Stock-out risk")],
      r[col("Decision reason")],
    ]);
    if (!d.carry) droppedRows.push(k);
  });
  // planTable: products, a blank row, then label | value | note lines padded to its width.
  const summary = rows.slice(n + 2).map((r) => [r[0], r[1], r[2] ?? ""]);
  const summaryFormats = summary.map((r) => SUMMARY_FORMATS[String(r[0])] ?? "General");
  const ev = result.evaluation;
  const stampRows: unknown[][] = [
    ["How this plan was made", ""],
    ["Run at", stamp.time.toISOString().replace("T", " ").slice(0, 19) + " UTC"],
    ["Method", result.method],
    ["Seed", result.seed],
    ["Seasons simulated", ev.reps],
    ["Run time (s)", Math.round(result.elapsedMs / 100) / 10],
    ["Products range", stamp.inputs.products ?? "(none)"],
    ["Substitution range", stamp.inputs.substitution ?? "(none)"],
    ["Options range", stamp.inputs.options ?? "(none)"],
    ["Pane settings", stamp.parameters || "(defaults)"],
    ["Assort version", stamp.version],
  ];
  return {
    table,
    droppedRows,
    summary,
    summaryFormats,
    stamp: stampRows.map((r) => r.map((v) => (typeof v === "string" ? escapeText(v) : v))),
  };
}
