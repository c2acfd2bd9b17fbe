// A CSV reader (RFC 4180): fields separated by commas, optional double quotes around a field, "" for a
// quote inside one, line breaks allowed inside quotes, CRLF or LF. Excel in many locales saves with
// semicolons or tabs instead of commas; the separator is taken from the header line. Every record keeps the
// line it starts on, so messages can point at it.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/** The separator: comma, unless the header line (outside quotes) has none and has semicolons or tabs. */
export function detectSeparator(text: string): string {
  let inQuotes = false;
  const count: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) break;
    else if (!inQuotes && c in count) count[c]++;
  }
  if (count[","] > 0) return ",";
  if (count["\t"] > 0) return "\t";
  if (count[";"] > 0) return ";";
  return ",";
}

export function parseCsv(text: string, separator = detectSeparator(text)): CsvRecord[] {
  return [...csvRecords(text, separator)];
}

/** The records one at a time, so a large file can be grouped as it is read instead of held as rows. */
export function* csvRecords(text: string, separator = detectSeparator(text)): Generator<CsvRecord> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let k = 0;
  let quotedField = false;
  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    // A line with nothing on it is not a record (a trailing newline, or blank lines between blocks).
    const record = fields.length === 1 && fields[0] === "" && !quotedField ? undefined : { line: start, fields };
    fields = [];
    field = "";
    quotedField = false;
    return record;
  };
  while (k < text.length) {
    const c = text[k];
    if (c === '"' && field === "" && !quotedField) {
      // A quoted field: read to the closing quote.
      quotedField = true;
      const openLine = line;
      k++;
      for (;;) {
        if (k >= text.length)
          throw new CsvError(`line ${openLine}: a quoted field is never closed (a '"' is missing)`, openLine);
        const d = text[k];
        if (d === '"') {
          if (text[k + 1] === '"') {
            field += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        k++;
      }
      const next = text[k];
      if (k < text.length && next !== separator && next !== "\n" && next !== "\r") {
        throw new CsvError(
          `line ${line}: unexpected '${next}' after a closing quote (write "" for a quote inside a quoted field)`,
          line,
        );
      }
      continue;
    }
    if (c === separator) {
      fields.push(field);
      field = "";
      quotedField = false;
      k++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      const record = endRecord();
      if (record) yield record;
      k += c === "\r" && text[k + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
      continue;
    }
    if (c === '"')
      throw new CsvError(
        `line ${line}: a '"' in the middle of a field (quote the whole field and double the quote: "a ""b"" c")`,
        line,
      );
    field += c;
    k++;
  }
  if (field !== "" || fields.length > 0 || quotedField) {
    const record = endRecord();
    if (record) yield record;
  }
}
