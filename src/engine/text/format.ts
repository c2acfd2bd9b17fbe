// How values are quoted in messages: short, unambiguous, never "[object Object]".

export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "blank";
  if (typeof value === "string") return `'${value.length > 40 ? value.slice(0, 37) + "..." : value}'`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  try {
    const s = JSON.stringify(value);
    return s.length > 40 ? s.slice(0, 37) + "..." : s;
  } catch {
    return String(value);
  }
}

export interface ListOptions {
  /** The most names shown before "and k more" (8; Infinity for all). */
  max?: number;
  /** Each name in single quotes ('Tee-42'), as ids and headers are quoted in messages. */
  quote?: boolean;
}

/**
 * "A", "A and B", "A, B and C", at most `max` names then "A, B and 3 more"; `options` may be just the max.
 * The one way a list of names is written in a message.
 */
export function listNames(names: readonly string[], options: ListOptions | number = {}): string {
  const { max = 8, quote = false } = typeof options === "number" ? { max: options } : options;
  const shown = names.slice(0, max).map((name) => (quote ? `'${name}'` : name));
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** An amount in a message: at most two decimals, no trailing zeros ("1200", "99.5"). */
export function money(x: number): string {
  return String(+x.toFixed(2));
}
