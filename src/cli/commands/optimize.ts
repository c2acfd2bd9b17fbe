// `assort optimize`: which products to carry and how many units of each (the engine's optimize(), the same
// function the add-in calls). Prints the plan's expected profit with its 95% interval, the upper bound and
// the share of it reached, and for every product the decision and its reason; --out saves the plan in the
// form `assort evaluate --plan` reads, so a merchandiser can edit it and re-evaluate.

import { DEFAULT_SEED, InputError, METHODS, optimize, planToJson } from "../../engine";
import type { Method, Model, OptimizeResult } from "../../engine";
import { expectPositionals, stringOption, integerOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, TOP_OPTION, type Command } from "../command";
import { EXIT_OK, InputProblems, UsageError } from "../errors";
import type { Io } from "../io";
import type { OutputOptions } from "../safeWrite";
import { toJson } from "../json";
import { planCeilingText, planSummaryRows } from "../planSummary";
import { ceilingJson } from "./bound";
import { loadInstance } from "../load";
import {
  applyOverrides,
  instanceOrigin,
  OVERRIDE_OPTIONS,
  readOverrides,
  settingLines,
  settingsText,
  type SettingLine,
} from "../overrides";
import { stagedProgress } from "../progress";
import { formatNumber, formatPercent, plural, renderSummary, renderTable, type Column } from "../table";
import { chooseRows, topOption } from "../top";
import { printWarnings } from "../warnings";
import { WORKERS_OPTION, withSeasonPool } from "../workers";

const DEFAULT_TIME_LIMIT_S = 60;

/** The result's fields in --json output (assort plan adds where it wrote the workbook). */
export function resultFields(model: Model, r: OptimizeResult): Record<string, unknown> {
  const e = r.evaluation;
  return {
    method: r.method,
    seed: r.seed,
    expectedProfit: e.expectedProfit,
    stdError: e.stdError,
    ci95: e.ci95,
    reps: e.reps,
    bound: r.bound.value,
    boundKind: r.bound.kind,
    boundLabel: r.bound.label,
    ignoredConstraints: r.bound.ignoredConstraints,
    // Of the fluid bound, as `bound` (the tighter share is shareOfTighterBound).
    shareOfBound: r.bound.value > 0 ? e.expectedProfit / r.bound.value : NaN,
    ceiling: ceilingJson(r.bound.ceiling),
    shareOfCeiling: r.bound.ceiling && r.bound.ceiling.value > 0 ? e.expectedProfit / r.bound.ceiling.value : NaN,
    shareOfTighterBound: r.shareOfBound,
    tighterBound: r.shareOfBoundBasis ?? "fluid",
    expectedRevenue: e.expectedRevenue,
    purchaseCost: e.purchaseCost,
    expectedSalvage: e.expectedSalvage,
    expectedUnitsSold: e.expectedUnitsSold,
    products: r.decisions.map((d) => ({
      id: d.id,
      carry: d.carry,
      quantity: d.units,
      expectedSales: d.expectedSales,
      expectedLeftover: d.expectedLeftover,
      stockoutProbability: d.stockoutProbability,
      substitutionInflow: d.substitutionInflow,
      firstChoiceDemand: d.firstChoiceDemand,
      decision: d.code,
      reason: d.reason,
      ...(d.action !== undefined ? { action: d.action, currentUnits: d.currentUnits } : {}),
      expectedRevenue: d.expectedRevenue,
      profitContribution: d.profitContribution,
      lostCustomers: d.lostCustomers,
      fillRate: d.fillRate,
      buyValue: d.buyValue,
    })),
    kpis: r.kpis,
    rules: r.rules,
    ...(r.comparison ? { comparison: r.comparison } : {}),
    plan: planToJson(model, r.units).plan,
    warnings: r.warnings,
    stoppedEarly: r.stoppedEarly,
    overTime: r.overTime ?? [],
    cappedWalks: e.cappedWalks,
    elapsedMs: r.elapsedMs,
  };
}

function json(model: Model, r: OptimizeResult, settings: SettingLine[]): string {
  return toJson({ ...resultFields(model, r), settings });
}

function human(
  model: Model,
  r: OptimizeResult,
  top: number,
  outPath: string | undefined,
  settings: SettingLine[],
): string {
  let out = renderSummary([...planSummaryRows(model, r), ["Settings", settingsText(settings)]]) + planCeilingText(r);
  const withNames = model.names.some((s) => s.length > 0);
  const d = r.decisions;
  const columns: Column<number>[] = [
    { header: "id", align: "left", cell: (i) => d[i].id, maxWidth: 24 },
    ...(withNames ? [{ header: "name", align: "left" as const, cell: (i: number) => d[i].name, maxWidth: 24 }] : []),
    ...(model.currentUnits !== null
      ? [
          { header: "action", align: "left" as const, cell: (i: number) => d[i].action ?? "" },
          { header: "now", align: "right" as const, cell: (i: number) => formatNumber(d[i].currentUnits ?? 0, 0) },
        ]
      : [{ header: "carry", align: "left" as const, cell: (i: number) => (d[i].carry ? "yes" : "no") }]),
    { header: "units", align: "right", cell: (i) => formatNumber(d[i].units, 0) },
    { header: "sales", align: "right", cell: (i) => formatNumber(d[i].expectedSales, 1) },
    { header: "sells out", align: "right", cell: (i) => formatPercent(d[i].stockoutProbability, 0) },
    { header: "reason", align: "left", cell: (i) => d[i].reason, maxWidth: 90 },
  ];
  const all = d.map((_, i) => i);
  const chosen = chooseRows(all, top, (i) => d[i].expectedSales + 1e-6 * d[i].firstChoiceDemand);
  out += "\n" + renderTable(columns, chosen.rows);
  if (chosen.truncated) {
    out += `\nShowing the ${chosen.rows.length} best-selling of ${plural(model.n, "product")}; --top all shows every one, --json gives machine-readable output.\n`;
  }
  if (outPath !== undefined)
    out += `\nPlan written to ${outPath} (edit it and run: assort evaluate <instance.json> --plan ${outPath}).\n`;
  return out;
}

/** --method's value; undefined when not given (optimize uses auto, plan the workbook's Options first). */
export function methodOption(args: ParsedArgs, command: string): Method | undefined {
  const raw = stringOption(args, "method");
  if (raw === undefined) return undefined;
  const m = raw.toLowerCase();
  if (!(METHODS as readonly string[]).includes(m)) {
    throw new UsageError(`--method '${raw}' is not a method; use one of ${METHODS.join(", ")}`, command);
  }
  return m as Method;
}

export const optimizeCommand: Command = {
  name: "optimize",
  summary: "choose the products to carry and the units of each; expected profit, bound and a reason per product",
  usage: "assort optimize <instance.json> [options]",
  description: [
    "Finds the assortment and quantities that maximise expected profit when customers substitute, keeping",
    "the instance's rules (budget, capacity, maxProducts, mustOffer, exclude, minQty, maxQty, packSize).",
    "The plan is judged on simulated seasons independent of those used to find it, so the profit shown is",
    "an honest estimate with its 95% interval. The upper bound is the fluid LP (with the budget and capacity",
    "priced in); no plan can expect more.",
    "",
    "Methods: auto (default: the best of all below, then a search that also adds and drops products),",
    "fluid (rounded fluid LP), newsvendor (fluid assortment, each product on its own), gk (fluid assortment,",
    "quantities by sample average approximation), pooled (long tail pooled into substitutes, then SAA).",
    "",
    "With a current range (currentUnits per product: what is bought today), each product gets an action",
    "(Keep, Add, Drop, More, Fewer) and the plan's gain over the current range is measured on the same",
    "seasons; lock keeps a product's current units, constraints.maxChanges limits the products added or dropped.",
  ].join("\n"),
  options: [
    { name: "method", value: "M", description: `one of ${METHODS.join(", ")} (default auto)` },
    {
      name: "seed",
      value: "S",
      description: `random seed, a whole number (default ${DEFAULT_SEED}); the same seed gives the same plan`,
    },
    {
      name: "time-limit",
      value: "SECONDS",
      description: `the whole run keeps to this: search, choice and final evaluation, best plan so far kept (default ${DEFAULT_TIME_LIMIT_S})`,
    },
    WORKERS_OPTION,
    {
      name: "out",
      value: "plan.json",
      description: 'also write the plan as {"plan": [{"id", "quantity"}]} for assort evaluate --plan',
    },
    ...OVERRIDE_OPTIONS,
    { name: "force", description: "replace the --out file if it exists (never the instance file)" },
    TOP_OPTION,
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [instancePath] = expectPositionals(args, ["<instance.json>"], "optimize");
    const overrides = readOverrides(args, "optimize");
    const method = methodOption(args, "optimize") ?? "auto";
    const seed = integerOption(args, "seed", "optimize", { min: 0, what: "seed" }) ?? DEFAULT_SEED;
    const limit =
      integerOption(args, "time-limit", "optimize", { min: 1, max: 86400, what: "time limit in seconds" }) ??
      DEFAULT_TIME_LIMIT_S;
    const outPath = stringOption(args, "out");
    const output: OutputOptions = {
      force: args.options.has("force"),
      inputs: [{ path: instancePath, what: "instance file" }],
      command: "optimize",
      what: "the plan",
    };
    if (outPath !== undefined) {
      if (!io.writeOutput) throw new UsageError("--out is not available here", "optimize");
      // Refused now rather than after a minute of searching.
      io.checkOutput?.(outPath, output);
    }
    const top = topOption(args, "optimize");
    const asJson = args.options.has("json");
    // The worker threads start while the instance is read and checked (~0.1 s of CPU each at N = 1,000).
    const { model, settings, result } = await withSeasonPool(io, args, "optimize", async (pool) => {
      const loaded = loadInstance(io, instancePath);
      const model = applyOverrides(loaded.model, overrides, "optimize");
      const settings = settingLines(model, overrides, instanceOrigin(loaded.json));
      if (!asJson) printWarnings(io, model.warnings);
      const progress = stagedProgress(io);
      try {
        const result = await optimize(model, { method, seed, timeLimitMs: limit * 1000, pool }, (p) =>
          progress.update(p),
        );
        return { model, settings, result };
      } catch (err) {
        if (err instanceof InputError) throw new InputProblems(instancePath, "instance", err.problems);
        throw err;
      } finally {
        progress.done();
      }
    });
    if (!asJson) for (const w of result.warnings) io.stderr(`Note: ${w}\n`);
    if (outPath !== undefined && io.writeOutput)
      await io.writeOutput(outPath, toJson(planToJson(model, result.units)), output);
    io.stdout(asJson ? json(model, result, settings) : human(model, result, top, outPath, settings));
    return EXIT_OK;
  },
};
