// What a subcommand of `assort` declares: its name and help, the options it accepts, and what it does.
// run.ts finds the command, parses its options and turns anything it throws into a message and exit code.

import type { OptionSpec, ParsedArgs } from "./args";
import type { Io } from "./io";

export interface Command {
  name: string;
  /** One line for `assort --help`. */
  summary: string;
  /** The synopsis after "Usage: ", e.g. "assort bound <instance.json> [options]". */
  usage: string;
  /** A few lines for `assort <command> --help`, above the options. */
  description: string;
  options: OptionSpec[];
  /** Returns the exit code; throws UsageError, FileError or InputProblems for the user's mistakes. */
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export const HELP_OPTION: OptionSpec = { name: "help", short: "h", description: "show this help" };
export const JSON_OPTION: OptionSpec = {
  name: "json",
  description: "print JSON on stdout instead of the summary and table",
};
export const TOP_OPTION: OptionSpec = {
  name: "top",
  value: "K|all",
  description:
    "table rows: every product when there are at most K (in input order), else the K best-selling (default 30)",
};
