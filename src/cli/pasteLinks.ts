// The substitution list `assort fit` prints for pasting as a Substitution range: short (4 decimals) and
// always valid, so rounding never turns a fitted row into a closed loop.

export interface PasteLink {
  from: string;
  to: string;
  probability: number;
}

/**
 * The links in units of 1e-4, each rounded down, and a row that would still reach 1 (10,000 units) lowered
 * on its largest link to 0.9999: rounding to nearest made rows of 0.99996 read as 1, a closed loop that
 * validation rejects.
 */
export function pasteable(links: readonly PasteLink[]): Array<{ from: string; to: string; units: number }> {
  const out = links.map((l) => ({ from: l.from, to: l.to, units: Math.floor(l.probability * 1e4 + 1e-7) }));
  const rows = new Map<string, typeof out>();
  for (const l of out) {
    const row = rows.get(l.from);
    if (row) row.push(l);
    else rows.set(l.from, [l]);
  }
  for (const row of rows.values()) {
    const total = row.reduce((a, l) => a + l.units, 0);
    if (total < 1e4) continue;
    const largest = row.reduce((a, l) => (l.units > a.units ? l : a));
    largest.units -= total - 9999;
  }
  return out.filter((l) => l.units > 0);
}
