// The real file system behind Io's file functions (main.ts wires them to the process; workbook tests use
// them too, so what they check is what users run).

import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { Io } from "./io";

export const diskFiles: Required<Pick<Io, "readFile" | "writeFile" | "readBinary" | "writeBinary" | "exists">> = {
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, text) => writeFileSync(path, text, "utf8"),
  readBinary: (path) => readFileSync(path),
  writeBinary: (path, data) => {
    // Written beside the target, then renamed over it: an interrupted run leaves no half-written workbook.
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, data);
      renameSync(temporary, path);
    } catch (err) {
      rmSync(temporary, { force: true });
      throw err;
    }
  },
  exists: (path) => existsSync(path),
};
