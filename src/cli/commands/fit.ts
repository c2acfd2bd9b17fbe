// `assort fit`: estimates the first-choice shares λ (and the no-purchase share λ_0) and the substitution ρ
// of the Markov chain model from sales history by EM (engine/fitMarkovChain.ts), and prints them in the
// layouts the rest of Assort reads: demand shares per product and a From, To, Probability list.

import { fitMarkovChain, fitWarnings } from "../../engine";
import type { FitResult, FitWarning } from "../../engine";
import { decimalOption, expectPositionals, integerOption, stringOption, type ParsedArgs } from "../args";
import { HELP_OPTION, JSON_OPTION, TOP_OPTION, type Command } from "../command";
import { EXIT_OK } from "../errors";
import type { Io } from "../io";
import { toJson } from "../json";
import { loadHistory, loadProductIds, type LoadedHistory } from "../loadHistory";
import { loadLinks } from "../loadLinks";
import { pasteable } from "../pasteLinks";
import { formatNumber, formatPercent, plural, renderSummary, renderTable, type Column } from "../table";
import { chooseRows, topOption } from "../top";
import { isWorkbookPath } from "../workbook/file";
import { loadWorkbookHistory } from "../workbook/history";

const DEFAULT_MAX_ITERATIONS = 5000;
const DEFAULT_TOLERANCE = 1e-9;
/** Seconds EM may run unless --time-limit says otherwise. */
const DEFAULT_TIME_LIMIT_S = 60;
/** Links below this are left out of the output: EM only approaches zero, and such links change nothing. */
const DEFAULT_MIN_PROBABILITY = 0.001;

interface Fit {
  history: LoadedHistory;
  result: FitResult;
  links: Array<{ from: string; to: string; probability: number }>;
  warnings: FitWarning[];
  minProbability: number;
}

function human(f: Fit, top: number, path: string): string {
  const { history, result: r } = f;
  const ids = history.ids;
  const lambda = r.lambda;
  const rowSum = new Float64Array(r.n);
  const best: Array<Array<{ to: string; p: number }>> = Array.from({ length: r.n }, () => []);
  const position = new Map(ids.map((id, i) => [id, i]));
  for (const l of f.links) {
    const i = position.get(l.from) as number;
    rowSum[i] += l.probability;
    best[i].push({ to: l.to, p: l.probability });
  }
  let out = renderSummary([
    [
      "History",
      `${plural(Math.round(r.customers), "customer")} in ${plural(history.records, history.periods.length ? "period" : "record")} from '${path}'`,
    ],
    [
      "Log-likelihood",
      `${formatNumber(r.logLikelihood, 2)} after ${plural(r.iterations, "iteration")} (${r.converged ? "converged" : "not converged"})`,
    ],
    [
      "No-purchase share",
      r.noPurchaseEstimated
        ? `${formatPercent(r.noPurchaseShare)} of customers want none of the products`
        : "not estimable from sales alone (set to 0)",
    ],
    ...(Number.isFinite(r.arrivalRate)
      ? [
          ["Customers per period", `${formatNumber(r.arrivalRate, 1)} who want a product (per unit of exposure)`] as [
            string,
            string,
          ],
        ]
      : []),
  ]);
  const unknown = new Set(r.diagnostics.unidentifiedRows);
  const neverOffered = new Set(r.diagnostics.neverOffered);
  const columns: Column<number>[] = [
    { header: "id", align: "left", cell: (i) => ids[i], maxWidth: 24 },
    {
      header: "demand share",
      align: "right",
      cell: (i) => (neverOffered.has(i) ? "not estimable" : formatPercent(lambda[i], 2)),
    },
    // What to put in the Demand column, scaled from this history to the season's traffic.
    {
      header: "first choice",
      align: "right",
      cell: (i) => (neverOffered.has(i) ? "-" : formatNumber(lambda[i] * r.customers, 1)),
    },
    { header: "substitutes", align: "right", cell: (i) => (unknown.has(i) ? "unknown" : formatPercent(rowSum[i], 1)) },
    {
      header: "main substitutes",
      align: "left",
      cell: (i) =>
        best[i]
          .filter((s) => s.p >= 0.005)
          .sort((a, b) => b.p - a.p)
          .slice(0, 3)
          .map((s) => `${s.to} ${formatPercent(s.p, 0)}`)
          .join(", "),
    },
  ];
  const { rows, truncated } = chooseRows(
    ids.map((_, i) => i),
    top,
    (i) => lambda[i],
  );
  out += "\n" + renderTable(columns, rows);
  out += "\ndemand share: share of arriving customers whose first choice it is; first choice: how many customers of\n";
  out += "this history that is (scale it to a season for the Demand column); substitutes: share of those who accept\n";
  out += "another product when it is missing (the rest leave).\n";
  if (truncated)
    out += `Showing the ${rows.length} products with the largest demand share; --top all shows every one.\n`;
  const pasted = pasteable(f.links);
  out += `\nSubstitution (${plural(pasted.length, "link")} of probability ${f.minProbability} or more, rounded down to 4 decimals so that every row lets some customers leave; paste as the Substitution range):\n`;
  out += "From,To,Probability\n";
  for (const l of pasted) out += `${csvField(l.from)},${csvField(l.to)},${l.units / 1e4}\n`;
  return out;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function json(f: Fit): string {
  const r = f.result;
  return toJson({
    noPurchaseShare: r.noPurchaseShare,
    // A product never offered has no estimable share: null, not the 0 the fit holds it at.
    products: f.history.ids.map((id, i) => ({
      id,
      demandShare: r.diagnostics.neverOffered.includes(i) ? null : r.lambda[i],
    })),
    substitution: f.links,
    logLikelihood: r.logLikelihood,
    iterations: r.iterations,
    converged: r.converged,
    customers: r.customers,
    ...(Number.isFinite(r.arrivalRate) ? { customersPerPeriod: r.arrivalRate } : {}),
    warnings: f.warnings,
  });
}

export const fitCommand: Command = {
  name: "fit",
  summary: "estimate demand shares and substitution from sales history (EM)",
  usage: "assort fit <history.csv|history.json|book.xlsx> [--products products.csv|instance.json] [options]",
  description: [
    "Estimates, by expectation-maximisation (Şimşek and Topaloglu), the share of customers whose first choice",
    "is each product, the share who want none of them, and where customers go when their product is missing.",
    "",
    "History CSV: one row per customer, columns Offered (the ids available to her, separated by semicolons)",
    "and Purchased (the id she bought; blank = no purchase); an optional Count column stands for that many",
    'identical customers. History JSON: a list of {"offered": [ids], "purchased": id|null}, or',
    '{"periods": [{"available": [ids], "sales": {id: units}, "customers": n}]} (customers optional: without',
    "it, arrivals are taken as Poisson and the no-purchase share cannot be estimated). A CSV with columns",
    "Period, Product, Available, Sales[, Customers] (one row per period and product) is read the same way.",
    "A workbook is read from its History sheet (either layout); its Products sheet, if any, lists the products.",
    "With --products, every id must be one of its products (an instance JSON or a CSV with a Product column).",
  ].join("\n"),
  options: [
    {
      name: "products",
      value: "file",
      description: "the products the history must refer to (instance.json or products.csv)",
    },
    {
      name: "links",
      value: "file",
      description:
        "estimate only these From, To links (an instance's substitution, or a CSV with From and To); others stay 0",
    },
    {
      name: "max-iterations",
      value: "N",
      description: `stop EM after N iterations (default ${DEFAULT_MAX_ITERATIONS})`,
    },
    {
      name: "time-limit",
      value: "SECONDS",
      description: `stop EM after this long and keep the best estimate so far, marked unconverged (default ${DEFAULT_TIME_LIMIT_S})`,
    },
    {
      name: "tolerance",
      value: "T",
      description: `converged when the log-likelihood per customer gains less than T (default ${DEFAULT_TOLERANCE})`,
    },
    {
      name: "min-probability",
      value: "P",
      description: `leave out substitution links below P (default ${DEFAULT_MIN_PROBABILITY})`,
    },
    TOP_OPTION,
    JSON_OPTION,
    HELP_OPTION,
  ],
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const [historyPath] = expectPositionals(args, ["<history.csv|history.json|book.xlsx>"], "fit");
    const maxIterations =
      integerOption(args, "max-iterations", "fit", { min: 1, max: 10_000_000, what: "number of iterations" }) ??
      DEFAULT_MAX_ITERATIONS;
    const tolerance = decimalOption(args, "tolerance", "fit", { min: 0, what: "tolerance" }) ?? DEFAULT_TOLERANCE;
    const limit =
      integerOption(args, "time-limit", "fit", { min: 1, max: 86400, what: "time limit in seconds" }) ??
      DEFAULT_TIME_LIMIT_S;
    const minProbability =
      decimalOption(args, "min-probability", "fit", { min: 0, max: 1, what: "probability" }) ?? DEFAULT_MIN_PROBABILITY;
    const top = topOption(args, "fit");
    const productsPath = stringOption(args, "products");
    const productIds = productsPath === undefined ? undefined : loadProductIds(io, productsPath);
    const history = isWorkbookPath(historyPath)
      ? await loadWorkbookHistory(io, historyPath, productIds)
      : loadHistory(io, historyPath, productIds);
    const linksPath = stringOption(args, "links");
    const support = linksPath === undefined ? undefined : loadLinks(io, linksPath, history.ids);
    const result = fitMarkovChain(history.ids.length, history.transactions, history.periods, {
      maxIterations,
      tolerance,
      support,
      timeLimitMs: limit * 1000,
    });
    const links = result.links
      .filter((l) => l.probability >= minProbability && l.probability > 0)
      .map((l) => ({ from: history.ids[l.from], to: history.ids[l.to], probability: l.probability }));
    const fit: Fit = { history, result, links, warnings: fitWarnings(history.ids, result), minProbability };
    if (args.options.has("json")) io.stdout(json(fit));
    else {
      for (const w of fit.warnings) io.stderr(`warning: ${w.message}\n`);
      io.stdout(human(fit, top, historyPath));
    }
    return EXIT_OK;
  },
};
