// The label/value block under a result table: label in the first column, value in the second, an optional
// note in the third, padded with "" to the table's width (a spilled range must be rectangular, and a null
// would show as 0).

export type SummaryLine = [label: string, value: unknown, note?: string];

export function summaryRows(lines: SummaryLine[], width: number): unknown[][] {
  return lines.map(([label, value, note]) => {
    const row: unknown[] = [label, value ?? "", note ?? ""];
    while (row.length < width) row.push("");
    return row.slice(0, Math.max(width, note === undefined ? 2 : 3));
  });
}

/** A blank separator row. */
export function blankRow(width: number): unknown[] {
  return new Array(width).fill("");
}

/** Numbers a cell can hold: NaN and infinities become "" (Excel has no NaN; "" shows as empty). */
export function cellNumber(x: number): number | string {
  return Number.isFinite(x) ? x : "";
}

/** Pads every row to the widest, so the array is rectangular. */
export function rectangular(rows: unknown[][]): unknown[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill("")]));
}
