// `assort chain model.json`: any choice model in (customer rankings, MNL, nested or mixed logit), the Markov
// chain the planner uses out, with a report of what the chain loses: the route taken (exact, fitted by
// maximum likelihood, or the one-removal construction), and on offered sets it was not fitted on, how far
// the chain's choice probabilities are from the model's. --out writes a planning instance: the products with
// their first-choice demand (share × customers) and the substitution links, ready for `assort optimize`.

import { chainFidelity, chainFromModel, readChoiceModel, validateInstance } from "../../engine";
import type { ChainFidelity, ChoiceModelFile, ModelChain } from "../../engine";
import { expectPositionals, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, type Command } from "../command";
import { EXIT_OK, UsageError } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { readJson } from "../readJson";
import { formatNumber, formatPercent, renderSummary } from "../table";

const ROUTES = ["auto", "fitted", "removal", "exact"] as const;
type Route = (typeof ROUTES)[number];

/** The planning instance the chain stands for. */
export function chainInstance(file: ChoiceModelFile, chain: ModelChain): Record<string, unknown> {
  const products = file.products.map((p, i) => ({ ...p, demand: chain.lambda[i] * file.customers }));
  const substitution = chain.links.map((l) => ({
    from: file.ids[l.from],
    to: file.ids[l.to],
    probability: l.probability,
  }));
  return { products, substitution };
}

function human(file: ChoiceModelFile, chain: ModelChain, fidelity: ChainFidelity, written?: string): string {
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
  usage: "assort chain <model.json> [options]",
  description: [
    "Reads products, the season's customers and a choice model, and builds the Markov chain choice model",
    "that Assort plans with: exact for an MNL, else fitted by maximum likelihood to the model's exact choice",
    "probabilities over a designed collection of offered sets. Reports how closely the chain reproduces the",
    "model on ranges it was not fitted on. --out writes the planning instance (JSON) for assort optimize.",
  ].join("\n"),
  options: [
    { name: "route", value: "auto|fitted|removal|exact", description: "how to build the chain (default auto)" },
    { name: "out", value: "instance.json", description: "write the planning instance to this file" },
    { name: "force", description: "replace an existing --out file" },
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [path] = expectPositionals(args, ["<model.json>"], "chain");
    const routeText = stringOption(args, "route") ?? "auto";
    if (!(ROUTES as readonly string[]).includes(routeText))
      throw new UsageError(`--route ${routeText}: use one of ${ROUTES.join(", ")}`, "chain");
    const out = stringOption(args, "out");
    const output = {
      force: args.options.has("force"),
      inputs: [{ path, what: "choice model file" }],
      command: "chain",
      what: "the instance",
      option: "--out",
    };
    if (out !== undefined) {
      if (!io.writeOutput) throw new UsageError("--out is not available here", "chain");
      io.checkOutput?.(out, output);
    }
    const file = readChoiceModel(readJson(io, path, "choice model"));
    const chain = chainFromModel(file.model, { route: routeText as Route });
    const fidelity = chainFidelity(file.model, chain);
    const instance = chainInstance(file, chain);
    validateInstance(instance); // the chain must be plannable: a product field that is wrong is named here
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
          output: out ?? null,
          instance: out === undefined ? instance : undefined,
        }),
      );
    } else io.stdout(human(file, chain, fidelity, out));
    return EXIT_OK;
  },
};
