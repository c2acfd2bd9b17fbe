// Everything the CLI touches outside itself, passed in so that tests run commands in-process with
// captured output and in-memory files.

import type { OutputData, OutputOptions } from "./safeWrite";
import type { SeasonPool } from "../engine";

export interface Io {
  /** Writes to standard output (results: tables or JSON). */
  stdout(text: string): void;
  /** Writes to standard error (errors, warnings, progress). */
  stderr(text: string): void;
  /** Reads a text file; throws a Node-style error (with `code`, e.g. ENOENT) when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes (workbooks); throws a Node-style error like readFile. */
  readBinary?(path: string): Uint8Array;
  /**
   * Refuses an output before the work starts (an input, or an existing file without --force): safeWrite.ts.
   * Absent where the CLI may not write.
   */
  checkOutput?(path: string, options: OutputOptions): void;
  /** Writes an output whole and safely (safeWrite.ts); absent where the CLI may not write. */
  writeOutput?(path: string, data: OutputData, options: OutputOptions): Promise<void>;
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  isTTY: boolean;
  /** Worker threads for passes over sampled seasons (absent in tests: passes run in-process). */
  seasonPool?: (workers: number) => SeasonPool & { close(): Promise<void> };
  /** Milliseconds (for throttling the progress bar); Date.now when absent. */
  now?: () => number;
}
