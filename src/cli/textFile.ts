// Reading a text input (CSV, JSON) as the text it is: the encoding named from its bytes (UTF-8, with or without
// a byte order mark, or UTF-16 LE/BE, converted), a workbook or other binary file passed as text told apart,
// and the limits on the file and on one line said by name before anything large is built from them.

import { FileError } from "./errors";

/** The largest text file read (V8 holds at most ~512 M characters in one string). */
export const MAX_TEXT_BYTES = 400 * 1024 * 1024;
/** The longest line read: no history, product list or instance line comes near it. */
export const MAX_LINE_CHARS = 1_000_000;

export type TextEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16 LE" | "UTF-16 BE";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, k) => bytes[k] === b);
}

function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024)).toLocaleString("en-US")} MB`;
}

/** UTF-16 without a byte order mark: text in the Latin range has a zero in every other byte. */
function utf16Without(bytes: Uint8Array): "UTF-16 LE" | "UTF-16 BE" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) evenZeros++;
    if (bytes[k + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > 0.4 * half && evenZeros < 0.05 * half) return "UTF-16 LE";
  if (evenZeros > 0.4 * half && oddZeros < 0.05 * half) return "UTF-16 BE";
  return undefined;
}

function utf16(bytes: Uint8Array, encoding: "UTF-16 LE" | "UTF-16 BE", skip: number): string {
  const body = bytes.subarray(skip, skip + ((bytes.length - skip) & ~1));
  if (encoding === "UTF-16 LE") return new TextDecoder("utf-16le").decode(body);
  const swapped = Buffer.from(body);
  swapped.swap16();
  return new TextDecoder("utf-16le").decode(swapped);
}

/** Line and column of a byte offset, for naming where UTF-8 breaks. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line++;
  return line;
}

/** The first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return k;
    for (let j = 1; j <= need; j++) if (k + j >= bytes.length || (bytes[k + j] & 0xc0) !== 0x80) return k;
    k += need + 1;
  }
  return -1;
}

/** Refuses a line longer than MAX_LINE_CHARS, naming it. */
export function checkLineLengths(text: string, describe: string): void {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_LINE_CHARS)
      throw new FileError(
        `${describe} line ${line} is ${(stop - start).toLocaleString("en-US")} characters long, more than the ${MAX_LINE_CHARS.toLocaleString("en-US")} Assort reads in one line; is it the right file (a line break lost, or a file that is not a table)?`,
      );
    if (end < 0) return;
    start = end + 1;
    line++;
  }
}

/**
 * The text of a file's bytes; `describe` names it ("the history file 'h.csv'"), `kind` what it should be
 * ("CSV", "JSON"). Throws a FileError that says what the file is instead, or how to save it.
 */
export function decodeText(bytes: Uint8Array, describe: string, kind: string): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES)
    throw new FileError(
      `${describe} is ${megabytes(bytes.length)}, more than the ${megabytes(MAX_TEXT_BYTES)} Assort reads as one ${kind} file; split it, or group identical rows with a Count column`,
    );
  if (startsWith(bytes, ZIP))
    throw new FileError(
      `${describe} is a zip archive (an Excel .xlsx workbook?), not ${kind} text; in Excel use File > Save As > CSV UTF-8, or give the .xlsx file itself where a workbook is read`,
    );
  if (startsWith(bytes, OLE2))
    throw new FileError(
      `${describe} is an Excel 97-2003 (.xls) or other Office file, not ${kind} text; in Excel use File > Save As > CSV UTF-8`,
    );
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes, "UTF-16 LE", 2), encoding: "UTF-16 LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes, "UTF-16 BE", 2), encoding: "UTF-16 BE" };
  const bare = utf16Without(bytes);
  if (bare) return { text: utf16(bytes, bare, 0), encoding: bare };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const zero = body.indexOf(0);
  if (zero >= 0)
    throw new FileError(
      `${describe} is a binary file, not ${kind} text (it holds a zero byte on line ${lineOf(body, zero)}); give the ${kind} file`,
    );
  const bad = firstInvalidUtf8(body);
  if (bad >= 0)
    throw new FileError(
      `${describe} is not UTF-8 text: byte 0x${body[bad].toString(16).toUpperCase()} on line ${lineOf(body, bad)} is not UTF-8 (the file is probably Windows-1252 or Latin-1); save it as UTF-8 (in Excel: File > Save As > CSV UTF-8)`,
    );
  return {
    text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"),
    encoding: bom ? "UTF-8 with BOM" : "UTF-8",
  };
}
