// The real file system behind Io's file functions (main.ts wires them to the process; workbook tests use
// them too, so what they check is what users run). Every write goes through safeWrite.ts.

import { readFileSync } from "node:fs";
import type { Io } from "./io";
import { checkOutput, writeFileSafely } from "./safeWrite";

export const diskFiles: Required<Pick<Io, "readFile" | "readBinary" | "checkOutput" | "writeOutput">> = {
  readFile: (path) => readFileSync(path, "utf8"),
  readBinary: (path) => readFileSync(path),
  checkOutput,
  writeOutput: writeFileSafely,
};
