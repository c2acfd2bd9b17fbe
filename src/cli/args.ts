// Command-line parsing, by hand rather than with util.parseArgs: we want messages that say what is wrong
// in the user's terms ("--reps needs a value", "did you mean --seed?") and a usage hint, not Node's wording.

import { listNames, suggest } from "../engine";
import { UsageError } from "./errors";

export interface OptionSpec {
  /** Long name without dashes: "reps" for --reps. */
  name: string;
  /** One-letter alias without the dash: "h" for -h. */
  short?: string;
  /** Placeholder for the option's value in help ("R"); absent for a flag. */
  value?: string;
  /** One line for the help text. */
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Flags map to true, options with a value to the (last) value given. */
  options: Map<string, string | true>;
}

/** Parses `argv` against `specs`. Accepts --name value, --name=value, -h, and -- to end the options. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === "--") {
      positionals.push(...argv.slice(k + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = long ? arg.indexOf("=") : -1;
    const key = long ? arg.slice(2, eq >= 0 ? eq : undefined) : arg.slice(1);
    const spec = long ? byLong.get(key) : byShort.get(key);
    if (!spec) {
      const guess = suggest(key, long ? [...byLong.keys()] : [...byShort.keys(), ...byLong.keys()]);
      const hint =
        guess === undefined
          ? ""
          : `; did you mean --${byLong.has(guess) ? guess : (byShort.get(guess) as OptionSpec).name}?`;
      throw new UsageError(`unknown option '${long ? arg.slice(0, eq >= 0 ? eq : undefined) : arg}'${hint}`, command);
    }
    if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`--${spec.name} takes no value (got '${arg}')`, command);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (k + 1 < argv.length && !argv[k + 1].startsWith("--")) value = argv[++k];
    if (value === undefined || value === "")
      throw new UsageError(`--${spec.name} needs a value: --${spec.name} <${spec.value}>`, command);
    options.set(spec.name, value);
  }
  return { positionals, options };
}

/** A string option's value, or undefined when not given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** "0 or more", "from 1 to 64". */
function range(rule: { min: number; max?: number }): string {
  return rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
}

/** A whole-number option within [min, max]; `what` says what it counts, for the message. */
export function integerOption(
  args: ParsedArgs,
  name: string,
  command: string,
  rule: { min: number; max?: number; what: string },
): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  // Number("") and Number(" 12 ") are lenient; insist on plain digits so typos are caught.
  const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < rule.min || value > max) {
    throw new UsageError(`--${name} '${raw}' is not a valid ${rule.what}; use a whole number ${range(rule)}`, command);
  }
  return value;
}

/** A decimal option (plain notation or exponent, no sign but an optional +) within [min, max]. */
export function decimalOption(
  args: ParsedArgs,
  name: string,
  command: string,
  rule: { min: number; max?: number; what: string },
): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = /^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(value >= rule.min) || (rule.max !== undefined && value > rule.max)) {
    throw new UsageError(`--${name} '${raw}' is not a valid ${rule.what}; use a number ${range(rule)}`, command);
  }
  return value;
}

/** Exactly the positionals a command expects, named for the message ("<instance.json>"). */
export function expectPositionals(args: ParsedArgs, names: readonly string[], command: string): string[] {
  if (args.positionals.length < names.length) {
    throw new UsageError(`missing ${names.slice(args.positionals.length).join(" ")}`, command);
  }
  if (args.positionals.length > names.length) {
    const extra = listNames(args.positionals.slice(names.length), { quote: true });
    throw new UsageError(
      `unexpected argument${args.positionals.length - names.length > 1 ? "s" : ""} ${extra}`,
      command,
    );
  }
  return args.positionals;
}

/** The options block of a help text, aligned. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const heads = specs.map(
    (s) => (s.short ? `-${s.short}, ` : "    ") + `--${s.name}` + (s.value ? ` <${s.value}>` : ""),
  );
  const width = Math.max(...heads.map((h) => h.length));
  return specs.map((s, k) => `  ${heads[k].padEnd(width)}  ${s.description}`).join("\n");
}
