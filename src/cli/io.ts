// Everything the CLI touches outside itself, passed in so that tests run commands in-process with
// captured output and in-memory files.

export interface Io {
  /** Writes to standard output (results: tables or JSON). */
  stdout(text: string): void;
  /** Writes to standard error (errors, warnings, progress). */
  stderr(text: string): void;
  /** Reads a text file; throws a Node-style error (with `code`, e.g. ENOENT) when it cannot. */
  readFile(path: string): string;
  /** Writes a text file (absent where the CLI may not write, e.g. some tests). */
  writeFile?(path: string, text: string): void;
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  isTTY: boolean;
  /** Milliseconds (for throttling the progress bar); Date.now when absent. */
  now?: () => number;
}
