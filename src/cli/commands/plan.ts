// `assort plan book.xlsx`: the add-in's OPTIMIZE for people without the add-in and for batch jobs. Reads the
// Products, Substitution and Options sheets (the same layouts and messages as in Excel), runs the same
// engine, and writes a copy of the workbook with an "Assort plan" sheet added. The input is never written.

import { createHash } from "node:crypto";
import { basename, dirname, extname, join } from "node:path";
import { DEFAULT_SEED, DEFAULT_TIME_LIMIT_MS, InputError, optimize, relaxBindingRules } from "../../engine";
import type { Method, Model, OptimizeResult, Relaxation } from "../../engine";
import { expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, type Command } from "../command";
import { EXIT_OK, FileError, InputProblems, UsageError } from "../errors";
import type { Io } from "../io";
import type { OutputOptions } from "../safeWrite";
import { toJson } from "../json";
import { planCeilingText, planSummaryRows } from "../planSummary";
import { stagedProgress } from "../progress";
import { formatNumber, plural, renderSummary } from "../table";
import { VERSION } from "../version";
import { lostFeatures } from "../workbook/features";
import { cliPlanSheet, PLAN_SHEET, writePlanSheet } from "../workbook/planSheet";
import { isPlannedCopy } from "../workbook/plannedCopy";
import { openWorkbook, readWorkbook } from "../workbook/file";
import { placeAddress, readWorkbookInputs, type InputPlace, type WorkbookInputs } from "../workbook/inputs";
import { zipEntries } from "../workbook/zipEntries";
import { methodOption, resultFields } from "./optimize";
import {
  applyOverrides,
  optionsOrigin,
  OVERRIDE_OPTIONS,
  readOverrides,
  settingLines,
  settingsText,
  type Overrides,
  type SettingLine,
} from "../overrides";
import { WORKERS_OPTION, withSeasonPool } from "../workers";

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
  overrides: Overrides;
}

/** Read before the workbook, so a mistyped option is reported as such (exit code 2). */
function commandLineSettings(args: ParsedArgs): CommandLineSettings {
  return {
    method: methodOption(args, "plan"),
    seed: integerOption(args, "seed", "plan", { min: 0, what: "seed" }),
    limitS: integerOption(args, "time-limit", "plan", { min: 1, max: 86400, what: "time limit in seconds" }),
    overrides: readOverrides(args, "plan"),
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

/** The what-if flags given, for the stamp (rules from the sheet are in the plan sheet's summary already). */
function overridden(lines: SettingLine[]): string {
  const given = lines.filter((l) => l.source.startsWith("--"));
  return given.length > 0 ? `; ${settingsText(given)}` : "";
}

function describePlace(p: InputPlace | undefined): string {
  if (!p) return "none (defaults)";
  return placeAddress(p) + (p.table !== undefined ? `, table ${p.table}` : "");
}

/** The command that reproduces this plan: every setting spelled out, whatever the Options sheet says. */
function reproduceCommand(input: string, s: Settings, o: Overrides): string {
  const quote = (t: string) => (/^[\w./:@%+,-]+$/.test(t) ? t : `'${t.replace(/'/g, "'\\''")}'`);
  const flags: [string, unknown][] = [
    ["--budget", o.budget],
    ["--capacity", o.capacity],
    ["--max-products", o.maxProducts],
    ["--max-changes", o.maxChanges],
    ["--customers", o.customers],
    ["--cv", o.cv],
  ];
  const what = flags
    .filter(([, v]) => v !== undefined)
    .map(([f, v]) => ` ${f} ${String(v)}`)
    .join("");
  return `assort plan ${quote(basename(input))} --method ${s.method} --seed ${quote(String(s.seed))} --time-limit ${Math.max(1, Math.round(s.timeLimitMs / 1000))}${what}`;
}

function human(
  model: Model,
  r: OptimizeResult,
  inputs: WorkbookInputs,
  input: string,
  output: string,
  lines: SettingLine[],
  relaxations: Relaxation[],
): string {
  const sub = inputs.sheet.substitution;
  const rows: [string, string][] = [
    [
      "Read",
      `${input}: ${plural(model.n, "product")} (${describePlace(inputs.places.Products)}), substitution ${sub.layout === "none" ? "none" : `${sub.layout} of ${plural(sub.links.length, "link")}`} (${describePlace(inputs.places.Substitution)})`,
    ],
    ...planSummaryRows(model, r),
    ...relaxations.map((x): [string, string] => [
      `Relax ${x.rule}`,
      `${ruleLimit(x.rule, x.from)} → ${ruleLimit(x.rule, x.to)} would gain ${formatNumber(x.gain.mean)} ± ${formatNumber(x.gain.high - x.gain.mean)} (95% interval)`,
    ]),
    ["Settings", settingsText(lines)],
  ];
  let out = renderSummary(rows) + planCeilingText(r);
  out += `\nPlan written to ${output}, sheet '${PLAN_SHEET}': the plan's figures and rules at the top, then one row per\nproduct (action, units, buy value, expected sales and revenue, stock-out risk, reason) and how it was made.\n${input} is unchanged.\n`;
  return out;
}

/** A rule's limit as the plan sheet shows it: products and changes are whole numbers. */
function ruleLimit(rule: Relaxation["rule"], x: number): string {
  return rule === "maxProducts" || rule === "maxChanges" ? formatNumber(x, 0) : formatNumber(x);
}

/** Whether the file at `output` is a planned copy assort wrote and nobody saved since (then it may be replaced). */
async function replaceablePlannedCopy(io: Io, output: string): Promise<boolean> {
  try {
    const bytes = io.readBinary?.(output);
    return bytes !== undefined && isPlannedCopy((await openWorkbook(bytes, output)).workbook);
  } catch {
    return false; // unreadable: not ours to replace
  }
}

export const planCommand: Command = {
  name: "plan",
  summary: "plan a workbook: read its Products, Substitution and Options sheets, write the plan into a copy",
  usage: "assort plan <book.xlsx> [options]",
  description: [
    "Reads the Products, Substitution and Options sheets of an Excel workbook (the layouts the add-in reads),",
    "chooses the products to carry and the units of each (as assort optimize), and writes a copy of the",
    "workbook with an 'Assort plan' sheet laid out as a report: the plan's figures at the top (expected profit",
    "± 95% interval, revenue, margin, units, buy cost, fill rate, leftover, upper bound; against the current",
    "range when Products has a Current units column), the rules used, then an Excel table of the plan with a",
    "reason per product, and how the plan was made. Every other sheet is copied (charts, pivot tables and",
    "macros cannot be: a warning names what the copy lacks). The input workbook is never written; the copy is",
    "<book>.planned.xlsx unless --out says otherwise; a planned copy assort wrote earlier (and nobody saved",
    "since) is replaced, any other existing file needs --force. Method, seed and time limit come from the",
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
    ...OVERRIDE_OPTIONS,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [input] = expectPositionals(args, ["<book.xlsx>"], "plan");
    const cli = commandLineSettings(args);
    const output = stringOption(args, "out") ?? defaultOutput(input);
    if (!/\.xlsx$/i.test(output))
      throw new UsageError(`--out '${output}' must end in .xlsx (the copy is an Excel workbook)`, "plan");
    if (!io.writeOutput) throw new UsageError("writing workbooks is not available here", "plan");
    const asJson = args.options.has("json");
    // Without --force, a planned copy assort wrote itself (and nobody saved since) may be replaced.
    let force = args.options.has("force");
    if (!force && (await replaceablePlannedCopy(io, output))) {
      force = true;
      if (!asJson) io.stderr(`note: '${output}' is a planned copy assort wrote earlier; it is replaced\n`);
    }
    const target: OutputOptions = {
      force,
      inputs: [{ path: input, what: "input workbook" }],
      command: "plan",
      what: "the planned workbook",
    };
    // Refused now rather than after the search.
    io.checkOutput?.(output, target);
    // The worker threads start while the workbook is read, and serve the plan and the relaxed re-plans.
    const { opened, inputs, s, model, lines, result, relaxations } = await withSeasonPool(
      io,
      args,
      "plan",
      async (pool) => {
        const opened = await readWorkbook(io, input);
        const inputs = readWorkbookInputs(opened.workbook, { path: input, checkRules: true, skipSheet: PLAN_SHEET });
        const s = settings(cli, inputs);
        const model = applyOverrides(inputs.sheet.model, cli.overrides, "plan");
        const lines = settingLines(model, cli.overrides, optionsOrigin(inputs.sheet.options.rows));
        if (!asJson) for (const n of inputs.notes) io.stderr(`note: ${n}\n`);

        const progress = stagedProgress(io);
        let result: OptimizeResult;
        try {
          result = await optimize(
            model,
            {
              method: s.method,
              seed: s.seed,
              timeLimitMs: s.timeLimitMs,
              targetRelativeError: s.targetRelativeError,
              pool,
            },
            (p) => progress.update(p),
          );
        } catch (err) {
          if (err instanceof InputError) throw new InputProblems(input, "workbook", err.problems);
          throw err;
        } finally {
          progress.done();
        }
        if (!asJson) for (const w of result.warnings) io.stderr(`note: ${w}\n`);
        // The value of relaxing each binding rule (+10% budget or space, one more product or change),
        // re-optimised from the plan on shared seasons: the answer report's last column. Costs up to half the
        // time limit again.
        let relaxations: Relaxation[] = [];
        if (result.rules.some((u) => u.binding)) {
          if (!asJson && io.isTTY) io.stderr("Valuing the binding rules (re-optimising with each relaxed)…\n");
          relaxations = await relaxBindingRules(model, result, {
            method: s.method,
            seed: s.seed,
            timeLimitMs: s.timeLimitMs,
            pool,
          });
        }
        return { opened, inputs, s, model, lines, result, relaxations };
      },
    );

    const address = (role: "Products" | "Substitution" | "Options") =>
      inputs.places[role] ? placeAddress(inputs.places[role] as InputPlace) : undefined;
    const sheet = cliPlanSheet(
      model,
      result,
      {
        version: VERSION,
        madeAt: new Date(),
        inputFile: basename(input),
        inputSha256: createHash("sha256").update(opened.bytes).digest("hex"),
        inputs: { products: address("Products"), substitution: address("Substitution"), options: address("Options") },
        settings: `method ${s.method} (${s.sources.method}); seed ${String(s.seed)} (${s.sources.seed}); time limit ${formatNumber(s.timeLimitMs / 1000, 0)} s (${s.sources.timeLimit})${overridden(lines)}`,
        command: reproduceCommand(input, s, cli.overrides),
      },
      inputs.sheet.productExtras,
      relaxations,
    );
    const { replaced } = writePlanSheet(opened.workbook, sheet);
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
    await io.writeOutput(output, bytes, target);
    if (asJson) {
      io.stdout(
        toJson({
          output,
          sheet: PLAN_SHEET,
          inputs: Object.fromEntries(Object.entries(inputs.places).map(([role, p]) => [role, describePlace(p)])),
          notes: inputs.notes,
          lostFeatures: lost,
          ...resultFields(model, result),
          settings: lines,
        }),
      );
    } else {
      io.stdout(human(model, result, inputs, input, output, lines, relaxations));
    }
    return EXIT_OK;
  },
};
