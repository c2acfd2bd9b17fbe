// The links `assort fit --links` may estimate: From, To pairs from an instance's substitution (list or
// matrix, any probability above 0) or a CSV with From and To columns (e.g. ASSORT.SIMILARITY's output, or
// "same category" pairs). Restricting the links keeps large catalogues fast and their estimates sharp: with
// every ordered pair allowed, EM spreads a little probability over thousands of links the data cannot rule out.

import { suggest } from "../engine";
import { cellText, headerKey } from "../sheet/history";
import { CsvError, parseCsv } from "./csv";
import { FileError, problemCount, problemLines } from "./errors";
import type { Io } from "./io";
import { readJson } from "./readJson";

/** Beyond this many problems, one line says how many more there are. */
const PROBLEMS_SHOWN = 20;

export function loadLinks(io: Io, path: string, ids: readonly string[]): Array<[number, number]> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const problems: string[] = [];
  const pairs: Array<[number, number]> = [];
  const add = (from: string, to: string, where: string) => {
    const a = index.get(from);
    const b = index.get(to);
    for (const [id, k] of [
      [from, a],
      [to, b],
    ] as const) {
      if (k === undefined) {
        const guess = suggest(id, ids);
        problems.push(`${where}: '${id}' is not a product of the history${guess ? `; did you mean '${guess}'?` : ""}`);
      }
    }
    if (a !== undefined && b !== undefined && a !== b) pairs.push([a, b]);
  };
  if (/\.json$/i.test(path)) {
    const json = readJson(io, path, "links") as { substitution?: unknown };
    const sub = json && typeof json === "object" ? json.substitution : undefined;
    if (Array.isArray(sub)) {
      sub.forEach((l, k) => {
        const link = l as { from?: unknown; to?: unknown; probability?: unknown };
        if (typeof link.probability === "number" && link.probability > 0)
          add(cellText(link.from), cellText(link.to), `substitution[${k}]`);
      });
    } else if (sub && typeof sub === "object" && Array.isArray((sub as { ids?: unknown }).ids)) {
      const { ids: mids, matrix } = sub as { ids: unknown[]; matrix: unknown[][] };
      mids.forEach((f, r) =>
        mids.forEach((t, c) => {
          const p = matrix?.[r]?.[c];
          if (typeof p === "number" && p > 0) add(cellText(f), cellText(t), `substitution.matrix[${r}][${c}]`);
        }),
      );
    } else throw new FileError(`the links file '${path}' has no "substitution" list or matrix`);
  } else {
    let text: string;
    try {
      text = io.readFile(path);
    } catch (err) {
      throw new FileError(
        `cannot read the links file '${path}': ${(err as { code?: string }).code === "ENOENT" ? "no such file" : (err as Error).message}`,
      );
    }
    let records;
    try {
      records = parseCsv(text);
    } catch (err) {
      if (err instanceof CsvError) throw new FileError(`the links file '${path}' is not valid CSV: ${err.message}`);
      throw err;
    }
    const header = (records[0]?.fields ?? []).map(headerKey);
    const f = header.findIndex((h) => ["from", "fromproduct", "source"].includes(h));
    const t = header.findIndex((h) => ["to", "toproduct", "substitute", "target"].includes(h));
    if (f < 0 || t < 0) throw new FileError(`the links file '${path}' needs From and To columns in its header line`);
    for (const r of records.slice(1)) add(cellText(r.fields[f]), cellText(r.fields[t]), `line ${r.line}`);
  }
  if (problems.length) {
    throw new FileError(
      `the links file '${path}' has ${problemCount(problems.length)}:\n${problemLines(problems, PROBLEMS_SHOWN)}`,
    );
  }
  if (pairs.length === 0) throw new FileError(`the links file '${path}' allows no link between two different products`);
  return pairs;
}
