// The CLI as a function: run(argv, io) → exit code. main.ts calls it with the real process; tests call it
// in-process with captured output. Every failure the user can cause ends here as a plain message on stderr
// (no stack trace) and exit code 2 (command line) or 1 (input files).

import { suggest } from "../engine";
import { optionsHelp, parseArgs } from "./args";
import type { Command } from "./command";
import { boundCommand } from "./commands/bound";
import { chainCommand } from "./commands/chain";
import { evaluateCommand } from "./commands/evaluate";
import { fitCommand } from "./commands/fit";
import { generateCommand } from "./commands/generate";
import { optimizeCommand } from "./commands/optimize";
import { planCommand } from "./commands/plan";
import { sweepCommand } from "./commands/sweep";
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, FileError, InputProblems, problemLines, UsageError } from "./errors";
import type { Io } from "./io";
import { VERSION } from "./version";

export type { Io } from "./io";

export const COMMANDS: readonly Command[] = [
  optimizeCommand,
  evaluateCommand,
  boundCommand,
  planCommand,
  sweepCommand,
  fitCommand,
  chainCommand,
  generateCommand,
];

/** Beyond this many problems in a file, one line says how many more there are. */
const PROBLEMS_SHOWN = 30;

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `assort ${VERSION}: which products a retailer should carry and how many units of each,`,
    "under the Markov chain choice model (customers substitute when their first choice is missing).",
    "",
    "Usage: assort <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show this help (assort <command> --help for a command's options)",
    "  -v, --version  show the version",
    "",
    "Example: assort optimize examples/small.json",
    "",
  ].join("\n");
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.description}\n\nOptions:\n${optionsHelp(c.options)}\n`;
}

function usageHint(command: string): string {
  const c = COMMANDS.find((k) => k.name === command);
  if (!c) return "Run 'assort --help' for the commands.\n";
  return `Usage: ${c.usage}\nRun 'assort ${c.name} --help' for the options.\n`;
}

/** Turns anything thrown into a message on stderr and an exit code. */
function report(err: unknown, io: Io): number {
  if (err instanceof UsageError) {
    io.stderr(`assort${err.command ? " " + err.command : ""}: ${err.message}\n${usageHint(err.command)}`);
    return EXIT_USAGE;
  }
  if (err instanceof FileError) {
    io.stderr(`assort: ${err.message}\n`);
    return EXIT_INPUT;
  }
  if (err instanceof InputProblems) {
    const lines = problemLines(
      err.problems.map((p) => p.message),
      PROBLEMS_SHOWN,
    );
    io.stderr(`assort: ${err.message}:\n${lines}\n`);
    return EXIT_INPUT;
  }
  // A bug, not a user mistake: still no stack trace, but say it is ours.
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(
    `assort: unexpected error: ${message}\nThis is a bug in assort; please report it with the command and input files.\n`,
  );
  return EXIT_INPUT;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(mainHelp());
      return EXIT_USAGE;
    }
    if (first === "-h" || first === "--help") {
      io.stdout(mainHelp());
      return EXIT_OK;
    }
    if (first === "-v" || first === "--version") {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (first === "help") {
      const c = COMMANDS.find((k) => k.name === rest[0]);
      io.stdout(c ? commandHelp(c) : mainHelp());
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      const names = COMMANDS.map((c) => c.name);
      const guess = first.startsWith("-") ? undefined : suggest(first, names);
      const what = first.startsWith("-")
        ? `unknown option '${first}' (options go after the command)`
        : `unknown command '${first}'`;
      throw new UsageError(`${what}${guess ? `; did you mean '${guess}'?` : "."} Commands: ${names.join(", ")}`);
    }
    const args = parseArgs(rest, command.options, command.name);
    if (args.options.has("help")) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (err) {
    return report(err, io);
  }
}
