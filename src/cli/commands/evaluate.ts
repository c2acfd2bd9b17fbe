// `assort evaluate`: simulates a plan (docs/model.md §2) and reports its expected profit with a 95% interval,
// what happens to each product, and how close the plan comes to the fluid bound. The interval is always
// shown: a simulated profit without its uncertainty invites comparing plans on noise.

import {
  CEILING_CAVEAT,
  checkWorkBudget,
  DEFAULT_SEED,
  InputError,
  planToJson,
  planWarnings,
  seasonWalk,
  tooFewSeasons,
  simulate,
  walkCapWarning,
} from "../../engine";
import type { Model, Problem, SimulationResult } from "../../engine";
import { expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, TOP_OPTION, type Command } from "../command";
import { EXIT_OK, InputProblems, UsageError } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { loadInstance, loadPlan } from "../load";
import {
  applyOverrides,
  instanceOrigin,
  optionsOrigin,
  OVERRIDE_OPTIONS,
  readOverrides,
  settingLines,
  settingsText,
  type SettingLine,
  type SettingOrigin,
} from "../overrides";
import { progressBar } from "../progress";
import { formatNumber, formatPercent, plural, renderSummary, renderTable, type Column } from "../table";
import { chooseRows, topOption } from "../top";
import { printWarnings } from "../warnings";
import { readWorkbook, isWorkbookPath } from "../workbook/file";
import { readWorkbookInputs } from "../workbook/inputs";
import { PLAN_SHEET } from "../../sheet/planSheet";
import { readWorkbookUnits, type UnitsSource } from "../workbook/units";
import { relocateProductProblem } from "../../sheet/relocate";
import { boundReport, ceilingJson, ceilingText, ignoredNote, type BoundReport } from "./bound";

/** Far more seasons than any sensible run needs, and small enough that nobody waits hours by a typo. */
const MAX_REPS = 10_000_000;
/** Seconds a simulation may take unless --time-limit says otherwise. */
const DEFAULT_TIME_LIMIT_S = 60;

interface Evaluation {
  model: Model;
  units: Int32Array;
  seed: number | string;
  sim: SimulationResult;
  report: BoundReport;
  warnings: Problem[];
  /** Where a workbook's plan was read ("the Units column of Products (G2:G11)"); absent for JSON. */
  unitsFrom?: string;
  settings: SettingLine[];
}

interface Loaded {
  origin: SettingOrigin;
  model: Model;
  units: Int32Array;
  warnings: Problem[];
  /** From the workbook's Options sheet, used when --seed is not given. */
  seed?: number | string;
  targetRelativeError?: number;
  unitsFrom?: string;
}

/** A workbook: Products, Substitution and Options sheets, and the plan typed in it (or --plan). */
async function loadWorkbook(
  io: Io,
  path: string,
  planPath: string | undefined,
  from: UnitsSource | undefined,
): Promise<Loaded> {
  const opened = await readWorkbook(io, path);
  const inputs = readWorkbookInputs(opened.workbook, { path, checkRules: false, skipSheet: PLAN_SHEET });
  const model = inputs.sheet.model;
  const typed = planPath === undefined ? readWorkbookUnits(opened.workbook, inputs, path, from) : undefined;
  const units = typed?.units ?? loadPlan(io, planPath as string, model);
  // Rules the plan breaks, located at the product's row as the add-in's EVALUATE says them.
  const ruleWarnings = planWarnings(model, units).map((p) => ({
    ...p,
    message: relocateProductProblem(p, inputs.sheet.products)?.message ?? p.message,
  }));
  const o = inputs.sheet.options.optimize;
  return {
    origin: optionsOrigin(inputs.sheet.options.rows),
    model,
    units,
    seed: o.seed,
    targetRelativeError: o.targetRelativeError,
    unitsFrom: typed?.source ?? planPath,
    warnings: [...inputs.notes.map((message) => ({ section: "instance" as const, message })), ...ruleWarnings],
  };
}

function loadJson(io: Io, path: string, planPath: string | undefined): Loaded {
  if (planPath === undefined) throw new UsageError("missing --plan <plan.json> (the plan to evaluate)", "evaluate");
  const { model, json } = loadInstance(io, path);
  const units = loadPlan(io, planPath, model);
  return { origin: instanceOrigin(json), model, units, warnings: [...model.warnings, ...planWarnings(model, units)] };
}

function shareOfBound(e: Evaluation): number {
  return e.report.bound > 0 ? e.sim.expectedProfit / e.report.bound : NaN;
}

function shareOfCeiling(e: Evaluation): number {
  const c = e.report.ceiling;
  return c && c.value > 0 ? e.sim.expectedProfit / c.value : NaN;
}

function json(e: Evaluation): string {
  const { model, units, sim } = e;
  const p = sim.products;
  const products = model.ids.map((id, i) => ({
    id,
    quantity: units[i],
    expectedSales: p.expectedSales[i],
    salesStdError: p.salesStdError[i],
    expectedLeftover: p.expectedLeftover[i],
    stockoutProbability: p.stockoutProbability[i],
    lostFirstChoice: p.lostFirstChoice[i],
    substitutionInflow: p.substitutionInflow[i],
    fillRate: p.fillRate[i],
    firstChoiceDemand: p.firstChoiceDemand[i],
  }));
  return toJson({
    expectedProfit: sim.expectedProfit,
    stdError: sim.stdError,
    ci95: sim.ci95,
    reps: sim.reps,
    timeLimited: sim.timeLimited,
    cappedWalks: sim.cappedWalks,
    seed: e.seed,
    ...(e.unitsFrom !== undefined ? { unitsFrom: e.unitsFrom } : {}),
    bound: e.report.bound,
    boundKind: e.report.boundKind,
    boundLabel: e.report.boundLabel,
    ignoredConstraints: e.report.ignoredConstraints,
    shareOfBound: shareOfBound(e),
    ceiling: ceilingJson(e.report.ceiling),
    shareOfCeiling: shareOfCeiling(e),
    expectedRevenue: sim.expectedRevenue,
    expectedSalvage: sim.expectedSalvage,
    purchaseCost: sim.purchaseCost,
    expectedUnitsSold: sim.expectedUnitsSold,
    expectedCustomers: sim.expectedCustomers,
    expectedLostCustomers: sim.expectedLostCustomers,
    products,
    // The plan itself, so this output can be passed back as --plan.
    plan: planToJson(model, units).plan,
    warnings: e.warnings,
    settings: e.settings,
  });
}

function human(e: Evaluation, top: number): string {
  const { model, units, sim } = e;
  const p = sim.products;
  const halfWidth = (sim.ci95[1] - sim.ci95[0]) / 2;
  let stocked = 0;
  let totalUnits = 0;
  for (let i = 0; i < model.n; i++) {
    if (units[i] > 0) stocked++;
    totalUnits += units[i];
  }
  const customers = sim.expectedCustomers;
  const buyers = customers - sim.expectedLostCustomers;
  let out = renderSummary([
    [
      "Expected profit",
      `${formatNumber(sim.expectedProfit)} ± ${formatNumber(halfWidth)} (95% interval ${formatNumber(sim.ci95[0])} to ${formatNumber(sim.ci95[1])})`,
    ],
    ["Simulated", `${plural(sim.reps, "season")}, seed ${e.seed}`],
    [
      "Fluid bound",
      `${formatNumber(e.report.bound)} (${e.report.boundLabel}); this plan reaches ${formatPercent(shareOfBound(e))} of it: no plan can exceed it`,
    ],
    ...(e.report.ceiling
      ? ([
          [
            "Realistic ceiling",
            `${ceilingText(e.report.ceiling)}; this plan reaches ${formatPercent(shareOfCeiling(e))} of it (the tighter bound); ${CEILING_CAVEAT}`,
          ],
        ] as [string, string][])
      : []),
    [
      "Revenue",
      `${formatNumber(sim.expectedRevenue)}, purchase cost ${formatNumber(sim.purchaseCost)}, salvage ${formatNumber(sim.expectedSalvage)}`,
    ],
    [
      "Stock",
      `${plural(totalUnits, "unit")} of ${plural(stocked, "product")}: ${formatNumber(sim.expectedUnitsSold, 1)} sold, ${formatNumber(totalUnits - sim.expectedUnitsSold, 1)} left over`,
    ],
    [
      "Customers",
      `${formatNumber(customers, 1)}: ${formatNumber(buyers, 1)} buy (${formatPercent(customers > 0 ? buyers / customers : NaN)}), ${formatNumber(sim.expectedLostCustomers, 1)} leave without buying`,
    ],
    ["Settings", settingsText(e.settings)],
  ]);
  out += ignoredNote(e.report);
  const withNames = model.names.some((s) => s.length > 0);
  const columns: Column<number>[] = [
    { header: "id", align: "left", cell: (i) => model.ids[i], maxWidth: 24 },
    ...(withNames
      ? [{ header: "name", align: "left" as const, cell: (i: number) => model.names[i], maxWidth: 28 }]
      : []),
    { header: "qty", align: "right", cell: (i) => formatNumber(units[i], 0) },
    { header: "sales", align: "right", cell: (i) => formatNumber(p.expectedSales[i], 1) },
    { header: "left over", align: "right", cell: (i) => formatNumber(p.expectedLeftover[i], 1) },
    { header: "sells out", align: "right", cell: (i) => formatPercent(p.stockoutProbability[i], 0) },
    { header: "first choice", align: "right", cell: (i) => formatNumber(p.firstChoiceDemand[i], 1) },
    { header: "fill rate", align: "right", cell: (i) => formatPercent(p.fillRate[i], 0) },
    { header: "lost", align: "right", cell: (i) => formatNumber(p.lostFirstChoice[i], 1) },
    { header: "from others", align: "right", cell: (i) => formatNumber(p.substitutionInflow[i], 1) },
  ];
  const all = model.ids.map((_, i) => i);
  const { rows, truncated } = chooseRows(all, top, (i) => p.expectedSales[i] + 1e-9 * p.firstChoiceDemand[i]);
  out += "\n" + renderTable(columns, rows);
  out +=
    [
      "",
      "sales: expected units sold; sells out: chance of selling out; first choice: customers who want it first;",
      "fill rate: share of those served from its own stock; lost: of those, how many leave without buying;",
      "from others: sales to customers who wanted another product first.",
    ].join("\n") + "\n";
  if (truncated) {
    out += `\nShowing the ${rows.length} best-selling of ${plural(model.n, "product")}; --top all shows every one, --json gives machine-readable output.\n`;
  }
  return out;
}

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "simulate a plan: expected profit with a 95% interval, and what happens to each product",
  usage:
    "assort evaluate <instance.json> --plan <plan.json> [options]\n       assort evaluate <book.xlsx> [--plan <plan.json>] [options]",
  description: [
    "Simulates many seasons of the plan (customers arrive, buy their first choice or a substitute that is",
    "in stock, or leave) and reports the expected profit with its 95% interval, per-product outcomes and",
    "the share of the fluid upper bound reached. Without --reps it runs until the standard error is 0.2% of",
    "the profit (at most 20,000 seasons). The same seed gives the same result, and different plans",
    "evaluated with the same seed see the same customers, so their difference is measured precisely.",
    "",
    'Plan file: {"plan": [{"id": "P1", "quantity": 12}, ...]}; products not listed get 0 units.',
    "Where the plan breaks the instance's rules (budget, minQty, ...) a warning is printed.",
    "",
    "A workbook (.xlsx) is read as assort plan reads it (Products, Substitution, Options sheets); its plan is",
    `the Units column of Products, else the Units column of the '${PLAN_SHEET}' sheet (edit it after assort plan),`,
    "unless --plan gives one. The seed and precision of its Options sheet apply unless --seed or --reps is given.",
  ].join("\n"),
  options: [
    {
      name: "plan",
      value: "plan.json",
      description: "the plan to evaluate (required for a JSON instance; a workbook's own Units otherwise)",
    },
    {
      name: "units",
      value: "products|plan",
      description: `a workbook's plan: the Units column of Products or of the '${PLAN_SHEET}' sheet (default: Products when it has one)`,
    },
    {
      name: "reps",
      value: "R",
      description: "simulate exactly R seasons (at least 2) instead of running to the precision target",
    },
    { name: "seed", value: "S", description: `random seed, a whole number (default ${DEFAULT_SEED})` },
    ...OVERRIDE_OPTIONS,
    {
      name: "time-limit",
      value: "SECONDS",
      description: `stop simulating after this long, keeping the seasons done (default ${DEFAULT_TIME_LIMIT_S})`,
    },
    TOP_OPTION,
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [instancePath] = expectPositionals(args, ["<instance.json>"], "evaluate");
    const planPath = stringOption(args, "plan");
    const reps = integerOption(args, "reps", "evaluate", { min: 2, max: MAX_REPS, what: "number of seasons" });
    const seedOption = integerOption(args, "seed", "evaluate", { min: 0, what: "seed" });
    const limit =
      integerOption(args, "time-limit", "evaluate", { min: 1, max: 86400, what: "time limit in seconds" }) ??
      DEFAULT_TIME_LIMIT_S;
    const top = topOption(args, "evaluate");
    const overrides = readOverrides(args, "evaluate");
    const asJson = args.options.has("json");

    const from = stringOption(args, "units");
    if (from !== undefined && from !== "products" && from !== "plan")
      throw new UsageError(`--units '${from}' is not a source; use products or plan`, "evaluate");
    if (from !== undefined && (planPath !== undefined || !isWorkbookPath(instancePath)))
      throw new UsageError(
        "--units picks a workbook's own plan; it goes with a .xlsx file and without --plan",
        "evaluate",
      );
    const loaded = isWorkbookPath(instancePath)
      ? await loadWorkbook(io, instancePath, planPath, from)
      : loadJson(io, instancePath, planPath);
    const { units } = loaded;
    const model = applyOverrides(loaded.model, overrides, "evaluate");
    // Rules the plan breaks under the overridden limits too.
    const warnings = [...loaded.warnings];
    if (model !== loaded.model)
      for (const p of planWarnings(model, units)) if (!warnings.some((w) => w.message === p.message)) warnings.push(p);
    const seed = seedOption ?? loaded.seed ?? DEFAULT_SEED;
    if (!asJson) printWarnings(io, warnings);
    if (!asJson && loaded.unitsFrom !== undefined && planPath === undefined)
      io.stderr(`note: evaluating ${loaded.unitsFrom}\n`);

    // Refused before it starts when even 2 seasons (or the --reps asked for) cannot fit the time limit.
    try {
      checkWorkBudget(model, "evaluate", 2, limit * 1000, seasonWalk(model, units));
    } catch (err) {
      if (err instanceof InputError) throw new InputProblems(instancePath, "instance", err.problems);
      throw err;
    }
    const bar = progressBar(io, reps === undefined ? "Simulating" : `Simulating ${formatNumber(reps, 0)} seasons`);
    let sim: SimulationResult;
    const simStarted = Date.now();
    try {
      sim = simulate(model, units, {
        reps,
        seed,
        targetRelativeError: loaded.targetRelativeError,
        onProgress: (f) => bar.update(f),
        deadline: Date.now() + limit * 1000,
      });
    } finally {
      bar.done();
    }
    // The deadline cuts the first two seasons too: without them there is no estimate to report.
    if (sim.reps < 2)
      throw new InputProblems(instancePath, "instance", [
        ...tooFewSeasons(model, "evaluate", "simulation", sim, Date.now() - simStarted, limit * 1000).problems,
      ]);
    const capped = walkCapWarning(sim);
    const runNotes = [
      ...(sim.timeLimited
        ? [
            `the time limit of ${limit} s stopped the simulation after ${sim.reps} seasons${reps === undefined ? ", before its precision target" : ` of the ${reps} asked for`}; the interval is wider than it would be (--time-limit gives it longer)`,
          ]
        : []),
      ...(capped ? [capped] : []),
    ];
    for (const w of runNotes) warnings.push({ section: "instance", message: w });
    if (!asJson) for (const w of runNotes) io.stderr(`warning: ${w}\n`);
    const evaluation: Evaluation = {
      model,
      units,
      seed,
      sim,
      report: boundReport(model),
      warnings,
      unitsFrom: loaded.unitsFrom,
      settings: settingLines(model, overrides, loaded.origin),
    };
    io.stdout(asJson ? json(evaluation) : human(evaluation, top));
    return EXIT_OK;
  },
};
