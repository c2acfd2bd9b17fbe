// The What-if curve as an accessible SVG string: expected profit against the rule's value with its 95% band,
// the upper bound as a dashed line, one focusable circle per point (data-point = its index, for "click a
// point to write that plan"), axis labels and ticks, and a <title>/<desc> that say what it shows. The values
// also go in a table beside it for screen readers (whatIfTable); both are pure strings so they can be tested
// without a browser.

export interface CurvePoint {
  x: number;
  mean: number;
  low: number;
  high: number;
  bound: number;
}

export interface ChartLabels {
  /** The rule, e.g. "Budget". */
  x: string;
  y: string;
  title: string;
}

const W = 320;
const H = 200;
const M = { left: 56, right: 10, top: 14, bottom: 38 };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function short(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(1)}`;
}

function ticks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) out.push(+t.toPrecision(12));
  return out;
}

export function whatIfChartSvg(points: readonly CurvePoint[], labels: ChartLabels): string {
  const xs = points.map((p) => p.x);
  const ys = points.flatMap((p) => [p.low, p.high, p.bound]).filter(Number.isFinite);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(...ys);
  if (!(y1 > y0)) {
    y0 -= 1;
    y1 += 1;
  }
  const px = (x: number) => M.left + (x1 > x0 ? ((x - x0) / (x1 - x0)) * (W - M.left - M.right) : 0);
  const py = (y: number) => H - M.bottom - ((y - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const line = (f: (p: CurvePoint) => number) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(f(p)).toFixed(1)}`).join(" ");
  const band =
    points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(p.high).toFixed(1)}`).join(" ") +
    " " +
    [...points]
      .reverse()
      .map((p) => `L${px(p.x).toFixed(1)},${py(p.low).toFixed(1)}`)
      .join(" ") +
    " Z";
  const xTicks = ticks(x0, x1)
    .map(
      (t) =>
        `<g class="tick"><line x1="${px(t).toFixed(1)}" x2="${px(t).toFixed(1)}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="currentColor"/><text x="${px(t).toFixed(1)}" y="${H - M.bottom + 15}" text-anchor="middle">${short(t)}</text></g>`,
    )
    .join("");
  const yTicks = ticks(y0, y1)
    .map(
      (t) =>
        `<g class="tick"><line x1="${M.left - 4}" x2="${M.left}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" stroke="currentColor"/><text x="${M.left - 6}" y="${(py(t) + 3).toFixed(1)}" text-anchor="end">${short(t)}</text></g>`,
    )
    .join("");
  const dots = points
    .map(
      (p, i) =>
        `<circle class="point" data-point="${i}" tabindex="0" role="button" cx="${px(p.x).toFixed(1)}" cy="${py(p.mean).toFixed(1)}" r="4" aria-label="${escapeXml(`${labels.x} ${short(p.x)}: expected profit ${short(p.mean)}, 95% interval ${short(p.low)} to ${short(p.high)}. Write this plan.`)}"/>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="whatif-title whatif-desc" font-size="10">`,
    `<title id="whatif-title">${escapeXml(labels.title)}</title>`,
    `<desc id="whatif-desc">${escapeXml(`${labels.y} against ${labels.x} at ${points.length} points, with the 95% interval as a band and the upper bound dashed. The same values are in the table below.`)}</desc>`,
    `<path class="band" d="${band}" fill="#2b7bb9" fill-opacity="0.2" stroke="none"/>`,
    `<path class="bound" d="${line((p) => p.bound)}" fill="none" stroke="#888" stroke-dasharray="4 3"/>`,
    `<path class="profit" d="${line((p) => p.mean)}" fill="none" stroke="#2b7bb9" stroke-width="2"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="currentColor"/>`,
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="currentColor"/>`,
    xTicks,
    yTicks,
    `<text class="axis-label" x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${escapeXml(labels.x)}</text>`,
    `<text class="axis-label" transform="rotate(-90)" x="${-(M.top + H - M.bottom) / 2}" y="12" text-anchor="middle">${escapeXml(labels.y)}</text>`,
    `<g fill="#2b7bb9">${dots}</g>`,
    `</svg>`,
  ].join("");
}

/**
 * The chart's values as an HTML table (a caption, a header row, one row per point), each row with a button
 * that writes its plan (data-point = its index, as on the chart's circles).
 */
export function whatIfTable(points: readonly CurvePoint[], labels: ChartLabels): string {
  const n = (v: number) => escapeXml(v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  const rows = points
    .map(
      (p, i) =>
        `<tr data-point="${i}"><th scope="row">${n(p.x)}</th><td>${n(p.mean)}</td><td>${n(p.low)} to ${n(p.high)}</td><td>${n(p.bound)}</td><td><button type="button" class="write-point" data-point="${i}" aria-label="${escapeXml(`Write the plan at ${labels.x} ${p.x.toLocaleString("en-US", { maximumFractionDigits: 2 })} to the plan sheet`)}">Write</button></td></tr>`,
    )
    .join("");
  return `<table class="whatif-values"><caption>${escapeXml(labels.title)}</caption><thead><tr><th scope="col">${escapeXml(labels.x)}</th><th scope="col">Expected profit</th><th scope="col">95% interval</th><th scope="col">Upper bound</th><th scope="col">Plan</th></tr></thead><tbody>${rows}</tbody></table>`;
}
