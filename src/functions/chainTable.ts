// What =ASSORT.CHAIN spills. As FIT: the first three columns are the Substitution list (From, To,
// Probability, one link per row, nothing else below it) for OPTIMIZE as it is (TAKE(A1#,,3)). One blank
// column, then the summary in three columns: each product's first-choice share and, when Options give the
// customers, its Demand (share × customers) for the Products range; the no-purchase share; the route, the
// fidelity figures (mean, 95th percentile and worst total-variation distance on held-out ranges), the
// no-purchase share by range size under the model and the chain, the verdict, and any notes.

import { escapeCells } from "../sheet/escape";
import type { SheetChain } from "../sheet/chainSheet";
import { LIST_HEADER } from "./fitTable";

export const CHAIN_SHARES_HEADER = ["Product", "First-choice share", "Demand"];

export function chainTable(chain: SheetChain): unknown[][] {
  const list: unknown[][] = [LIST_HEADER, ...chain.links.map((l) => [l.from, l.to, l.probability])];
  const f = chain.fidelity;
  const summary: unknown[][] = [
    CHAIN_SHARES_HEADER,
    ...chain.products.map((p) => [p.id, p.share, p.demand ?? ""]),
    ["No purchase", chain.noPurchaseShare, ""],
    ["", "", ""],
    ["Model", chain.model, ""],
    [
      "Route",
      chain.route,
      chain.route === "exact"
        ? "the model is a chain"
        : chain.route === "fitted"
          ? `maximum likelihood on ${chain.fittedSets} offered sets`
          : "one-removal construction",
    ],
  ];
  if (f) {
    summary.push(
      ["Mean TV distance", f.meanTv, `on ${f.sets} ranges the chain was not fitted on`],
      ["95th percentile TV", f.p95Tv, ""],
      ["Worst TV", f.maxTv, ""],
      ["Verdict", f.verdict, ""],
      ["Range size", "No purchase, model", "No purchase, chain"],
      ...f.bySize.map((b) => [
        `${Math.round(100 * b.from)}–${Math.round(100 * b.to)}% offered`,
        b.modelNoPurchase,
        b.chainNoPurchase,
      ]),
    );
  }
  for (const note of chain.notes) summary.push(["Note", note, ""]);
  const height = Math.max(list.length, summary.length);
  const rows: unknown[][] = [];
  for (let r = 0; r < height; r++) rows.push([...(list[r] ?? ["", "", ""]), "", ...(summary[r] ?? ["", "", ""])]);
  return escapeCells(rows);
}
