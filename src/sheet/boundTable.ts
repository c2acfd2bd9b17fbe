// What ASSORT.BOUND spills: the bound first (so =INDEX(ASSORT.BOUND(...),1,2) is the number), what it assumes,
// then the fluid assortment that attains it, product by product.

import type { Model } from "../engine";
import { ceilingLines, describeBound, type SheetBound } from "./bound";
import { escapeCells } from "./escape";
import { blankRow, cellNumber, summaryRows } from "./summaryBlock";

export const BOUND_HEADER = ["Product", "Fluid sales", "First-choice demand", "Margin"];

export function boundTable(model: Model, bound: SheetBound): unknown[][] {
  const width = BOUND_HEADER.length;
  const { fluid } = bound;
  let offered = 0;
  let sold = 0;
  for (let i = 0; i < model.n; i++) {
    if (!fluid.offered[i]) continue;
    offered++;
    sold += fluid.sales[i];
  }
  const rows: unknown[][] = summaryRows(
    [
      ["Upper bound", cellNumber(bound.value), describeBound(bound)],
      ["Expected customers", cellNumber(model.totalDemand)],
      ["Fluid assortment", offered, `of ${model.n} products, selling ${cellNumber(Math.round(sold * 10) / 10)} units`],
      ...ceilingLines(bound),
    ],
    width,
  );
  rows.push(blankRow(width), BOUND_HEADER);
  for (let i = 0; i < model.n; i++) {
    if (!fluid.offered[i]) continue;
    const margin = model.price[i] - model.cost[i];
    rows.push([model.ids[i], cellNumber(fluid.sales[i]), cellNumber(model.demand[i]), cellNumber(margin)]);
  }
  return escapeCells(rows);
}
