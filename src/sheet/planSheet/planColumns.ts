// The plan table's columns: Rank, Product, Name, the user's own Products columns, then the decision, the money
// and the service figures, and the reason. Each column says its header, its number format and its cell.

import type { Model } from "../../engine";
import { columnLetter } from "../address";
import type { ProductExtras } from "./productExtras";
import type { ReportDecision } from "./reportShapes";
import { COUNT, DECIMAL, GENERAL, MONEY, PERCENT, TEXT, type SheetValue } from "./sheetSpec";

/** Where a cell goes, so a formula can point at the cells of its own row. */
export interface RowContext {
  d: ReportDecision;
  /** Index of the product in the model. */
  i: number;
  rank: number;
  /** Sheet row number (1-based) of this product's row. */
  sheetRow: number;
  /** Column letter of a named column. */
  letter: (header: string) => string;
}

export interface PlanColumn {
  header: string;
  format: string;
  cell: (x: RowContext) => SheetValue;
}

/** The figure, or blank when the result does not carry it. */
const opt = (x: number | undefined): SheetValue => (x === undefined || !Number.isFinite(x) ? null : x);

/** Carry in words: the action against the current range, else whether the plan carries the product. */
export function actionWords(d: ReportDecision): string {
  return d.action ?? (d.carry ? "Carry" : "Not carried");
}

/** Headers the plan sheet writes itself: a user column of the same name is not carried over twice. */
export const OWN_HEADERS = [
  "Rank",
  "Product",
  "Name",
  "Action",
  "Current units",
  "Units",
  "Price",
  "Cost",
  "Buy value",
  "First-choice demand",
  "Expected sales",
  "Expected revenue",
  "Profit contribution",
  "Leftover",
  "Fill rate",
  "Lost customers",
  "Stock-out risk",
  "Reason",
];

export function planColumns(model: Model, extras: ProductExtras, withCurrent: boolean): PlanColumn[] {
  const extraColumns: PlanColumn[] = extras.headers.map((header, k) => ({
    header,
    format: GENERAL,
    cell: ({ d }) => extras.byId.get(d.id)?.[k] ?? null,
  }));
  const columns: PlanColumn[] = [
    { header: "Rank", format: "0", cell: ({ rank }) => rank },
    { header: "Product", format: TEXT, cell: ({ d }) => d.id },
    { header: "Name", format: TEXT, cell: ({ d }) => d.name || null },
    ...extraColumns,
    { header: "Action", format: TEXT, cell: ({ d }) => actionWords(d) },
  ];
  if (withCurrent) columns.push({ header: "Current units", format: COUNT, cell: ({ d }) => d.currentUnits ?? 0 });
  columns.push(
    { header: "Units", format: COUNT, cell: ({ d }) => d.units },
    { header: "Price", format: MONEY, cell: ({ i }) => model.price[i] },
    { header: "Cost", format: MONEY, cell: ({ i }) => model.cost[i] },
    {
      header: "Buy value",
      format: MONEY,
      // A formula, so an edited Units recomputes the cost and the budget used above.
      cell: ({ d, i, sheetRow, letter }) => ({
        formula: `${letter("Units")}${sheetRow}*${letter("Cost")}${sheetRow}`,
        value: d.buyValue ?? d.units * model.cost[i],
      }),
    },
    { header: "First-choice demand", format: DECIMAL, cell: ({ d }) => opt(d.firstChoiceDemand) },
    { header: "Expected sales", format: DECIMAL, cell: ({ d }) => opt(d.expectedSales) },
    { header: "Expected revenue", format: MONEY, cell: ({ d }) => opt(d.expectedRevenue) },
    { header: "Profit contribution", format: MONEY, cell: ({ d }) => opt(d.profitContribution) },
    { header: "Leftover", format: DECIMAL, cell: ({ d }) => opt(d.expectedLeftover) },
    { header: "Fill rate", format: PERCENT, cell: ({ d }) => opt(d.fillRate) },
    { header: "Lost customers", format: DECIMAL, cell: ({ d }) => opt(d.lostCustomers) },
    { header: "Stock-out risk", format: PERCENT, cell: ({ d }) => (d.carry ? opt(d.stockoutProbability) : null) },
    { header: "Reason", format: TEXT, cell: ({ d }) => d.reason },
  );
  return columns;
}

/** Column letter (A, B, ...) of each header, for a table whose first column is `first` (0-based). */
export function letterOf(columns: PlanColumn[], first: number): (header: string) => string {
  const at = new Map(columns.map((c, k) => [c.header, columnLetter(first + k + 1)]));
  return (header) => {
    const l = at.get(header);
    if (l === undefined) throw new Error(`no plan column ${header}`);
    return l;
  };
}
