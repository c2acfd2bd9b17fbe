// `assort sweep`: profit against one rule. For each value of the budget, the capacity or the product limit,
// the best plan (each solved from its neighbour's plan) and, on seasons shared by every point, its expected
// profit ± 95% interval, the upper bound, what it buys and how it serves, and the marginal profit of the
// rule between neighbouring points. A table, --json or --csv; for a workbook, a copy with an
// "Assort scenarios" sheet. Nothing is written until the sweep is done, and then atomically.

import { basename, dirname, extname, join, resolve } from "node:path";
import { DEFAULT_SEED, InputError, sweep, type Model, type SweepResult, type SweepRule } from "../../engine";
import { sweepColumns, sweepCells } from "../../sheet/sweepTable";
import { expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, type Command } from "../command";
import { EXIT_OK, FileError, InputProblems, UsageError } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { loadInstance } from "../load";
import { applyOverrides, instanceOrigin, optionsOrigin, readOverrides, settingLines, settingsText } from "../overrides";
import { sweepProgressLine } from "../sweepProgress";
import { parseSweepRange } from "../sweepRange";
import { formatNumber, formatPercent, plural, renderSummary, renderTable, type Column } from "../table";
import { isWorkbookPath, readWorkbook, type OpenedWorkbook } from "../workbook/file";
import { readWorkbookInputs } from "../workbook/inputs";
import { PLAN_SHEET } from "../../sheet/planSheet";
import { SCENARIOS_SHEET, writeScenariosSheet } from "../workbook/scenarios";

/** The whole sweep's cap, per point: searches normally end long before it. */
const DEFAULT_SECONDS_PER_POINT = 60;

const RULE_FLAGS: [string, SweepRule][] = [
  ["budget", "budget"],
  ["capacity", "capacity"],
  ["max-products", "maxProducts"],
];

/** book.xlsx → book.scenarios.xlsx, beside it. */
export function scenariosOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.scenarios.xlsx`);
}

function chooseRule(args: ParsedArgs): { rule: SweepRule; values: number[]; flag: string } {
  const given = RULE_FLAGS.filter(([flag]) => stringOption(args, flag) !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      given.length === 0
        ? "say what to sweep: --budget, --capacity or --max-products, with a list a,b,c or a range from:to:step"
        : `sweep one rule at a time (got ${given.map(([f]) => "--" + f).join(" and ")})`,
      "sweep",
    );
  const [flag, rule] = given[0];
  return { rule, flag: `--${flag}`, values: parseSweepRange(`--${flag}`, rule, stringOption(args, flag) as string) };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sweepCsv(r: SweepResult): string {
  return sweepCells(r)
    .map((row) => row.map(csvCell).join(","))
    .join("\n")
    .concat("\n");
}

export function sweepJson(model: Model, r: SweepResult, settings: unknown): Record<string, unknown> {
  return {
    rule: r.rule,
    seed: r.seed,
    seasons: r.seasons,
    points: r.points.map((p) => ({
      value: p.value,
      expectedProfit: p.expectedProfit,
      bound: p.bound,
      productsCarried: p.productsCarried,
      units: p.units,
      buyCost: p.buyCost,
      grossMarginRate: p.grossMarginRate,
      fillRate: p.fillRate,
      revenue: p.revenue,
      marginalProfit: p.marginalProfit,
      resolved: p.resolved,
      stoppedEarly: p.stoppedEarly,
      plan: model.ids.map((id, i) => ({ id, quantity: p.plan[i] })),
    })),
    settings,
    warnings: r.warnings,
    stoppedEarly: r.stoppedEarly,
    elapsedMs: r.elapsedMs,
  };
}

function human(r: SweepResult, read: string, settings: string, output: string | undefined): string {
  const cols = sweepColumns(r.rule);
  const columns: Column<number>[] = cols
    .filter((c) => c.header !== "Profit low 95%" && c.header !== "Profit high 95%")
    .map((c) => ({
      header: c.header === "Marginal ± 95%" ? "±" : c.header,
      align: "right" as const,
      cell: (i: number) => {
        const v = c.value(r.points[i]);
        if (v === null || !Number.isFinite(v)) return "–";
        if (c.format === "percent") return formatPercent(v);
        if (c.format === "count") return formatNumber(v, 0);
        if (c.header === "Expected profit")
          return `${formatNumber(v)} ± ${formatNumber(r.points[i].expectedProfit.high - v)}`;
        return formatNumber(v, c.format === "rule" && Number.isInteger(v) ? 0 : 2);
      },
    }));
  let out = renderSummary([
    ["Read", read],
    ["Swept", `${r.rule} over ${plural(r.points.length, "point")}; each point solved from its neighbour's plan`],
    [
      "Judged",
      `every plan on the same ${plural(r.seasons, "season")} (seed ${String(r.seed)}), ${formatNumber(r.elapsedMs / 1000, 1)} s`,
    ],
    ["Settings", settings],
  ]);
  out +=
    "\n" +
    renderTable(
      columns,
      r.points.map((_, i) => i),
    );
  out +=
    "\nExpected profit ± half its 95% interval; marginal profit: the paired difference from the point above, per unit of the rule.\n";
  if (output !== undefined) out += `Scenarios written to ${output}, sheet '${SCENARIOS_SHEET}'.\n`;
  return out;
}

/** The safe-write rules for the scenarios copy: never over the input, --force to replace. */
function outputOptions(args: ParsedArgs, input: string, _output: string) {
  return {
    force: args.options.has("force"),
    inputs: [{ path: input, what: "input workbook" }],
    command: "sweep",
    what: "the scenarios workbook",
    option: "--out",
  };
}

export const sweepCommand: Command = {
  name: "sweep",
  summary: "profit against the budget, the space or the number of products: one plan per point, on shared seasons",
  usage:
    "assort sweep <instance.json | book.xlsx> (--budget | --capacity | --max-products) <a,b,c | from:to:step> [options]",
  description: [
    "Solves the plan at each value of one rule (2 to 50 points), each starting from its neighbour's plan,",
    "then plays every plan on the same simulated seasons, so neighbouring points differ by the rule, not by",
    "noise. Per point: expected profit ± 95% interval, the upper bound, products carried, units, buy cost,",
    "gross margin, fill rate, and the marginal profit per unit of the rule from the point before. A looser",
    "rule never lowers the optimum: a point that comes out lower than its neighbour beyond noise is re-solved",
    "from the neighbour's plan. For a workbook, a copy with an 'Assort scenarios' sheet is written",
    "(<book>.scenarios.xlsx unless --out says otherwise); nothing is written if the sweep is interrupted.",
  ].join("\n"),
  options: [
    {
      name: "budget",
      value: "LIST|RANGE",
      description: "sweep the buy budget, e.g. 40000:100000:10000 or 40000,60000",
    },
    { name: "capacity", value: "LIST|RANGE", description: "sweep the space" },
    { name: "max-products", value: "LIST|RANGE", description: "sweep the product limit, e.g. 20:60:10" },
    { name: "customers", value: "D", description: "season traffic for every point: poisson, fixed or negbin" },
    { name: "cv", value: "X", description: "coefficient of variation of the traffic (with negbin; > 0)" },
    { name: "seed", value: "S", description: `random seed, a whole number (default ${DEFAULT_SEED})` },
    {
      name: "time-limit",
      value: "SECONDS",
      description: `cap on the whole sweep (default ${DEFAULT_SECONDS_PER_POINT} s per point)`,
    },
    { name: "out", value: "scenarios.xlsx", description: "where to write the workbook copy (workbook input only)" },
    { name: "force", description: "replace the output workbook if it exists (never the input)" },
    { name: "csv", description: "print the points table as CSV on stdout" },
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [input] = expectPositionals(args, ["<instance.json | book.xlsx>"], "sweep");
    const { rule, values, flag } = chooseRule(args);
    // The swept flag is not an override; the traffic ones are.
    const overrides = readOverrides(
      { ...args, options: new Map([...args.options].filter(([k]) => k === "customers" || k === "cv")) },
      "sweep",
    );
    const seed = integerOption(args, "seed", "sweep", { min: 0, what: "seed" }) ?? DEFAULT_SEED;
    const limitS =
      integerOption(args, "time-limit", "sweep", { min: 1, max: 86400, what: "time limit in seconds" }) ??
      DEFAULT_SECONDS_PER_POINT * values.length;
    const asJson = args.options.has("json");
    const asCsv = args.options.has("csv");
    if (asJson && asCsv) throw new UsageError("choose one of --json and --csv", "sweep");
    const workbook = isWorkbookPath(input);
    let output: string | undefined;
    if (workbook) {
      output = stringOption(args, "out") ?? scenariosOutput(input);
      if (!/\.xlsx$/i.test(output)) throw new UsageError(`--out '${output}' must end in .xlsx`, "sweep");
      if (resolve(output).toLowerCase() === resolve(input).toLowerCase())
        throw new UsageError(`--out '${output}' is the input workbook; assort never writes over its input`, "sweep");
      if (!io.writeOutput) throw new UsageError("writing workbooks is not available here", "sweep");
      io.checkOutput?.(output, outputOptions(args, input, output));
    } else if (stringOption(args, "out") !== undefined) {
      throw new UsageError(
        "--out writes a workbook copy; it goes with a .xlsx input (use --json or --csv > file)",
        "sweep",
      );
    }

    let model: Model;
    let opened: OpenedWorkbook | undefined;
    let origin;
    if (workbook) {
      opened = await readWorkbook(io, input);
      const inputs = readWorkbookInputs(opened.workbook, { path: input, checkRules: false, skipSheet: PLAN_SHEET });
      model = inputs.sheet.model;
      origin = optionsOrigin(inputs.sheet.options.rows);
      if (!asJson && !asCsv) for (const n of inputs.notes) io.stderr(`note: ${n}\n`);
    } else {
      const loaded = loadInstance(io, input);
      model = loaded.model;
      origin = instanceOrigin(loaded.json);
    }
    const read = `${input}: ${plural(model.n, "product")}`;
    model = applyOverrides(model, overrides, "sweep");
    const lines = settingLines(model, overrides, origin).filter((l) => l.name !== rule);
    lines.unshift({ name: rule, value: values.join(", "), source: flag });

    const progress = sweepProgressLine(io);
    let result: SweepResult;
    try {
      result = await sweep(model, rule, values, { seed, timeLimitMs: limitS * 1000 }, (p) => progress.update(p));
    } catch (err) {
      if (err instanceof InputError) throw new InputProblems(input, workbook ? "workbook" : "instance", err.problems);
      if (err instanceof RangeError) throw new UsageError(`${flag}: ${err.message}`, "sweep");
      throw err;
    } finally {
      progress.done();
    }
    if (!asJson && !asCsv) for (const w of result.warnings) io.stderr(`note: ${w}\n`);

    if (opened && output !== undefined) {
      const how = `Made by assort sweep ${basename(input)} ${flag} ${values.join(",")} --seed ${seed}: ${settingsText(lines)}; every plan judged on the same ${result.seasons} seasons.`;
      writeScenariosSheet(opened.workbook, model, result, how);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await opened.workbook.xlsx.writeBuffer());
      } catch (err) {
        throw new FileError(
          `cannot write a copy of '${input}' (exceljs: ${err instanceof Error ? err.message : String(err)}); nothing was written`,
        );
      }
      await (io.writeOutput as NonNullable<Io["writeOutput"]>)(output, bytes, outputOptions(args, input, output));
    }
    if (asJson)
      io.stdout(toJson({ ...(output ? { output, sheet: SCENARIOS_SHEET } : {}), ...sweepJson(model, result, lines) }));
    else if (asCsv) io.stdout(sweepCsv(result));
    else io.stdout(human(result, read, settingsText(lines), output));
    return EXIT_OK;
  },
};
