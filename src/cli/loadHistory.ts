// Loading sales history for `assort fit`: a transactions CSV (Offered, Purchased[, Count]) or JSON
// (transactions, or per-period sales with availability), and optionally the product list it must match.
// CSV and JSON transactions go through the same reader as the History sheet range, so the rules and the
// messages are the same everywhere; here the places are file lines.

import { suggest } from "../engine";
import type { PeriodSales, Transaction } from "../engine";
import { cellText, headerKey, readHistory } from "../sheet/history";
import { HistoryGrouper } from "../sheet/historyGroups";
import { isPeriodHeader, readPeriodHistory } from "../sheet/periodHistory";
import { CsvError, csvRecords, detectSeparator, parseCsv } from "./csv";
import { FileError, problemCount, problemLines } from "./errors";
import type { Io } from "./io";
import { readJson } from "./readJson";
import { checkLineLengths, decodeText } from "./textFile";

export interface LoadedHistory {
  ids: string[];
  transactions: Transaction[];
  periods: PeriodSales[];
  /** Records read (customers' rows or periods). */
  records: number;
}

const PROBLEMS_SHOWN = 20;
const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

function readText(io: Io, path: string, what: string): string {
  const describe = `the ${what} file '${path}'`;
  try {
    // From the bytes when they can be had: the encoding is told from them, and a workbook passed as CSV too.
    if (io.readBinary) {
      const { text } = decodeText(io.readBinary(path), describe, "CSV");
      checkLineLengths(text, describe);
      return text;
    }
    const text = io.readFile(path);
    checkLineLengths(text, describe);
    return text;
  } catch (err) {
    if (err instanceof FileError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new FileError(
      `cannot read ${describe}: ${typeof code === "string" && READ_ERRORS[code] ? READ_ERRORS[code] : (err as Error).message}`,
    );
  }
}

const SEPARATOR_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/**
 * A file whose header is separated one way and its rows another (a comma header over semicolon rows): every
 * row reads as one field. Said as such, instead of blaming a column.
 */
function mixedSeparators(rows: string[][], lines: number[], header: string, describe: string): FileError | undefined {
  if (rows.length < 2 || rows[0].length < 2) return undefined;
  for (let r = 1; r < Math.min(rows.length, 50); r++) {
    if (rows[r].length !== 1) continue;
    for (const other of [";", "\t", ","]) {
      if (other === header || !rows[r][0].includes(other)) continue;
      return new FileError(
        `${describe}: line ${lines[r]} has one field where the header line has ${rows[0].length}; the header is separated by ${SEPARATOR_NAMES[header]} but line ${lines[r]} by ${SEPARATOR_NAMES[other]}. Use one separator for the whole file (commas, or semicolons or tabs throughout)`,
      );
    }
  }
  return undefined;
}

function csvRows(io: Io, path: string, what: string): { rows: string[][]; lines: number[] } {
  const text = readText(io, path, what);
  try {
    const separator = detectSeparator(text);
    const records = parseCsv(text, separator);
    const rows = records.map((r) => r.fields);
    const lines = records.map((r) => r.line);
    const mixed = mixedSeparators(rows, lines, separator, `the ${what} file '${path}'`);
    if (mixed) throw mixed;
    return { rows, lines };
  } catch (err) {
    if (err instanceof CsvError) throw new FileError(`the ${what} file '${path}' is not valid CSV: ${err.message}`);
    throw err;
  }
}

/**
 * Row index → file line, held as the rows where the step between them is not 1 (a quoted line break, blank
 * lines): a few numbers for millions of rows.
 */
class RowLines {
  private rows: number[] = [];
  private starts: number[] = [];
  private count = 0;
  private last = 0;

  restart(headerLine: number): void {
    this.rows = [0];
    this.starts = [headerLine];
    this.count = 1;
    this.last = headerLine;
  }

  push(line: number): void {
    if (line !== this.last + 1) {
      this.rows.push(this.count);
      this.starts.push(line);
    }
    this.count++;
    this.last = line;
  }

  of(r: number): number {
    // The last break at or before r.
    let lo = 0;
    let hi = this.rows.length - 1;
    if (hi < 0) return 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    return this.starts[lo] + (r - this.rows[lo]);
  }
}

function problemsError(path: string, problems: readonly { message: string }[], total = problems.length): FileError {
  const lines = problemLines(
    problems.map((p) => p.message),
    PROBLEMS_SHOWN,
    total,
  );
  return new FileError(`the history file '${path}' has ${problemCount(total)}:\n${lines}`);
}

const isJson = (path: string) => /\.json$/i.test(path);

/** Product ids from an instance JSON (its products' ids) or a products CSV (column Product, Id or SKU). */
export function loadProductIds(io: Io, path: string): string[] {
  const ids: string[] = [];
  if (isJson(path)) {
    const json = readJson(io, path, "products");
    const list = Array.isArray(json) ? json : (json as { products?: unknown }).products;
    if (!Array.isArray(list)) throw new FileError(`the products file '${path}' has no "products" list`);
    list.forEach((p, k) => {
      const id = p && typeof p === "object" ? (p as { id?: unknown }).id : undefined;
      if ((typeof id !== "string" && typeof id !== "number") || String(id).trim() === "")
        throw new FileError(`the products file '${path}': products[${k}] has no id`);
      ids.push(String(id).trim());
    });
  } else {
    const { rows, lines } = csvRows(io, path, "products");
    if (rows.length === 0) throw new FileError(`the products file '${path}' is empty`);
    const col = rows[0].map(headerKey).findIndex((h) => ["product", "id", "productid", "sku", "item"].includes(h));
    if (col < 0)
      throw new FileError(`the products file '${path}' has no Product (or Id, SKU) column in its header line`);
    for (let r = 1; r < rows.length; r++) {
      const id = cellText(rows[r][col]);
      if (id !== "") ids.push(id);
      else if (rows[r].some((c) => cellText(c) !== ""))
        throw new FileError(`the products file '${path}' line ${lines[r]}: the product id is blank`);
    }
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new FileError(`the products file '${path}' lists product '${id}' twice`);
    seen.add(id);
  }
  if (ids.length === 0) throw new FileError(`the products file '${path}' lists no products`);
  return ids;
}

export function loadHistory(io: Io, path: string, productIds?: readonly string[]): LoadedHistory {
  if (isJson(path)) return jsonHistory(io, path, productIds);
  const text = readText(io, path, "history");
  const separator = detectSeparator(text);
  const records = csvRecords(text, separator);
  const describe = `the history file '${path}'`;
  try {
    const first = records.next();
    const header = first.done ? undefined : first.value;
    const grouper =
      header && !isPeriodHeader(header.fields) ? HistoryGrouper.start(header.fields, header.line) : undefined;
    if (header && grouper) {
      // Customers' rows: grouped as they are read, so millions of rows are held as their distinct ones.
      let k = 0;
      for (const record of records) {
        if (++k < 50 && record.fields.length === 1 && header.fields.length > 1) {
          const mixed = mixedSeparators(
            [header.fields, record.fields],
            [header.line, record.line],
            separator,
            describe,
          );
          if (mixed) throw mixed;
        }
        grouper.add(record.fields, record.line);
      }
      const grouped = grouper.result();
      const lines = grouped.places;
      const loaded = fromCells(
        path,
        grouped.cells,
        (r) => `line ${lines[r] ?? 1}`,
        (r) => lines[r] ?? 1,
        productIds,
      );
      return { ...loaded, records: grouped.rows };
    }
    if (header && isPeriodHeader(header.fields)) {
      // Per-period sales in long form (Period, Product, Available, Sales[, Customers]): merged by offered set as
      // the records are parsed. The rows can be read again (the reader's fallback when a period's rows are not
      // together), and their line numbers are kept as the few places where line and row stop moving together.
      const lines = new RowLines();
      const label = (r: number) => `line ${lines.of(r)}`;
      const row = (r: number) => lines.of(r);
      const rows = function* (): Generator<readonly unknown[]> {
        const again = csvRecords(text, separator);
        again.next();
        lines.restart(header.line);
        yield header.fields;
        let k = 0;
        for (const record of again) {
          if (++k < 50 && record.fields.length === 1 && header.fields.length > 1) {
            const mixed = mixedSeparators(
              [header.fields, record.fields],
              [header.line, record.line],
              separator,
              describe,
            );
            if (mixed) throw mixed;
          }
          lines.push(record.line);
          yield record.fields;
        }
      };
      const data = readPeriodHistory(
        { [Symbol.iterator]: rows },
        {
          productIds,
          rowLabel: label,
          rowNumber: row,
          maxProblems: PROBLEMS_SHOWN + 1,
        },
      );
      if (data.problems.length > 0) throw problemsError(path, data.problems, data.problemCount);
      return { ids: data.ids, transactions: [], periods: data.periods, records: data.periodCount };
    }
    const all = header ? [header, ...records] : [];
    const rows = all.map((r) => r.fields);
    const lines = all.map((r) => r.line);
    const mixed = mixedSeparators(rows, lines, separator, describe);
    if (mixed) throw mixed;
    const label = (r: number) => `line ${lines[r] ?? 1}`;
    const row = (r: number) => lines[r] ?? 1;
    return fromCells(path, rows, label, row, productIds);
  } catch (err) {
    if (err instanceof CsvError) throw new FileError(`${describe} is not valid CSV: ${err.message}`);
    throw err;
  }
}

function fromCells(
  path: string,
  rows: readonly (readonly unknown[])[],
  label: (r: number) => string,
  row: (r: number) => number,
  productIds?: readonly string[],
): LoadedHistory {
  const data = readHistory(rows, { productIds, rowLabel: label, rowNumber: row, maxProblems: PROBLEMS_SHOWN + 1 });
  if (data.problems.length > 0) {
    const total = data.problems.length > PROBLEMS_SHOWN ? countAll(rows, productIds) : data.problems.length;
    throw problemsError(path, data.problems, total);
  }
  return { ids: data.ids, transactions: data.transactions, periods: [], records: data.transactions.length };
}

/** The full number of problems, when more were found than are shown. */
function countAll(rows: readonly (readonly unknown[])[], productIds?: readonly string[]): number {
  return readHistory(rows, { productIds, maxProblems: Number.MAX_SAFE_INTEGER }).problems.length;
}

/** JSON: a list of transactions, {"transactions": [...]}, or {"periods": [...]}. */
function jsonHistory(io: Io, path: string, productIds?: readonly string[]): LoadedHistory {
  const json = readJson(io, path, "history");
  const obj = json as { transactions?: unknown; periods?: unknown };
  const transactions = Array.isArray(json) ? json : obj && typeof obj === "object" ? obj.transactions : undefined;
  if (Array.isArray(transactions)) {
    // The same rules as a CSV: turn each record into a row of cells.
    const rows: unknown[][] = [["Offered", "Purchased", "Count"]];
    const problems: { message: string }[] = [];
    transactions.forEach((t, k) => {
      const rec = t as { offered?: unknown; purchased?: unknown; count?: unknown };
      if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
        problems.push({
          message: `transactions[${k}] must be an object like {"offered": ["A", "B"], "purchased": "A"}`,
        });
        rows.push(["", "", ""]);
        return;
      }
      const bad = (["purchased", "count"] as const).find(
        (f) => rec[f] !== null && rec[f] !== undefined && typeof rec[f] === "object",
      );
      if (bad) {
        problems.push({
          message: `transactions[${k}].${bad}: ${JSON.stringify(rec[bad]).slice(0, 60)} is a ${Array.isArray(rec[bad]) ? "list" : "object"}; give ${bad === "purchased" ? 'one product id (or null when the customer left without buying), e.g. "purchased": "A"' : "a whole number of customers"}`,
        });
        rows.push(["", "", ""]);
        return;
      }
      const offered = Array.isArray(rec.offered) ? rec.offered.map(cellText).join(";") : cellText(rec.offered);
      rows.push([offered, rec.purchased === null ? "" : rec.purchased, rec.count === undefined ? "" : rec.count]);
    });
    if (problems.length) throw problemsError(path, problems);
    return fromCells(
      path,
      rows,
      (r) => `transactions[${r - 1}]`,
      (r) => r,
      productIds,
    );
  }
  if (obj && typeof obj === "object" && Array.isArray(obj.periods)) return jsonPeriods(path, obj.periods, productIds);
  throw new FileError(
    `the history file '${path}' must hold a list of transactions, {"transactions": [...]} or {"periods": [...]}`,
  );
}

/** Per-period sales: {"available": [ids], "sales": {"id": units}, "customers"?: n, "exposure"?: e}. */
function jsonPeriods(path: string, list: unknown[], productIds?: readonly string[]): LoadedHistory {
  const problems: { message: string }[] = [];
  const ids: string[] = productIds ? [...productIds] : [];
  const index = new Map(ids.map((id, i) => [id, i]));
  const known = productIds !== undefined;
  const idOf = (id: string, where: string): number | undefined => {
    const i = index.get(id);
    if (i !== undefined) return i;
    if (known) {
      const guess = suggest(id, ids);
      problems.push({ message: `${where}: '${id}' is not a product${guess ? `; did you mean '${guess}'?` : ""}` });
      return undefined;
    }
    index.set(id, ids.length);
    ids.push(id);
    return ids.length - 1;
  };
  const raw: Array<{ available: number[]; sales: Map<number, number>; customers?: number; exposure?: number }> = [];
  list.forEach((p, k) => {
    const where = `periods[${k}]`;
    const rec = p as { available?: unknown; sales?: unknown; customers?: unknown; exposure?: unknown };
    if (!rec || typeof rec !== "object" || !Array.isArray(rec.available)) {
      problems.push({ message: `${where} needs "available": a list of the product ids on offer` });
      return;
    }
    const available: number[] = [];
    for (const a of rec.available) {
      const i = idOf(cellText(a), `${where}.available`);
      if (i !== undefined) available.push(i);
    }
    if (rec.available.length === 0) problems.push({ message: `${where}.available is empty: nothing was on offer` });
    const sales = new Map<number, number>();
    if (!rec.sales || typeof rec.sales !== "object" || Array.isArray(rec.sales)) {
      problems.push({ message: `${where} needs "sales": {"product id": units sold, ...}` });
    } else {
      for (const [id, units] of Object.entries(rec.sales as Record<string, unknown>)) {
        const i = idOf(id, `${where}.sales`);
        if (i === undefined) continue;
        if (typeof units !== "number" || !(units >= 0) || !Number.isFinite(units))
          problems.push({
            message: `${where}.sales.${id}: ${JSON.stringify(units)} is not a number of units (0 or more)`,
          });
        else if (!available.includes(i))
          problems.push({ message: `${where}.sales.${id}: ${units} units sold but '${id}' is not in "available"` });
        else sales.set(i, units);
      }
    }
    const num = (v: unknown, name: string): number | undefined => {
      if (v === undefined) return undefined;
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) {
        problems.push({ message: `${where}.${name}: ${JSON.stringify(v)} must be a number above 0` });
        return undefined;
      }
      return v;
    };
    const customers = num(rec.customers, "customers");
    const exposure = num(rec.exposure, "exposure");
    const sold = [...sales.values()].reduce((s, x) => s + x, 0);
    if (customers !== undefined && customers < sold)
      problems.push({ message: `${where}.customers: ${customers} customers cannot have bought ${sold} units` });
    raw.push({ available, sales, customers, exposure });
  });
  if (problems.length) throw problemsError(path, problems);
  if (raw.length === 0) throw new FileError(`the history file '${path}' has no periods`);
  const n = ids.length;
  const periods: PeriodSales[] = raw.map((r) => {
    const available = new Uint8Array(n);
    for (const i of r.available) available[i] = 1;
    const sales = new Float64Array(n);
    for (const [i, u] of r.sales) sales[i] = u;
    return { available, sales, customers: r.customers, exposure: r.exposure };
  });
  return { ids, transactions: [], periods, records: periods.length };
}
