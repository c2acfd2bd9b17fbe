// JSON output for scripts. NaN marks undefined quantities (e.g. the fill rate of a product nobody wants
// first); JSON has no NaN, so it is written as null (JSON.stringify does this too, but we say so here
// because the output contract promises it). Typed arrays become plain lists instead of {"0": …} objects.

export function toJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === "number" && !Number.isFinite(v)) return null;
        if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
        return v;
      },
      2,
    ) + "\n"
  );
}
