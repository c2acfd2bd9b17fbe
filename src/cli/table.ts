// Formatting for people: numbers with thousands separators and a fixed number of decimals, and aligned
// plain-text tables (numbers right-aligned so digits line up, text left-aligned).
// Locale-independent on purpose: output is the same on every machine, so it can be diffed and tested.

/** 12345.678 → "12,345.68"; NaN (undefined quantities, e.g. the fill rate of a product nobody wants) → "–". */
export function formatNumber(x: number, decimals = 2): string {
  if (Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // "-0.00" helps nobody.
  const negative = x < 0 && Number(fixed) !== 0;
  return (negative ? "-" : "") + grouped + (frac === undefined ? "" : "." + frac);
}

/** 0.1234 → "12.3%". */
export function formatPercent(share: number, decimals = 1): string {
  return Number.isNaN(share) ? "–" : `${formatNumber(100 * share, decimals)}%`;
}

/** "1 product", "3 products". */
export function plural(count: number, word: string, many = word + "s"): string {
  return `${formatNumber(count, 0)} ${count === 1 ? word : many}`;
}

export interface Column<Row> {
  header: string;
  /** Right-aligned (numbers) or left-aligned (text). */
  align: "left" | "right";
  cell(row: Row): string;
  /** Longer cells are cut with "…" (ids and names can be long; numbers never are). */
  maxWidth?: number;
}

function clip(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** Renders rows as an aligned table: a header, a rule, then one line per row (no trailing spaces). */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => clip(c.cell(row), c.maxWidth)));
  const widths = columns.map((c, j) => Math.max(c.header.length, ...cells.map((r) => r[j].length)));
  const line = (parts: string[]) =>
    parts
      .map((text, j) => (columns[j].align === "right" ? text.padStart(widths[j]) : text.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w)))];
  for (const r of cells) out.push(line(r));
  return out.join("\n") + "\n";
}

/** Two-column "label  value" lines for a summary block. */
export function renderSummary(pairs: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n") + "\n";
}
