// Per-period sales (a History range or CSV in long form) → the estimator's period records. One row per
// period and product: Period (a day, week or date), Product, Available (TRUE/FALSE, 1/0, yes/no), Sales
// (units sold); an optional Customers column gives the period's traffic (door count, sessions), repeated on
// its rows or given once. A product with no row in a period counts as not available in it. Without customer
// counts the estimator takes arrivals as Poisson and cannot estimate the no-purchase share.

import { suggest } from "../engine";
import type { PeriodSales } from "../engine";
import { cellText, headerKey, type HistoryOptions, type HistoryProblem } from "./history";

const PERIOD = ["period", "day", "week", "date", "month"];
const PRODUCT = ["product", "id", "productid", "sku", "item"];
const AVAILABLE = ["available", "instock", "availability", "offered", "onsale"];
const SALES = ["sales", "sold", "units", "unitssold", "quantity", "qty"];
const CUSTOMERS = ["customers", "traffic", "visitors", "footfall", "sessions"];

export interface PeriodHistoryData {
  ids: string[];
  periods: PeriodSales[];
  /** Period labels, parallel to periods. */
  labels: string[];
  /** The first `maxProblems` problems. */
  problems: HistoryProblem[];
  /** How many problems there are in all (problems keeps only the first ones). */
  problemCount: number;
}

/** True when the header row is the per-period layout (Period, Product, Available, Sales). */
export function isPeriodHeader(row: readonly unknown[]): boolean {
  const keys = row.map(headerKey);
  return [PERIOD, PRODUCT, AVAILABLE, SALES].every((names) => keys.some((k) => names.includes(k)));
}

function flag(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["true", "1", "yes", "y", "x"].includes(t)) return true;
  if (["false", "0", "no", "n"].includes(t)) return false;
  return undefined;
}

/**
 * Reads the rows one at a time (any iterable: a CSV's records as they are parsed), grouping them by period, so
 * that millions of rows are held as their periods, not as rows.
 */
export function readPeriodHistory(rows: Iterable<readonly unknown[]>, options: HistoryOptions = {}): PeriodHistoryData {
  const rowLabel = options.rowLabel ?? ((r: number) => `History row ${r + 1}`);
  const rowNumber = options.rowNumber ?? ((r: number) => r + 1);
  const maxProblems = options.maxProblems ?? 100;
  const problems: HistoryProblem[] = [];
  const out: PeriodHistoryData = { ids: [], periods: [], labels: [], problems, problemCount: 0 };
  const add = (index: number, message: string, column?: string, value?: string) => {
    out.problemCount++;
    if (problems.length < maxProblems) problems.push({ index, row: rowNumber(index), column, value, message });
  };
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  const header: readonly unknown[] | undefined = first.done ? undefined : first.value;
  if (header === undefined || !isPeriodHeader(header)) {
    add(0, `${rowLabel(0)}: per-period history needs the columns Period, Product, Available and Sales`);
    return out;
  }
  const keys = header.map(headerKey);
  const col = (names: string[]) => keys.findIndex((k) => names.includes(k));
  const [pc, ic, ac, sc, cc] = [col(PERIOD), col(PRODUCT), col(AVAILABLE), col(SALES), col(CUSTOMERS)];
  const name = (c: number) => cellText(header[c]);

  const known = options.productIds;
  const ids: string[] = known ? [...known] : [];
  const index = new Map(ids.map((id, i) => [id, i]));
  interface Building {
    available: Map<number, boolean>;
    sales: Map<number, number>;
    customers?: number;
    customersRow?: number;
    rowOf: Map<number, number>;
    bad: boolean;
  }
  const byPeriod = new Map<string, Building>();
  let r = 0;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    r++;
    const before = out.problemCount;
    readRow(r, next.value);
    // A period with a broken row is not checked as a whole (its "nothing available" would only echo the row).
    const b = byPeriod.get(cellText(next.value[pc]));
    if (b && out.problemCount > before) b.bad = true;
  }
  function readRow(r: number, row: readonly unknown[]): void {
    if (row.every((c) => cellText(c) === "")) return;
    const where = (c: number) => `${rowLabel(r)}, column ${name(c)}`;
    const period = cellText(row[pc]);
    if (period === "") {
      add(r, `${where(pc)}: the period is blank`, name(pc));
      return;
    }
    const id = cellText(row[ic]);
    let i = index.get(id);
    if (id === "") {
      add(r, `${where(ic)}: the product id is blank`, name(ic));
      return;
    }
    if (i === undefined) {
      if (known) {
        const guess = suggest(id, known);
        add(r, `${where(ic)}: '${id}' is not a product${guess ? `; did you mean '${guess}'?` : ""}`, name(ic), id);
        return;
      }
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    let b = byPeriod.get(period);
    if (!b) byPeriod.set(period, (b = { available: new Map(), sales: new Map(), rowOf: new Map(), bad: false }));
    const earlier = b.rowOf.get(i);
    if (earlier !== undefined) {
      add(r, `${where(ic)}: '${id}' already has a row for period '${period}' (${rowLabel(earlier)})`, name(ic), id);
      return;
    }
    b.rowOf.set(i, r);
    const availableText = cellText(row[ac]);
    const available = flag(availableText);
    if (available === undefined) {
      add(r, `${where(ac)}: '${availableText}' is not TRUE or FALSE (1/0, yes/no also work)`, name(ac), availableText);
      return;
    }
    const salesText = cellText(row[sc]);
    const sales = salesText === "" ? 0 : Number(salesText);
    if (!(sales >= 0) || !Number.isFinite(sales)) {
      add(r, `${where(sc)}: '${salesText}' is not a number of units (0 or more)`, name(sc), salesText);
      return;
    }
    if (!available && sales > 0) {
      add(
        r,
        `${where(sc)}: ${salesText} units sold while '${id}' was not available; fix the sales or the Available flag`,
        name(sc),
        salesText,
      );
      return;
    }
    b.available.set(i, available);
    b.sales.set(i, sales);
    if (cc >= 0) {
      const text = cellText(row[cc]);
      if (text === "") return;
      const customers = Number(text);
      if (!(customers >= 0) || !Number.isFinite(customers))
        add(r, `${where(cc)}: '${text}' is not a number of customers`, name(cc), text);
      else if (b.customers !== undefined && b.customers !== customers) {
        add(
          r,
          `${where(cc)}: ${text} customers, but ${rowLabel(b.customersRow as number)} says ${b.customers} for period '${period}'`,
          name(cc),
          text,
        );
      } else {
        b.customers = customers;
        b.customersRow = r;
      }
    }
  }
  if (out.problemCount === 0 && byPeriod.size === 0)
    add(0, `${rowLabel(0)}: the history has a header but no periods below it`);
  const n = ids.length;
  for (const [label, b] of byPeriod) {
    const available = new Uint8Array(n);
    const sales = new Float64Array(n);
    let sold = 0;
    for (const [i, a] of b.available) available[i] = a ? 1 : 0;
    for (const [i, s] of b.sales) {
      sales[i] = s;
      sold += s;
    }
    if (b.bad) continue;
    if (!available.some((x) => x === 1)) {
      add(
        b.rowOf.values().next().value as number,
        `${rowLabel(b.rowOf.values().next().value as number)}: nothing was available in period '${label}'`,
      );
      continue;
    }
    if (b.customers !== undefined && b.customers < sold) {
      add(
        b.customersRow as number,
        `${rowLabel(b.customersRow as number)}, column ${name(cc)}: ${b.customers} customers in period '${label}' cannot have bought ${sold} units`,
        name(cc),
      );
      continue;
    }
    out.periods.push({ available, sales, customers: b.customers });
    out.labels.push(label);
  }
  out.ids = ids;
  return out;
}
