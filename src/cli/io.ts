// Everything the CLI touches outside itself, passed in so that tests run commands in-process with
// captured output and in-memory files.

export interface Io {
  /** Writes to standard output (results: tables or JSON). */
  stdout(text: string): void;
  /** Writes to standard error (errors, warnings, progress). */
  stderr(text: string): void;
  /** Reads a text file; throws a Node-style error (with `code`, e.g. ENOENT) when it cannot. */
  readFile(path: string): string;
  /** True when standard error is a terminal: only then is a progress bar drawn. */
  isTTY: boolean;
  /** Milliseconds (for throttling the progress bar); Date.now when absent. */
  now?: () => number;
}
