// `assort chain model.json`: any choice model in (customer rankings, MNL, nested or mixed logit), the Markov
// chain the planner uses out, with a report of what the chain loses: the route taken (exact, fitted by
// maximum likelihood, or the one-removal construction), and on offered sets it was not fitted on, how far
// the chain's choice probabilities are from the model's. --out writes a planning instance: the products with
// their first-choice demand (share × customers) and the substitution links, ready for `assort optimize`.

import {
  chainFidelity,
  chainFromModel,
  optimize,
  planSets,
  readChoiceModel,
  simulateSourceModel,
  validateInstance,
} from "../../engine";
import type { ChainFidelity, ChoiceModelFile, ModelChain } from "../../engine";
import { decimalOption, expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, type Command } from "../command";
import { EXIT_OK, UsageError } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { readJson } from "../readJson";
import { loadWorkbookChoiceModel } from "../workbook/choiceModel";
import { isWorkbookPath } from "../workbook/file";
import { formatNumber, formatPercent, renderSummary } from "../table";

const ROUTES = ["auto", "fitted", "removal", "exact"] as const;
type Route = (typeof ROUTES)[number];

/** The planning instance the chain stands for. */
export function chainInstance(
  file: ChoiceModelFile,
  chain: ModelChain,
  constraints?: Record<string, number>,
): Record<string, unknown> {
  const products = file.products.map((p, i) => ({ ...p, demand: chain.lambda[i] * file.customers }));
  const substitution = chain.links.map((l) => ({
    from: file.ids[l.from],
    to: file.ids[l.to],
    probability: l.probability,
  }));
  return constraints && Object.keys(constraints).length > 0
    ? { products, substitution, constraints }
    : { products, substitution };
}

export interface PlanCheck {
  units: Record<string, number>;
  /** The plan's expected profit as the chain predicts it, ± its standard error. */
  chainProfit: number;
  chainStandardError: number;
  /** The same plan's profit simulated under the source model itself. */
  modelProfit: number;
  modelStandardError: number;
  seasons: number;
}

/**
 * --check-plan: plan on the chain, refit the chain once with the plan's own offered sets (its range and its
 * parts as products sell out: the sets where the plan is judged), plan again, and simulate that plan under
 * the source model itself.
 */
async function checkPlan(
  file: ChoiceModelFile,
  first: ModelChain,
  constraints: Record<string, number>,
  timeLimitMs: number,
  route: Route,
): Promise<{ chain: ModelChain; check: PlanCheck }> {
  let chain = first;
  let model = validateInstance(chainInstance(file, chain, constraints));
  let result = await optimize(model, { seed: 1, timeLimitMs });
  if (chain.route === "fitted") {
    // Warm: the refit starts from the chain it refines, so it costs a fraction of the first fit.
    chain = chainFromModel(file.model, { route, extraSets: planSets(result.units), start: first });
    model = validateInstance(chainInstance(file, chain, constraints));
    result = await optimize(model, { seed: 1, timeLimitMs });
  }
  const seasons = 4000;
  const sim = simulateSourceModel(
    file.model,
    { price: model.price, cost: model.cost, salvage: model.salvage, units: result.units, customers: file.customers },
    { seasons, seed: "check-plan" },
  );
  const units: Record<string, number> = {};
  file.ids.forEach((id, i) => (units[id] = result.units[i]));
  return {
    chain,
    check: {
      units,
      chainProfit: result.evaluation.expectedProfit,
      chainStandardError: result.evaluation.stdError,
      modelProfit: sim.meanProfit,
      modelStandardError: sim.standardError,
      seasons,
    },
  };
}

function human(
  file: ChoiceModelFile,
  chain: ModelChain,
  fidelity: ChainFidelity,
  written?: string,
  check?: PlanCheck,
): string {
  const rows: [string, string][] = [
    [
      "Model",
      `${file.model.label}, ${formatNumber(file.model.n, 0)} products, ${formatNumber(file.customers, 0)} customers`,
    ],
    [
      "Chain",
      `${chain.route === "exact" ? "exact (the model is a chain)" : chain.route === "fitted" ? `fitted by maximum likelihood on ${formatNumber(chain.fittedSets, 0)} offered sets` : "one-removal construction"}; ${formatNumber(chain.links.length, 0)} links, ${formatPercent(chain.noPurchaseShare)} want none of the products`,
    ],
    ["Fidelity", fidelity.verdict],
    ["Worst range", `${formatPercent(fidelity.maxTv)} total-variation distance`],
  ];
  if (check) {
    const gap = check.chainProfit !== 0 ? (check.modelProfit - check.chainProfit) / Math.abs(check.chainProfit) : 0;
    rows.push(
      [
        "Plan on the chain",
        `${formatNumber(check.chainProfit, 2)} ± ${formatNumber(1.96 * check.chainStandardError, 2)} expected profit as the chain predicts it`,
      ],
      [
        "Same plan, model",
        `${formatNumber(check.modelProfit, 2)} ± ${formatNumber(1.96 * check.modelStandardError, 2)} simulating the model itself (${formatNumber(check.seasons, 0)} seasons); ${gap >= 0 ? "+" : ""}${formatPercent(gap)} against the chain's figure`,
      ],
    );
  }
  let out = renderSummary(rows);
  out += "\nNo-purchase share by range size (model vs chain):\n";
  for (const b of fidelity.bySize)
    out += `  ${Math.round(100 * b.from)}–${Math.round(100 * b.to)}% of products offered: ${formatPercent(b.modelNoPurchase)} vs ${formatPercent(b.chainNoPurchase)} (${b.sets} ranges)\n`;
  for (const note of chain.notes) out += `Note: ${note}.\n`;
  if (written) out += `\nInstance written to ${written}: plan it with 'assort optimize ${written}'.\n`;
  return out;
}

export const chainCommand: Command = {
  name: "chain",
  summary: "a choice model (rankings, MNL, nested or mixed logit) turned into the chain the planner uses",
  usage: "assort chain <model.json | book.xlsx> [options]",
  description: [
    "Reads products, the season's customers and a choice model, and builds the Markov chain choice model",
    "that Assort plans with: exact for an MNL, else fitted by maximum likelihood to the model's exact choice",
    "probabilities over a designed collection of offered sets. Reports how closely the chain reproduces the",
    "model on ranges it was not fitted on. --out writes the planning instance (JSON) for assort optimize.",
    "A workbook gives the model on its Model sheet (or table), laid out as for =ASSORT.CHAIN, and the",
    "products on its Products sheet; --customers gives the season's expected customers.",
  ].join("\n"),
  options: [
    { name: "route", value: "auto|fitted|removal|exact", description: "how to build the chain (default auto)" },
    { name: "out", value: "instance.json", description: "write the planning instance to this file" },
    {
      name: "check-plan",
      description: "plan on the chain and judge the plan by simulating the model itself (profit under both)",
    },
    { name: "capacity", value: "units", description: "with --check-plan: total space (units × size) allowed" },
    { name: "budget", value: "amount", description: "with --check-plan: purchase budget" },
    { name: "time-limit", value: "seconds", description: "with --check-plan: each plan's search time (default 10)" },
    { name: "customers", value: "count", description: "with a workbook (required): the season's expected customers" },
    { name: "force", description: "replace an existing --out file" },
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [path] = expectPositionals(args, ["<model.json | book.xlsx>"], "chain");
    const routeText = stringOption(args, "route") ?? "auto";
    if (!(ROUTES as readonly string[]).includes(routeText))
      throw new UsageError(`--route ${routeText}: use one of ${ROUTES.join(", ")}`, "chain");
    const out = stringOption(args, "out");
    const output = {
      force: args.options.has("force"),
      inputs: [{ path, what: isWorkbookPath(path) ? "workbook" : "choice model file" }],
      command: "chain",
      what: "the instance",
      option: "--out",
    };
    if (out !== undefined) {
      if (!io.writeOutput) throw new UsageError("--out is not available here", "chain");
      io.checkOutput?.(out, output);
    }
    const capacity = decimalOption(args, "capacity", "chain", { min: 0, what: "capacity" });
    const budget = decimalOption(args, "budget", "chain", { min: 0, what: "budget" });
    const limit = integerOption(args, "time-limit", "chain", { min: 1, max: 3600, what: "time limit" }) ?? 10;
    const checking = args.options.has("check-plan");
    if (!checking && (capacity !== undefined || budget !== undefined || args.options.has("time-limit")))
      throw new UsageError("--capacity, --budget and --time-limit go with --check-plan", "chain");
    const constraints: Record<string, number> = {};
    if (capacity !== undefined) constraints.capacity = capacity;
    if (budget !== undefined) constraints.budget = budget;
    const workbook = isWorkbookPath(path);
    const customers = decimalOption(args, "customers", "chain", { min: 0, what: "customers" });
    if (!workbook && customers !== undefined)
      throw new UsageError("--customers goes with a workbook; a model file gives its customers", "chain");
    if (workbook && customers === undefined)
      throw new UsageError("a workbook gives no season's customers: add --customers, e.g. --customers 1200", "chain");
    const file = workbook
      ? await loadWorkbookChoiceModel(io, path, customers as number)
      : readChoiceModel(readJson(io, path, "choice model"));
    let chain = chainFromModel(file.model, { route: routeText as Route });
    validateInstance(chainInstance(file, chain, constraints)); // a product field that is wrong is named here
    let check: PlanCheck | undefined;
    if (checking) ({ chain, check } = await checkPlan(file, chain, constraints, limit * 1000, routeText as Route));
    const fidelity = chainFidelity(file.model, chain);
    const instance = chainInstance(file, chain, constraints);
    if (out !== undefined) await (io.writeOutput as NonNullable<Io["writeOutput"]>)(out, toJson(instance), output);
    if (args.options.has("json")) {
      io.stdout(
        toJson({
          route: chain.route,
          model: file.model.label,
          products: file.ids.length,
          customers: file.customers,
          noPurchaseShare: chain.noPurchaseShare,
          fittedSets: chain.fittedSets,
          cappedRows: chain.cappedRows.map((i) => file.ids[i]),
          notes: chain.notes,
          fidelity,
          check: check ?? null,
          output: out ?? null,
          instance: out === undefined ? instance : undefined,
        }),
      );
    } else io.stdout(human(file, chain, fidelity, out, check));
    return EXIT_OK;
  },
};
