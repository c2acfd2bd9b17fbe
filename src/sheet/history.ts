// The History range (or a CSV file read into rows) → the estimator's transactions. One row per customer:
// Offered (the product ids available to her, separated by semicolons) and Purchased (the id she bought,
// blank for no purchase); an optional Count column says how many identical customers the row stands for.
// Every problem names its row and column ("History row 12, column Purchased: ...") so it can be fixed
// where it is; all problems are collected, not just the first.

import { listNames, suggest } from "../engine";
import type { Transaction } from "../engine";

/** Where a problem is: the place text is built by the caller's `where` so a sheet and a file can differ. */
export interface HistoryProblem {
  /** Index of the row in the cells given (0 = header). */
  index: number;
  /** Row as shown in the message (sheet row, range row or file line). */
  row: number;
  /** The column's header as the user wrote it. */
  column?: string;
  value?: string;
  message: string;
}

export interface HistoryOptions {
  /** Known product ids (from the Products range or file): any other id is a mistake. Absent: ids come from the history. */
  productIds?: readonly string[];
  /** How a row is named in messages (default "History row {index + 1}"). */
  rowLabel?: (index: number) => string;
  /** Row number reported for a row index (default index + 1). */
  rowNumber?: (index: number) => number;
  /** Stop collecting after this many problems (default 100). */
  maxProblems?: number;
}

export interface HistoryData {
  /** Product ids in index order (the given productIds, or the history's in order of first appearance). */
  ids: string[];
  transactions: Transaction[];
  /** Customers in all (sum of counts). */
  customers: number;
  problems: HistoryProblem[];
}

const OFFERED = ["offered", "offeredset", "offer", "available", "availableproducts", "assortment", "offerset", "shown"];
const PURCHASED = ["purchased", "purchase", "bought", "choice", "chosen", "sold"];
const COUNT = ["count", "customers", "weight", "n", "number"];

/** Where a header row has the Offered, Purchased and Count columns (-1 for none). */
export function historyColumns(headerRow: readonly unknown[]): { offered: number; purchased: number; count: number } {
  const header = headerRow.map(headerKey);
  return {
    offered: header.findIndex((h) => OFFERED.includes(h)),
    purchased: header.findIndex((h) => PURCHASED.includes(h)),
    count: header.findIndex((h) => COUNT.includes(h)),
  };
}

/** The text a cell shows: numbers as written, value objects reduced to their basic value, blanks as "". */
export function cellText(v: unknown): string {
  if (v && typeof v === "object" && "basicValue" in v) v = (v as { basicValue: unknown }).basicValue;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** Header text compared without case, spaces or punctuation: "Offered set" = "offered_set". */
export function headerKey(v: unknown): string {
  return cellText(v)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function readHistory(cells: readonly (readonly unknown[])[], options: HistoryOptions = {}): HistoryData {
  const rowLabel = options.rowLabel ?? ((r: number) => `History row ${r + 1}`);
  const rowNumber = options.rowNumber ?? ((r: number) => r + 1);
  const maxProblems = options.maxProblems ?? 100;
  const problems: HistoryProblem[] = [];
  const out: HistoryData = { ids: [], transactions: [], customers: 0, problems };
  const add = (index: number, message: string, column?: string, value?: string) => {
    if (problems.length < maxProblems) problems.push({ index, row: rowNumber(index), column, value, message });
  };
  // Blank rows at the end (a whole-column range) are not customers.
  let last = cells.length - 1;
  while (last >= 0 && cells[last].every((c) => cellText(c) === "")) last--;
  if (last < 0) {
    add(
      0,
      `${rowLabel(0)}: the history is empty; it needs a header row with Offered and Purchased, then one row per customer`,
    );
    return out;
  }
  const { offered: offeredCol, purchased: purchasedCol, count: countCol } = historyColumns(cells[0]);
  if (offeredCol < 0 || purchasedCol < 0) {
    const missing = [offeredCol < 0 ? "Offered" : "", purchasedCol < 0 ? "Purchased" : ""]
      .filter(Boolean)
      .join(" and ");
    const found = listNames(cells[0].map(cellText).filter(Boolean), { quote: true });
    add(
      0,
      `${rowLabel(0)}: no ${missing} column in the header (found ${found || "nothing"}); the history needs columns Offered (ids separated by semicolons) and Purchased (blank = no purchase)`,
    );
    return out;
  }
  const offeredName = cellText(cells[0][offeredCol]);
  const purchasedName = cellText(cells[0][purchasedCol]);
  const countName = countCol >= 0 ? cellText(cells[0][countCol]) : "";

  const known = options.productIds;
  const index = new Map<string, number>();
  if (known) known.forEach((id, i) => index.set(id, i));
  const ids: string[] = known ? [...known] : [];
  const idOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  const unknownMessage = (id: string) => {
    const guess = suggest(id, known ?? []);
    return `'${id}' is not a product${guess ? `; did you mean '${guess}'?` : ""}`;
  };

  for (let r = 1; r <= last; r++) {
    const row = cells[r];
    if (row.every((c) => cellText(c) === "")) continue;
    const where = (column: string) => `${rowLabel(r)}, column ${column}`;
    const offeredText = cellText(row[offeredCol]);
    const purchasedText = cellText(row[purchasedCol]);
    let ok = true;
    const offered: number[] = [];
    const seen = new Set<string>();
    const tokens = offeredText
      .split(";")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (tokens.length === 0) {
      add(
        r,
        `${where(offeredName)}: nothing was offered to this customer; list the available product ids separated by semicolons`,
        offeredName,
        offeredText,
      );
      ok = false;
    }
    for (const id of tokens) {
      if (seen.has(id)) {
        add(r, `${where(offeredName)}: '${id}' is listed twice`, offeredName, offeredText);
        ok = false;
        continue;
      }
      seen.add(id);
      if (known && !index.has(id)) {
        const comma = id.includes(",") ? " (separate ids with semicolons, not commas)" : "";
        add(r, `${where(offeredName)}: ${unknownMessage(id)}${comma}`, offeredName, id);
        ok = false;
        continue;
      }
      offered.push(idOf(id));
    }
    let purchased = -1;
    if (purchasedText !== "") {
      if (known && !index.has(purchasedText)) {
        add(r, `${where(purchasedName)}: ${unknownMessage(purchasedText)}`, purchasedName, purchasedText);
        ok = false;
      } else if (!seen.has(purchasedText)) {
        if (tokens.length > 0) {
          const shown = tokens.length > 6 ? `${tokens.slice(0, 6).join("; ")}; ...` : tokens.join("; ");
          add(
            r,
            `${where(purchasedName)}: '${purchasedText}' was bought but not offered to this customer (offered: ${shown})`,
            purchasedName,
            purchasedText,
          );
        }
        ok = false;
      } else purchased = idOf(purchasedText);
    }
    let count = 1;
    if (countCol >= 0) {
      const text = cellText(row[countCol]);
      const v = text === "" ? 1 : Number(text);
      if (!(v > 0) || !Number.isFinite(v)) {
        add(
          r,
          `${where(countName)}: '${text}' is not a number of customers; use a number above 0 (blank = 1)`,
          countName,
          text,
        );
        ok = false;
      } else count = v;
    }
    if (!ok) continue;
    offered.sort((a, b) => a - b);
    out.transactions.push({ offered, purchased, count });
    out.customers += count;
  }
  if (problems.length === 0 && out.transactions.length === 0) {
    add(0, `${rowLabel(0)}: the history has a header but no customers below it`);
  }
  out.ids = ids;
  return out;
}
