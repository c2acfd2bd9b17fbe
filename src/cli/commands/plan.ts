// `assort plan book.xlsx`: the add-in's OPTIMIZE for people without the add-in and for batch jobs. Reads the
// Products, Substitution and Options sheets (the same layouts and messages as in Excel), runs the same
// engine, and writes a copy of the workbook with an "Assort plan" sheet added. The input is never written.

import { createHash } from "node:crypto";
import { basename, dirname, extname, join, resolve } from "node:path";
import { DEFAULT_TIME_LIMIT_MS, InputError, optimize } from "../../engine";
import type { Method, Model, OptimizeResult } from "../../engine";
import { expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, type Command } from "../command";
import { EXIT_OK, FileError, InputProblems, UsageError } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { planSummaryRows } from "../planSummary";
import { stagedProgress } from "../progress";
import { READ_ERRORS } from "../readJson";
import { formatNumber, plural, renderSummary } from "../table";
import { VERSION } from "../version";
import { lostFeatures } from "../workbookFeatures";
import { readWorkbook } from "../workbookFile";
import { placeAddress, readWorkbookInputs, type InputPlace, type WorkbookInputs } from "../workbookInputs";
import { PLAN_SHEET, writePlanSheet } from "../workbookPlanSheet";
import { zipEntries } from "../zipEntries";
import { methodOption, resultFields } from "./optimize";
import { WORKERS_OPTION, withSeasonPool } from "../workers";

const DEFAULT_SEED = 1;

/** book.xlsx → book.planned.xlsx, beside it. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.planned.xlsx`);
}

interface Settings {
  method: Method;
  seed: number | string;
  timeLimitMs: number;
  targetRelativeError?: number;
  /** Where each came from, for the stamp: "--seed", "Options row 4", "default". */
  sources: { method: string; seed: string; timeLimit: string };
}

interface CommandLineSettings {
  method?: Method;
  seed?: number;
  limitS?: number;
}

/** Read before the workbook, so a mistyped option is reported as such (exit code 2). */
function commandLineSettings(args: ParsedArgs): CommandLineSettings {
  return {
    method: methodOption(args, "plan"),
    seed: integerOption(args, "seed", "plan", { min: 0, what: "seed" }),
    limitS: integerOption(args, "time-limit", "plan", { min: 1, max: 86400, what: "time limit in seconds" }),
  };
}

/** The command line wins over the Options sheet, which wins over the defaults (the add-in's). */
function settings(cli: CommandLineSettings, inputs: WorkbookInputs): Settings {
  const o = inputs.sheet.options;
  const source = (flag: string, given: unknown, key: "method" | "seed" | "timeLimit", inSheet: unknown) => {
    if (given !== undefined) return flag;
    const row = o.rows[key]?.row;
    return inSheet !== undefined && row !== undefined ? `Options row ${row}` : "default";
  };
  return {
    method: cli.method ?? o.optimize.method ?? "auto",
    seed: cli.seed ?? o.optimize.seed ?? DEFAULT_SEED,
    timeLimitMs: cli.limitS !== undefined ? cli.limitS * 1000 : (o.optimize.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
    targetRelativeError: o.optimize.targetRelativeError,
    sources: {
      method: source("--method", cli.method, "method", o.optimize.method),
      seed: source("--seed", cli.seed, "seed", o.optimize.seed),
      timeLimit: source("--time-limit", cli.limitS, "timeLimit", o.optimize.timeLimitMs),
    },
  };
}

function describePlace(p: InputPlace | undefined): string {
  if (!p) return "none (defaults)";
  return placeAddress(p) + (p.table !== undefined ? `, table ${p.table}` : "");
}

/** The command that reproduces this plan: every setting spelled out, whatever the Options sheet says. */
function reproduceCommand(input: string, s: Settings): string {
  const quote = (t: string) => (/^[\w./:@%+,-]+$/.test(t) ? t : `'${t.replace(/'/g, "'\\''")}'`);
  return `assort plan ${quote(basename(input))} --method ${s.method} --seed ${quote(String(s.seed))} --time-limit ${Math.max(1, Math.round(s.timeLimitMs / 1000))}`;
}

function human(model: Model, r: OptimizeResult, inputs: WorkbookInputs, input: string, output: string): string {
  const sub = inputs.sheet.substitution;
  const rows: [string, string][] = [
    [
      "Read",
      `${input}: ${plural(model.n, "product")} (${describePlace(inputs.places.Products)}), substitution ${sub.layout === "none" ? "none" : `${sub.layout} of ${plural(sub.links.length, "link")}`} (${describePlace(inputs.places.Substitution)})`,
    ],
    ...planSummaryRows(model, r),
  ];
  let out = renderSummary(rows);
  out += `\nPlan written to ${output}, sheet '${PLAN_SHEET}': one row per product (carry, units, expected sales, stock-out risk, reason),\nthe summary, and how it was made. ${input} is unchanged.\n`;
  return out;
}

export const planCommand: Command = {
  name: "plan",
  summary: "plan a workbook: read its Products, Substitution and Options sheets, write the plan into a copy",
  usage: "assort plan <book.xlsx> [options]",
  description: [
    "Reads the Products, Substitution and Options sheets of an Excel workbook (the layouts the add-in reads),",
    "chooses the products to carry and the units of each (as assort optimize), and writes a copy of the",
    "workbook with an 'Assort plan' sheet: an Excel table of the plan with a reason per product, the summary",
    "(expected profit ± 95% interval, upper bound, % of bound, products carried and dropped, units, budget)",
    "and how the plan was made. Every other sheet is copied (charts, pivot tables and macros cannot be: a",
    "warning names what the copy lacks). The input workbook is never written;",
    "the copy is <book>.planned.xlsx unless --out says otherwise. Method, seed and time limit come from the",
    "command line, else from the Options sheet, else the defaults (auto, 1, 20 s).",
  ].join("\n"),
  options: [
    {
      name: "out",
      value: "planned.xlsx",
      description: "where to write the planned copy (default <book>.planned.xlsx beside the input)",
    },
    { name: "force", description: "replace the output file if it exists (never the input)" },
    {
      name: "method",
      value: "M",
      description: "auto, fluid, newsvendor, gk or pooled (default: Options sheet, else auto)",
    },
    { name: "seed", value: "S", description: "random seed, a whole number (default: Options sheet, else 1)" },
    { name: "time-limit", value: "SECONDS", description: "search time (default: Options sheet, else 20)" },
    WORKERS_OPTION,
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [input] = expectPositionals(args, ["<book.xlsx>"], "plan");
    const cli = commandLineSettings(args);
    const output = stringOption(args, "out") ?? defaultOutput(input);
    if (!/\.xlsx$/i.test(output))
      throw new UsageError(`--out '${output}' must end in .xlsx (the copy is an Excel workbook)`, "plan");
    // Compared without case: on Windows and macOS Book.xlsx and book.xlsx are one file.
    if (resolve(output).toLowerCase() === resolve(input).toLowerCase())
      throw new UsageError(
        `--out '${output}' is the input workbook; assort never writes over its input, name another file`,
        "plan",
      );
    if (!io.writeBinary) throw new UsageError("writing workbooks is not available here", "plan");
    if (!args.options.has("force") && io.exists?.(output)) {
      throw new UsageError(
        `'${output}' already exists; pass --force to replace it, or --out to write elsewhere`,
        "plan",
      );
    }
    const asJson = args.options.has("json");
    const opened = await readWorkbook(io, input);
    const inputs = readWorkbookInputs(opened.workbook, { path: input, checkRules: true, skipSheet: PLAN_SHEET });
    const s = settings(cli, inputs);
    const model = inputs.sheet.model;
    if (!asJson) for (const n of inputs.notes) io.stderr(`note: ${n}\n`);

    const progress = stagedProgress(io);
    let result: OptimizeResult;
    try {
      result = await withSeasonPool(io, args, "plan", (pool) =>
        optimize(
          model,
          {
            method: s.method,
            seed: s.seed,
            timeLimitMs: s.timeLimitMs,
            targetRelativeError: s.targetRelativeError,
            pool,
          },
          (p) => progress.update(p),
        ),
      );
    } catch (err) {
      if (err instanceof InputError) throw new InputProblems(input, "workbook", err.problems);
      throw err;
    } finally {
      progress.done();
    }
    if (!asJson) for (const w of result.warnings) io.stderr(`note: ${w}\n`);

    const address = (role: "Products" | "Substitution" | "Options") =>
      inputs.places[role] ? placeAddress(inputs.places[role] as InputPlace) : undefined;
    const { replaced } = writePlanSheet(opened.workbook, model, result, {
      version: VERSION,
      madeAt: new Date(),
      inputFile: basename(input),
      inputSha256: createHash("sha256").update(opened.bytes).digest("hex"),
      inputs: { products: address("Products"), substitution: address("Substitution"), options: address("Options") },
      settings: `method ${s.method} (${s.sources.method}); seed ${String(s.seed)} (${s.sources.seed}); time limit ${formatNumber(s.timeLimitMs / 1000, 0)} s (${s.sources.timeLimit})`,
      command: reproduceCommand(input, s),
    });
    if (replaced && !asJson) io.stderr(`note: the earlier '${PLAN_SHEET}' sheet is replaced in the copy\n`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await opened.workbook.xlsx.writeBuffer());
    } catch (err) {
      // exceljs cannot write back some constructs it read (a known case: shared formulas without their master).
      const why = err instanceof Error ? err.message : String(err);
      throw new FileError(
        `cannot write a copy of '${input}' (exceljs: ${why}); nothing was written. Saving the workbook again in Excel often clears this.`,
      );
    }
    const lost = lostFeatures(opened.parts, zipEntries(bytes) ?? []);
    if (lost.length > 0 && !asJson) {
      io.stderr(
        `warning: the copy lacks ${lost.join(", ")} of ${basename(input)}: exceljs, the library assort writes workbooks with, cannot carry them over. ${basename(input)} itself is unchanged; copy the 'Assort plan' sheet into it if you need them together.\n`,
      );
    }
    try {
      io.writeBinary(output, bytes);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const why =
        code === "ENOENT"
          ? "its folder does not exist"
          : typeof code === "string" && READ_ERRORS[code]
            ? READ_ERRORS[code]
            : err instanceof Error
              ? err.message
              : String(err);
      throw new FileError(`cannot write the planned workbook '${output}': ${why}; nothing was written`);
    }
    if (asJson) {
      io.stdout(
        toJson({
          output,
          sheet: PLAN_SHEET,
          inputs: Object.fromEntries(Object.entries(inputs.places).map(([role, p]) => [role, describePlace(p)])),
          notes: inputs.notes,
          lostFeatures: lost,
          ...resultFields(model, result),
        }),
      );
    } else {
      io.stdout(human(model, result, inputs, input, output));
    }
    return EXIT_OK;
  },
};
