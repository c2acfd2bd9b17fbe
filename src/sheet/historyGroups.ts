// Customers' rows grouped as they are read: identical (Offered, Purchased) rows become one row with a Count,
// so a history of millions of rows is held as its few thousand distinct ones. The rows that come out read
// exactly as the rows that went in (readHistory sums the counts), and each keeps the first place it was seen,
// so a problem in a repeated row is named where it first occurs.

import { cellText, historyColumns } from "./history";

export interface GroupedHistory {
  /** A header (Offered, Purchased, Count, as the input named them) and one row per distinct customer row. */
  cells: unknown[][];
  /** For each row of `cells`, the place of its first occurrence (cells[0]: the header's). */
  places: number[];
  /** Rows read (customers' rows, not counting the header). */
  rows: number;
}

/** A count cell as a number of customers when it is one (else the row is kept on its own, to be reported). */
function countOf(v: unknown): number | undefined {
  const text = cellText(v);
  if (text === "") return 1;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export class HistoryGrouper {
  private readonly columns: { offered: number; purchased: number; count: number };
  private readonly groups = new Map<string, { row: unknown[]; place: number; count: number }>();
  private readonly loose: { row: unknown[]; place: number }[] = [];
  private readonly header: unknown[];
  private readonly headerPlace: number;
  private seen = 0;

  /** Undefined when the header has no Offered and Purchased columns: then nothing can be grouped. */
  static start(header: readonly unknown[], place: number): HistoryGrouper | undefined {
    const c = historyColumns(header);
    return c.offered < 0 || c.purchased < 0 ? undefined : new HistoryGrouper(header, place, c);
  }

  private constructor(
    header: readonly unknown[],
    place: number,
    columns: { offered: number; purchased: number; count: number },
  ) {
    this.columns = columns;
    this.headerPlace = place;
    this.header = [
      header[columns.offered],
      header[columns.purchased],
      columns.count >= 0 ? header[columns.count] : "Count",
    ];
  }

  add(row: readonly unknown[], place: number): void {
    this.seen++;
    const c = this.columns;
    const offered = cellText(row[c.offered]);
    const purchased = cellText(row[c.purchased]);
    const count = c.count >= 0 ? countOf(row[c.count]) : 1;
    if (count === undefined) {
      this.loose.push({ row: [row[c.offered], row[c.purchased], row[c.count]], place });
      return;
    }
    // The offered ids in the order written: a different order is another group but the same customers.
    const key = `${offered}\u0000${purchased}`;
    const g = this.groups.get(key);
    if (g) g.count += count;
    else this.groups.set(key, { row: [row[c.offered], row[c.purchased]], place, count });
  }

  result(): GroupedHistory {
    const all = [
      ...[...this.groups.values()].map((g) => ({ row: [...g.row, g.count], place: g.place })),
      ...this.loose,
    ].sort((a, b) => a.place - b.place);
    return {
      cells: [this.header, ...all.map((g) => g.row)],
      places: [this.headerPlace, ...all.map((g) => g.place)],
      rows: this.seen,
    };
  }
}
