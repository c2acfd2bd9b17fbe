// JSON output for scripts. NaN marks undefined quantities (e.g. the fill rate of a product nobody wants
// first); JSON has no NaN, so it is written as null (JSON.stringify does this too, but we say so here
// because the output contract promises it). Typed arrays become plain lists instead of {"0": …} objects.

export function toJson(value: unknown): string {
  return JSON.stringify(value, replacer, 2) + "\n";
}

function replacer(_key: string, v: unknown): unknown {
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

/** An array field written element by element as it is produced (consumed once). */
export class StreamedList {
  constructor(readonly items: Iterable<unknown>) {}
}

const CHUNK = 1 << 20;

/**
 * The text of toJson(object), in pieces of about a megabyte, where a field may be a StreamedList: for
 * outputs too large for one string (V8 strings stop at ~512 million characters) or to hold in memory.
 */
export function* toJsonChunks(object: Record<string, unknown>): Generator<string> {
  const fields = Object.entries(object).filter(([, v]) => v !== undefined && typeof v !== "function");
  if (fields.length === 0) {
    yield "{}\n";
    return;
  }
  let buffer = "{\n";
  for (let f = 0; f < fields.length; f++) {
    const [key, value] = fields[f];
    buffer += `  ${JSON.stringify(key)}: `;
    if (value instanceof StreamedList) {
      let first = true;
      for (const item of value.items) {
        const text = JSON.stringify(item, replacer, 2);
        if (text === undefined) continue;
        buffer += `${first ? "[\n" : ",\n"}    ${text.replace(/\n/g, "\n    ")}`;
        first = false;
        if (buffer.length >= CHUNK) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += first ? "[]" : "\n  ]";
    } else {
      buffer += (JSON.stringify(value, replacer, 2) ?? "null").replace(/\n/g, "\n  ");
    }
    buffer += f + 1 < fields.length ? ",\n" : "\n}\n";
  }
  yield buffer;
}
