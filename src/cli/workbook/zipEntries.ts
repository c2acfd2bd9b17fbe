// The names of the files inside a zip archive (an .xlsx is one), read from its central directory. Only the
// names: exceljs does the real reading; these tell what a workbook holds that exceljs would not carry over
// (charts, pivot tables, macros) so `assort plan` can say so instead of dropping them silently.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

export interface ZipEntry {
  name: string;
  /** Size once unpacked, in bytes (Infinity for a Zip64 entry, whose size is elsewhere: treated as huge). */
  size: number;
}

/** Entry names, or undefined when the bytes are not a readable zip archive. */
export function zipEntries(bytes: Uint8Array): string[] | undefined {
  return zipDirectory(bytes)?.map((e) => e.name);
}

/** Entries with their unpacked sizes, or undefined when the bytes are not a readable zip archive. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  if (bytes.length < 22) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let k = bytes.length - 22; k >= Math.max(0, bytes.length - MAX_END_SEARCH); k--) {
    if (view.getUint32(k, true) === END_OF_DIRECTORY) {
      end = k;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    const size = view.getUint32(at + 24, true);
    names.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      size: size === 0xffffffff ? Infinity : size,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
