// `assort fit book.xlsx`: the History sheet (or an Excel table named History) in either history layout, and
// the product ids from the Products sheet when the workbook has one and --products is not given. Messages
// name the sheet and its own row numbers, as the add-in's =ASSORT.FIT will.

import type { Workbook, Worksheet } from "exceljs";
import { cellText, headerKey, readHistory } from "../../sheet/history";
import { isPeriodHeader, readPeriodHistory } from "../../sheet/periodHistory";
import { FileError, problemCount, problemLines } from "../errors";
import type { Io } from "../io";
import type { LoadedHistory } from "../loadHistory";
import { blockOrigin, parseBlock, type Block } from "../../sheet/address";
import { readBlock, usedBlock } from "./cells";
import { readWorkbook } from "./file";

// Excel reserves the sheet name "History" (track changes), so the sheet goes by another name; a table may be History.
const HISTORY_NAMES = ["saleshistory", "history", "sales", "transactions", "customers"];
const PRODUCT_NAMES = ["products", "product"];
const ID_HEADERS = ["product", "id", "productid", "sku", "item"];
const PROBLEMS_SHOWN = 20;

export interface Found {
  ws: Worksheet;
  block: Block;
  label: string;
}

/** An Excel table with the role's name anywhere, else a sheet with one of the names (its used range). */
export function find(wb: Workbook, role: string, names: readonly string[]): Found | undefined {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table: { name: string; tableRef?: string } }[]) {
      const block = t.table.tableRef ? parseBlock(t.table.tableRef) : undefined;
      if (block && t.table.name.toLowerCase() === role.toLowerCase())
        return { ws, block, label: `${role} (table on sheet '${ws.name}')` };
    }
  }
  const ws = wb.worksheets.find((s) => names.includes(headerKey(s.name)));
  if (!ws) return undefined;
  return { ws, block: usedBlock(ws), label: ws.name === role ? role : `${role} (sheet '${ws.name}')` };
}

function productIdsOf(found: Found): string[] {
  const cells = readBlock(found.ws, found.block).cells;
  const col = (cells[0] ?? []).map(headerKey).findIndex((h) => ID_HEADERS.includes(h));
  if (col < 0)
    throw new FileError(`${found.label}: no Product (or Id) column in the header row ${blockOrigin(found.block).row}`);
  const ids: string[] = [];
  for (let r = 1; r < cells.length; r++) {
    const id = cellText(cells[r][col]);
    if (id !== "" && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export async function loadWorkbookHistory(
  io: Io,
  path: string,
  productIds?: readonly string[],
): Promise<LoadedHistory> {
  const { workbook } = await readWorkbook(io, path);
  const history = find(workbook, "History", HISTORY_NAMES);
  if (!history) {
    const names = workbook.worksheets.map((ws) => `'${ws.name}'`).join(", ");
    throw new FileError(
      `the workbook '${path}' has no sales history: name its sheet 'Sales history' (Excel reserves 'History') or make it a table named History; its sheets: ${names}`,
    );
  }
  let ids = productIds;
  if (ids === undefined) {
    const products = find(workbook, "Products", PRODUCT_NAMES);
    if (products) ids = productIdsOf(products);
  }
  // Titles or notes may sit above the header: start at the first row that reads as a header of either layout.
  const all = readBlock(history.ws, history.block).cells;
  const keys = (row: readonly unknown[]) => row.map(headerKey);
  const isHeader = (row: readonly unknown[]) =>
    isPeriodHeader(row) ||
    (keys(row).some((k) => ["offered", "available", "offeredset", "assortment"].includes(k)) &&
      keys(row).some((k) => ["purchased", "bought", "purchase"].includes(k)));
  const skip = Math.max(0, all.slice(0, 20).findIndex(isHeader));
  const cells = all.slice(skip);
  const top = blockOrigin(history.block).row + skip;
  const options = {
    productIds: ids,
    rowLabel: (r: number) => `${history.label} row ${top + r}`,
    rowNumber: (r: number) => top + r,
    maxProblems: Number.MAX_SAFE_INTEGER,
  };
  const periodLayout = cells.length > 0 && isPeriodHeader(cells[0]);
  const data = periodLayout ? readPeriodHistory(cells, options) : readHistory(cells, options);
  if (data.problems.length > 0) {
    const lines = problemLines(
      data.problems.map((p) => p.message),
      PROBLEMS_SHOWN,
    );
    throw new FileError(`the workbook '${path}' has ${problemCount(data.problems.length)} in its history:\n${lines}`);
  }
  if ("periods" in data) return { ids: data.ids, transactions: [], periods: data.periods, records: data.periodCount };
  return { ids: data.ids, transactions: data.transactions, periods: [], records: data.transactions.length };
}
