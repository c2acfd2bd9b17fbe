// `assort generate`: a heavy-tailed benchmark instance (Zipf-like first-choice demand, substitution from the
// similarity of random product attributes, tunable margins), for benchmarks, demos and trying the optimiser
// at a given size. Deterministic: the same options and seed always give the same file.

import { generateInstanceRows } from "../../engine";
import { decimalOption, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, type Command } from "../command";
import { EXIT_OK, UsageError } from "../errors";
import type { Io } from "../io";
import type { OutputOptions } from "../safeWrite";
import { StreamedList, toJsonChunks } from "../json";

export const generateCommand: Command = {
  name: "generate",
  summary: "write a heavy-tailed benchmark instance (Zipf demand, attribute-based substitution)",
  usage: "assort generate --products N [options]",
  description: [
    "Writes an instance JSON: N products whose first-choice demand falls off as rank^-tail (a few hits, a",
    "long tail), each substituting to its most similar products (same category, colour, size, price), with",
    "low (15-30%) or high (45-65%) gross margins. Prints to standard output unless --out is given.",
  ].join("\n"),
  options: [
    { name: "products", value: "N", description: "number of products (required)" },
    { name: "demand-per-product", value: "D", description: "expected customers per product, ΣD/N (default 20)" },
    {
      name: "tail",
      value: "S",
      description: "Zipf exponent of demand by rank: 0.8 long tail, 1.2 steeper (default 1)",
    },
    { name: "substitutes", value: "K", description: "substitutes per product (default 10)" },
    { name: "margin", value: "low|high", description: "gross margin range (default high)" },
    {
      name: "category-size",
      value: "C",
      description: "products per category; substitution stays mostly inside (default 25)",
    },
    { name: "seed", value: "S", description: "random seed, a whole number (default 1)" },
    { name: "out", value: "file.json", description: "write the instance to this file" },
    { name: "force", description: "replace the --out file if it exists" },
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'`, "generate");
    const n = integerOption(args, "products", "generate", { min: 1, max: 1_000_000, what: "number of products" });
    if (n === undefined) throw new UsageError("missing --products <N>", "generate");
    const perProduct =
      decimalOption(args, "demand-per-product", "generate", { min: 0, max: 1e7, what: "demand per product" }) ?? 20;
    const tail = decimalOption(args, "tail", "generate", { min: 0, max: 5, what: "tail exponent" }) ?? 1;
    const substitutes =
      integerOption(args, "substitutes", "generate", { min: 0, max: 1000, what: "number of substitutes" }) ?? 10;
    const categorySize =
      integerOption(args, "category-size", "generate", { min: 2, max: 1_000_000, what: "category size" }) ?? 25;
    const marginRaw = stringOption(args, "margin") ?? "high";
    if (marginRaw !== "low" && marginRaw !== "high")
      throw new UsageError(`--margin '${marginRaw}' must be low or high`, "generate");
    const seed = integerOption(args, "seed", "generate", { min: 0, what: "seed" }) ?? 1;
    const out = stringOption(args, "out");
    const output: OutputOptions = { force: args.options.has("force"), command: "generate", what: "the instance" };
    if (out !== undefined) {
      if (!io.writeOutput) throw new UsageError("--out is not available here", "generate");
      io.checkOutput?.(out, output);
    }
    // Written as it is generated (a row of links at a time): a million products make a 1.3 GB file, more
    // than one string can hold.
    const generated = generateInstanceRows({
      n,
      totalDemand: perProduct * n,
      tailExponent: tail,
      substitutes,
      margin: marginRaw,
      categorySize,
      seed,
    });
    const chunks = toJsonChunks({
      products: new StreamedList(generated.products),
      substitution: new StreamedList(links(generated.substitutionRows)),
      customers: generated.customers,
    });
    if (out === undefined || !io.writeOutput) {
      for (const chunk of chunks) io.stdout(chunk);
      return EXIT_OK;
    }
    await io.writeOutput(out, chunks, output);
    io.stderr(`Wrote ${n} products (ΣD = ${perProduct * n}) to ${out}\n`);
    return EXIT_OK;
  },
};

function* links<T>(rows: Iterable<T[]>): Generator<T> {
  for (const row of rows) yield* row;
}
