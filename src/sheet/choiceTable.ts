// What ASSORT.CHOICE spills: for the products a customer can buy, the probability she buys each (docs/model.md §3),
// and for those she cannot, where their customers go ("demand transference"): the share kept by substitutes
// and the substitute that gets most of it.

import { choiceProbabilities, whereDemandGoes } from "../engine";
import type { Model } from "../engine";
import { escapeCells } from "./escape";
import { blankRow, cellNumber, summaryRows } from "./summaryBlock";

export const CHOICE_HEADER = [
  "Product",
  "Available",
  "First-choice share",
  "Purchase probability",
  "Expected customers",
  "From substitution",
  "Kept if unavailable",
  "Mostly goes to",
];

export function choiceTable(model: Model, available: Uint8Array): unknown[][] {
  const width = CHOICE_HEADER.length;
  const total = model.totalDemand;
  const choice = choiceProbabilities(model.demand, model.substitution, available);
  const rows: unknown[][] = [CHOICE_HEADER];
  let lostShare = 0;
  let keptShare = 0;
  for (let i = 0; i < model.n; i++) {
    const lambda = total > 0 ? model.demand[i] / total : 0;
    if (available[i]) {
      const p = choice.purchase[i];
      rows.push([
        model.ids[i],
        true,
        cellNumber(lambda),
        cellNumber(p),
        cellNumber(total * p),
        cellNumber(p - lambda),
        "",
        "",
      ]);
      continue;
    }
    const t = whereDemandGoes(model, available, i);
    let top = -1;
    let topShare = 0;
    for (const [j, share] of t.buys) {
      if (share > topShare) {
        top = j;
        topShare = share;
      }
    }
    lostShare += lambda;
    keptShare += lambda * t.retained;
    rows.push([
      model.ids[i],
      false,
      cellNumber(lambda),
      0,
      0,
      "",
      cellNumber(t.retained),
      top >= 0 ? `${model.ids[top]} (${(100 * topShare).toFixed(1)}%)` : "",
    ]);
  }
  rows.push(
    blankRow(width),
    ...summaryRows(
      [
        ["Buy something", cellNumber(1 - choice.noPurchase)],
        ["Leave without buying", cellNumber(choice.noPurchase)],
        [
          "Unavailable demand kept",
          lostShare > 0 ? cellNumber(keptShare / lostShare) : "",
          lostShare > 0
            ? "share of the unavailable products' customers who buy a substitute"
            : "every product is available",
        ],
      ],
      width,
    ),
  );
  return escapeCells(rows);
}
