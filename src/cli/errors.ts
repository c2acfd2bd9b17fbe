// Errors the CLI expects and reports as plain messages (never a stack trace), each with its exit code:
// 2 when the command line itself is wrong, 1 when an input file cannot be used.

import type { Problem } from "../engine";

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong (unknown option, missing argument): the message is followed by a usage hint. */
export class UsageError extends Error {
  /** The command whose help would explain it ("" for the top level). */
  readonly command: string;
  constructor(message: string, command = "") {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** A file cannot be read or parsed: the message names the file and, for JSON, the line and column. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/** "a problem" or "3 problems". */
export function problemCount(n: number): string {
  return n === 1 ? "a problem" : `${n} problems`;
}

/** The problems one a line ("  - ..."), the first `shown` of them, then "  ... and k more" up to `total`. */
export function problemLines(messages: readonly string[], shown: number, total = messages.length): string {
  const lines = messages.slice(0, shown).map((m) => `  - ${m}`);
  if (total > lines.length) lines.push(`  ... and ${total - lines.length} more`);
  return lines.join("\n");
}

/** An input file parsed but its content cannot be used: every problem the engine found, with the file. */
export class InputProblems extends Error {
  readonly problems: Problem[];
  constructor(
    readonly file: string,
    readonly what: string,
    problems: Problem[],
  ) {
    super(`the ${what} file '${file}' has ${problemCount(problems.length)}`);
    this.name = "InputProblems";
    this.problems = problems;
  }
}
