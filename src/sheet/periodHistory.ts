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
  /**
   * The periods merged by offered set (and by whether their customers were counted), in order of first
   * appearance: sales and customers summed, exposure = the number of sales-only periods merged. The fit reads
   * the same likelihood from them as from the periods one by one, and they take memory in proportion to the
   * distinct offered sets, not to the periods.
   */
  periods: PeriodSales[];
  /** How many periods were read (and kept: a period with a problem is not counted). */
  periodCount: number;
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

/** How a pass tells that a period's rows are not all together (its label comes back after another period's). */
type Watch = "rising" | "seen" | "none";

/**
 * Reads the rows one at a time (any iterable: a CSV's records as they are parsed) and merges each period into
 * the group of its offered set as soon as the next period begins, so that millions of rows are held as their
 * distinct offered sets, not as rows or periods. That needs each period's rows together, as exports sorted by
 * period have them. A first pass checks it for free while the labels rise (numbers by value, then text in
 * order); if they do not, a second pass keeps the labels it has closed. When a closed label does come back, the
 * rows are read once more holding every period open to the end, which is also the only pass for a one-shot
 * iterator (a generator cannot be read twice).
 */
export function readPeriodHistory(rows: Iterable<readonly unknown[]>, options: HistoryOptions = {}): PeriodHistoryData {
  const rereadable = (rows[Symbol.iterator]() as unknown) !== rows;
  if (rereadable) {
    for (const watch of ["rising", "seen"] as const) {
      const data = readPass(rows, options, watch);
      if (data) return data;
    }
  }
  return readPass(rows, options, "none") as PeriodHistoryData;
}

const labelNumber = (label: string): number | undefined => {
  const x = Number(label);
  return Number.isFinite(x) ? x : undefined;
};

/**
 * True when `after` comes strictly after `before` in one total order (numbers by value before any text, text
 * by code units), so labels that always rise cannot repeat.
 */
function rises(before: string, after: string): boolean {
  const a = labelNumber(before);
  const b = labelNumber(after);
  if (a !== undefined && b !== undefined) return b > a;
  if (a !== undefined || b !== undefined) return a !== undefined;
  return after > before;
}

/** One pass over the rows; undefined when `watch` finds a period whose rows are not together. */
function readPass(
  rows: Iterable<readonly unknown[]>,
  options: HistoryOptions,
  watch: Watch,
): PeriodHistoryData | undefined {
  const rowLabel = options.rowLabel ?? ((r: number) => `History row ${r + 1}`);
  const rowNumber = options.rowNumber ?? ((r: number) => r + 1);
  const maxProblems = options.maxProblems ?? 100;
  const problems: HistoryProblem[] = [];
  const out: PeriodHistoryData = { ids: [], periods: [], periodCount: 0, problems, problemCount: 0 };
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
  /** Periods merged by offered set: the members (sorted), their sales summed, customers summed when counted. */
  interface Merged {
    members: number[];
    sales: Float64Array;
    customers?: number;
    periods: number;
  }
  const open = new Map<string, Building>();
  const groups = new Map<string, Merged>();
  const closed = new Set<string>();
  let current: string | undefined;
  let started = 0;
  let r = 0;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    r++;
    const period = cellText(next.value[pc]);
    if (watch !== "none" && period !== "" && period !== current) {
      if (current !== undefined) {
        if (watch === "rising" && !rises(current, period)) return undefined;
        if (watch === "seen") {
          closed.add(current);
          if (closed.has(period)) return undefined;
        }
        const b = open.get(current);
        if (b) close(current, b);
        open.delete(current);
      }
      current = period;
    }
    const before = out.problemCount;
    readRow(r, next.value);
    // A period with a broken row is not checked as a whole (its "nothing available" would only echo the row).
    const b = open.get(period);
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
    let b = open.get(period);
    if (!b) {
      open.set(period, (b = { available: new Map(), sales: new Map(), rowOf: new Map(), bad: false }));
      started++;
    }
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
  /** A period whose rows are all read: checked as a whole, then added into its offered set's group. */
  function close(label: string, b: Building): void {
    if (b.bad) return;
    const members: number[] = [];
    let sold = 0;
    for (const [i, a] of b.available) if (a) members.push(i);
    for (const s of b.sales.values()) sold += s;
    const firstRow = b.rowOf.values().next().value as number;
    if (members.length === 0) {
      add(firstRow, `${rowLabel(firstRow)}: nothing was available in period '${label}'`);
      return;
    }
    if (b.customers !== undefined && b.customers < sold) {
      add(
        b.customersRow as number,
        `${rowLabel(b.customersRow as number)}, column ${name(cc)}: ${b.customers} customers in period '${label}' cannot have bought ${sold} units`,
        name(cc),
      );
      return;
    }
    members.sort((x, y) => x - y);
    // Counted and sales-only periods stay apart: the fit reads their leavers differently.
    const key = (b.customers === undefined ? "P" : "C") + members.join(",");
    let g = groups.get(key);
    if (!g) {
      g = { members, sales: new Float64Array(members.length), periods: 0 };
      if (b.customers !== undefined) g.customers = 0;
      groups.set(key, g);
    }
    for (let k = 0; k < members.length; k++) g.sales[k] += b.sales.get(g.members[k]) ?? 0;
    if (g.customers !== undefined) g.customers += b.customers as number;
    g.periods++;
    out.periodCount++;
  }
  for (const [label, b] of open) close(label, b);
  if (out.problemCount === 0 && started === 0)
    add(0, `${rowLabel(0)}: the history has a header but no periods below it`);
  const n = ids.length;
  for (const g of groups.values()) {
    const available = new Uint8Array(n);
    const sales = new Float64Array(n);
    g.members.forEach((i, k) => {
      available[i] = 1;
      sales[i] = g.sales[k];
    });
    // A sales-only group's exposure is its number of periods: customers arrive in proportion to it.
    out.periods.push(
      g.customers === undefined
        ? { available, sales, exposure: g.periods }
        : { available, sales, customers: g.customers },
    );
  }
  out.ids = ids;
  return out;
}
