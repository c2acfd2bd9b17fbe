// Opening an .xlsx file with exceljs, and saying plainly why when it cannot be opened: a password-protected
// workbook, an old .xls, an OpenDocument file, a CSV, a damaged or truncated file. exceljs' own messages
// ("Can't find end of central directory") mean nothing to a merchandiser.

import type { Workbook } from "exceljs";
import { FileError } from "../errors";
import type { Io } from "../io";
import { READ_ERRORS } from "../readJson";
import { relativeTargets } from "./opcTargets";
import { zipDirectory } from "./zipEntries";

/** The largest workbook file read, and the largest part inside it once unpacked (V8 cannot hold much more
 * text in one string, and exceljs reads a part whole). */
export const MAX_WORKBOOK_BYTES = 512 * 1024 * 1024;
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/** What a part of the archive holds, for the message that names it. */
function partMeaning(name: string): string {
  if (name === "xl/sharedStrings.xml") return "the text of the cells";
  if (name.startsWith("xl/worksheets/")) return "a sheet's cells";
  if (name.startsWith("xl/media/")) return "a picture";
  return "part of the workbook";
}

function megabytes(n: number): string {
  return Number.isFinite(n) ? `${Math.round(n / (1024 * 1024)).toLocaleString("en-US")} MB` : "more than 4 GB";
}

export interface OpenedWorkbook {
  workbook: Workbook;
  /** The file as read, for its checksum in the plan's stamp. */
  bytes: Uint8Array;
  /** The files inside the .xlsx archive, to tell later what exceljs did not carry over. */
  parts: string[];
}

/** Compound File (OLE2) signature: encrypted OOXML and the old binary .xls both use this container. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, k) => bytes[k] === b);
}

/** Whether the UTF-16LE text (a stream name in an OLE2 directory) occurs in the bytes. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** Why bytes that are not a zip archive cannot be an .xlsx workbook. */
function notXlsx(bytes: Uint8Array, path: string): FileError {
  if (startsWith(bytes, OLE2)) {
    // Excel keeps a password-protected workbook as an OLE2 file whose streams are EncryptionInfo and EncryptedPackage.
    if (hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo")) {
      return new FileError(
        `'${path}': the workbook is encrypted; save a copy without a password (File > Info > Protect Workbook > Encrypt with Password, clear it) and run assort on the copy`,
      );
    }
    return new FileError(
      `'${path}' is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as an Excel Workbook (.xlsx)`,
    );
  }
  if (bytes.length === 0) return new FileError(`'${path}' is empty (0 bytes); it is not an Excel workbook`);
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8");
  if (/^\s*</.test(head))
    return new FileError(
      `'${path}' is an XML or HTML file, not an .xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)`,
    );
  return new FileError(
    `'${path}' is not an .xlsx workbook (it is not a zip archive, as every .xlsx is); if it is a CSV or text file, open it in Excel and save it as an Excel Workbook (.xlsx)`,
  );
}

export async function openWorkbook(bytes: Uint8Array, path: string): Promise<OpenedWorkbook> {
  if (!startsWith(bytes, ZIP)) throw notXlsx(bytes, path);
  if (bytes.length > MAX_WORKBOOK_BYTES)
    throw new FileError(
      `'${path}' is ${megabytes(bytes.length)}, more than the ${megabytes(MAX_WORKBOOK_BYTES)} Assort reads as a workbook; keep the planning sheets (Products, Substitution, Options) in a smaller workbook`,
    );
  const directory = zipDirectory(bytes);
  const parts = directory?.map((e) => e.name);
  const huge = directory?.find((e) => e.size > MAX_PART_BYTES);
  if (huge)
    throw new FileError(
      `'${path}': its part ${huge.name} (${partMeaning(huge.name)}) unpacks to ${megabytes(huge.size)}, more than the ${megabytes(MAX_PART_BYTES)} Assort reads per part; a cell holding a very long text is the usual cause (Excel keeps at most 32,767 characters in a cell): clear it, or keep the planning sheets in a smaller workbook`,
    );
  if (parts === undefined)
    throw new FileError(
      `'${path}' is damaged: its zip directory is missing or cut short (was the file copied completely?); open it in Excel, which may repair it, and save a copy`,
    );
  if (parts.includes("mimetype") && parts.includes("content.xml")) {
    throw new FileError(
      `'${path}' is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as Excel 2007-365 (.xlsx)`,
    );
  }
  if (parts.includes("xl/workbook.bin"))
    throw new FileError(`'${path}' is an Excel binary workbook (.xlsb); save it as an Excel Workbook (.xlsx)`);
  if (!parts.includes("xl/workbook.xml"))
    throw new FileError(`'${path}' is a zip archive but not an Excel workbook (it has no xl/workbook.xml)`);
  // Loaded on first use: most of the CLI's start-up was exceljs setting itself up, which a JSON instance never
  // needs (`assort optimize file.json` at N = 1,000 started ~50 ms sooner).
  const { Workbook: ExcelWorkbook } = await import("exceljs");
  const workbook = new ExcelWorkbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one that holds exactly the file.
    const readable = (await relativeTargets(bytes, parts)) ?? bytes;
    await workbook.xlsx.load(new Uint8Array(readable).buffer);
  } catch (err) {
    // exceljs' own TypeErrors ("Cannot read properties of undefined") say nothing about the file.
    const why =
      err instanceof TypeError || !(err instanceof Error)
        ? "its parts do not fit together"
        : /Invalid string length|Array buffer allocation/i.test(err.message)
          ? "a part is too large to hold in memory"
          : err.message;
    throw new FileError(
      `'${path}' is damaged and cannot be read as an .xlsx workbook (${why}); open it in Excel, which may repair it, and save a copy`,
    );
  }
  if (workbook.worksheets.length === 0) throw new FileError(`'${path}' holds no worksheets`);
  return { workbook, bytes, parts };
}

/** Reads and opens the workbook at `path`, or says why it cannot. */
export async function readWorkbook(io: Io, path: string): Promise<OpenedWorkbook> {
  if (!io.readBinary) throw new FileError(`cannot read workbooks here ('${path}')`);
  let bytes: Uint8Array;
  try {
    bytes = io.readBinary(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const why = typeof code === "string" && READ_ERRORS[code] ? READ_ERRORS[code] : (err as Error).message;
    throw new FileError(`cannot read the workbook '${path}': ${why}`);
  }
  return openWorkbook(bytes, path);
}

/** Whether a path names a workbook rather than a JSON instance. */
export function isWorkbookPath(path: string): boolean {
  return /\.xls[xmb]?$/i.test(path);
}
