// `assort bound`: the fluid upper bound on expected profit (docs/model.md §4) and the fluid assortment that
// attains it: the same bound `assort optimize` and the add-in show (planBound), with the budget and capacity
// priced in. Rules it leaves out keep it valid but looser, and it says which, because a bound that silently
// ignored a rule would read as a promise.

import { CEILING_CAVEAT, listNames, planBoundWithCeiling } from "../../engine";
import type { FluidSolution, Model, PlanCeiling } from "../../engine";
import { expectPositionals, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, TOP_OPTION, type Command } from "../command";
import { EXIT_OK } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { loadModel } from "../load";
import { formatNumber, formatPercent, plural, renderSummary, renderTable, type Column } from "../table";
import { chooseRows, topOption } from "../top";
import { printWarnings } from "../warnings";

export interface BoundReport {
  bound: number;
  boundKind: "fluid";
  /** One line for people: "fluid LP bound with the budget; ignores maxProducts (...)". */
  boundLabel: string;
  /** The instance's rules the bound does not take into account (empty when it has none). */
  ignoredConstraints: string[];
  /** The fluid solution at the bound's prices for the budget and capacity. */
  fluid: FluidSolution;
  /** The realistic ceiling (SAA bound), when computed. */
  ceiling?: PlanCeiling;
}

export function boundReport(model: Model): BoundReport {
  const b = planBoundWithCeiling(model);
  return {
    ceiling: b.ceiling,
    bound: b.value,
    boundKind: b.kind,
    boundLabel: b.label,
    ignoredConstraints: b.ignoredConstraints,
    fluid: b.fluid,
  };
}

/** The realistic ceiling as one line: value ± standard error (how it was computed). */
export function ceilingText(c: PlanCeiling): string {
  return `${formatNumber(c.value)} ± ${formatNumber(c.stdError)} (${c.label})`;
}

/** The realistic ceiling for --json output. */
export function ceilingJson(c: PlanCeiling | undefined): Record<string, unknown> | null {
  return c
    ? { value: c.value, stdError: c.stdError, seasons: c.seasons, label: c.label, caveat: CEILING_CAVEAT }
    : null;
}

/** The note printed under a bound when the instance has rules it leaves out. */
export function ignoredNote(report: BoundReport): string {
  if (report.ignoredConstraints.length === 0) return "";
  const list = listNames(report.ignoredConstraints);
  return `Note: the bound leaves out this instance's ${list}; it stays valid, but the best plan that respects them may fall short of it.\n`;
}

function human(model: Model, report: BoundReport, top: number): string {
  const { fluid } = report;
  const offered: number[] = [];
  let sold = 0;
  for (let i = 0; i < model.n; i++) {
    if (fluid.offered[i]) {
      offered.push(i);
      sold += fluid.sales[i];
    }
  }
  let out = renderSummary([
    ["Fluid upper bound", `${formatNumber(report.bound)} (${report.boundLabel}): no plan can expect a higher profit`],
    ...(report.ceiling
      ? ([["Realistic ceiling", `${ceilingText(report.ceiling)}; ${CEILING_CAVEAT}`]] as [string, string][])
      : []),
    ["Expected customers", `${formatNumber(model.totalDemand, 1)} per season`],
    [
      "Fluid assortment",
      `${formatNumber(offered.length, 0)} of ${plural(model.n, "product")}, selling ${formatNumber(sold, 1)} units (${formatPercent(model.totalDemand > 0 ? sold / model.totalDemand : NaN)} of customers)`,
    ],
  ]);
  out += ignoredNote(report);
  if (offered.length === 0) return out + "\nNo product has a positive margin, so the best plan stocks nothing.\n";
  const margin = (i: number) => model.price[i] - model.cost[i];
  const withNames = model.names.some((s) => s.length > 0);
  const columns: Column<number>[] = [
    { header: "id", align: "left", cell: (i) => model.ids[i], maxWidth: 24 },
    ...(withNames
      ? [{ header: "name", align: "left" as const, cell: (i: number) => model.names[i], maxWidth: 28 }]
      : []),
    { header: "fluid sales", align: "right", cell: (i) => formatNumber(fluid.sales[i], 1) },
    { header: "first choice", align: "right", cell: (i) => formatNumber(model.demand[i], 1) },
    { header: "margin", align: "right", cell: (i) => formatNumber(margin(i)) },
    { header: "fluid profit", align: "right", cell: (i) => formatNumber(margin(i) * fluid.sales[i]) },
  ];
  const { rows, truncated } = chooseRows(offered, top, (i) => fluid.sales[i]);
  out += "\n" + renderTable(columns, rows);
  if (truncated) {
    out += `\nShowing the ${rows.length} best-selling of the ${formatNumber(offered.length, 0)} products in the fluid assortment; --top all shows every one.\n`;
  }
  return out;
}

function json(model: Model, report: BoundReport): string {
  const fluidSales: Record<string, number> = {};
  const assortment: string[] = [];
  for (let i = 0; i < model.n; i++) {
    if (!report.fluid.offered[i]) continue;
    assortment.push(model.ids[i]);
    fluidSales[model.ids[i]] = report.fluid.sales[i];
  }
  return toJson({
    bound: report.bound,
    boundKind: report.boundKind,
    boundLabel: report.boundLabel,
    ignoredConstraints: report.ignoredConstraints,
    ceiling: ceilingJson(report.ceiling),
    totalDemand: model.totalDemand,
    assortment,
    fluidSales,
    warnings: model.warnings,
  });
}

export const boundCommand: Command = {
  name: "bound",
  summary: "the fluid upper bound on expected profit, and the fluid assortment",
  usage: "assort bound <instance.json> [options]",
  description: [
    "Computes the fluid upper bound: no plan can expect a higher profit. It assumes every customer finds",
    "stock wherever she would buy, so it is loose when products sell few units. The products it sells form",
    "the fluid assortment. Plan constraints (budget, capacity, maxProducts, mustOffer, minQty, maxQty,",
    "packSize) are not taken into account; the output says so when the instance has any.",
    "Also shows the realistic ceiling: the stochastic (SAA) bound on sampled seasons, with its standard",
    "error and sample count, far closer to what plans reach; still a relaxation (docs/bounds.md).",
  ].join("\n"),
  options: [JSON_OPTION, TOP_OPTION, HELP_OPTION],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [instancePath] = expectPositionals(args, ["<instance.json>"], "bound");
    const top = topOption(args, "bound");
    const model = loadModel(io, instancePath);
    const report = boundReport(model);
    if (args.options.has("json")) {
      io.stdout(json(model, report));
    } else {
      printWarnings(io, model.warnings);
      io.stdout(human(model, report, top));
    }
    return EXIT_OK;
  },
};
