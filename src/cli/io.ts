// Everything the CLI touches outside itself, passed in so that tests run commands in-process with
// captured output and in-memory files.

import type { SeasonPool } from "../engine";

export interface Io {
  /** Writes to standard output (results: tables or JSON). */
  stdout(text: string): void;
  /** Writes to standard error (errors, warnings, progress). */
  stderr(text: string): void;
  /** Reads a text file; throws a Node-style error (with `code`, e.g. ENOENT) when it cannot. */
  readFile(path: string): string;
  /** Writes a text file (absent where the CLI may not write, e.g. some tests). */
  writeFile?(path: string, text: string): void;
  /** Reads a file's bytes (workbooks); throws a Node-style error like readFile. */
  readBinary?(path: string): Uint8Array;
  /** Writes a file's bytes whole: a reader never sees it half written (absent where the CLI may not write). */
  writeBinary?(path: string, data: Uint8Array): void;
  /** Whether something already exists at the path (so an output is never overwritten by surprise). */
  exists?(path: string): boolean;
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  isTTY: boolean;
  /** Worker threads for passes over sampled seasons (absent in tests: passes run in-process). */
  seasonPool?: (workers: number) => SeasonPool & { close(): Promise<void> };
  /** Milliseconds (for throttling the progress bar); Date.now when absent. */
  now?: () => number;
}
