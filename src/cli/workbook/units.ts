// The plan a user typed into a workbook, for `assort evaluate book.xlsx`: the Units column of Products when
// there is one (the add-in's EVALUATE reads it the same way), else the Units column of an "Assort plan"
// sheet that assort plan wrote and the user may have edited; `from` picks one of the two explicitly.

import type { Workbook } from "exceljs";
import { readUnits } from "../../sheet/units";
import { blockEnd, blockOrigin, columnLetter, parseBlock } from "../../sheet/address";
import { InputProblems } from "../errors";
import { usedBlock } from "./cells";
import { placeAddress, readPlace, relabel, type InputPlace, type WorkbookInputs } from "./inputs";
import { PLAN_SHEET } from "../../sheet/planSheet";
import { tablesOf } from "./tables";

export interface WorkbookUnits {
  units: Int32Array;
  /** Where they were read, for the output: "the Units column of Products (Products!G2:G11)". */
  source: string;
}

export type UnitsSource = "products" | "plan";

export function readWorkbookUnits(
  wb: Workbook,
  inputs: WorkbookInputs,
  path: string,
  from?: UnitsSource,
): WorkbookUnits {
  const { products } = inputs.sheet;
  const ids = inputs.sheet.model.ids;
  const fail = (messages: string[]) => {
    throw new InputProblems(
      path,
      "workbook",
      messages.map((message) => ({ section: "plan" as const, message })),
    );
  };
  const productsPlace = inputs.places.Products as InputPlace;
  if (from === "products" && !products.units) {
    fail([
      `${productsPlace.sheet} has no Units column; add one (one whole number per product) or evaluate the '${PLAN_SHEET}' sheet with --units plan.`,
    ]);
  }
  if (products.units && from !== "plan") {
    const reading = readUnits(null, products, ids);
    if (reading.problems.length > 0) fail(reading.problems.map((p) => relabel(p.message, productsPlace)));
    const col = blockOrigin(productsPlace.block).column + (products.columns.units?.index ?? 0);
    const letter = columnLetter(col);
    return {
      units: reading.units,
      source: `the ${products.columnTitle("units")} column of ${productsPlace.sheet} (${letter}${products.headerRow + 1}:${letter}${blockEnd(productsPlace.block).row})`,
    };
  }
  const ws = wb.worksheets.find((w) => w.name.toLowerCase() === PLAN_SHEET.toLowerCase());
  if (!ws && from === "plan")
    fail([`there is no '${PLAN_SHEET}' sheet; run assort plan first and evaluate the workbook it writes.`]);
  if (!ws) {
    fail([
      `no plan to evaluate: add a Units column to ${productsPlace.sheet} (one whole number per product), or run assort plan first and evaluate the workbook it writes (its '${PLAN_SHEET}' sheet has a Units column you can edit).`,
    ]);
  }
  const sheet = ws as NonNullable<typeof ws>;
  const table = tablesOf(sheet)[0];
  const tableBlock = table?.tableRef ? parseBlock(table.tableRef) : undefined;
  const place: InputPlace = {
    role: "Units",
    sheet: sheet.name,
    block: tableBlock ?? usedBlock(sheet),
    table: tableBlock ? table?.name : undefined,
  };
  const read = readPlace(wb, place);
  if (read.problems.length > 0) fail(read.problems);
  const reading = readUnits(read.cells, products, ids, blockOrigin(place.block));
  if (reading.problems.length > 0) fail(reading.problems.map((p) => relabel(p.message, place)));
  return { units: reading.units, source: `the Units column of '${PLAN_SHEET}' (${placeAddress(place)})` };
}
