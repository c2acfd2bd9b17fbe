// `assort chain book.xlsx`: the Model sheet (or an Excel table named Model) read by the same reader as
// =ASSORT.CHAIN and the pane (src/sheet/choiceModelSheet.ts), with the products (id, price, cost, salvage)
// from the Products sheet. Messages name the sheet and its own row numbers.

import type { ChoiceModelFile } from "../../engine";
import { blockOrigin } from "../../sheet/address";
import { modelFromRange } from "../../sheet/choiceModelSheet";
import { cellText, headerKey } from "../../sheet/history";
import { FileError, problemCount, problemLines } from "../errors";
import type { Io } from "../io";
import { readBlock } from "./cells";
import { readWorkbook } from "./file";
import { find } from "./history";

const MODEL_NAMES = ["model", "choicemodel"];
const PRODUCT_NAMES = ["products", "product"];
const ID_HEADERS = ["product", "id", "productid", "sku", "item"];
/** Product fields a chain's instance carries over from the Products sheet. */
const NUMBER_FIELDS = ["price", "cost", "salvage", "size"];
const PROBLEMS_SHOWN = 20;

function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  const t = cellText(v);
  return t === "" || !Number.isFinite(Number(t)) ? undefined : Number(t);
}

export async function loadWorkbookChoiceModel(io: Io, path: string, customers: number): Promise<ChoiceModelFile> {
  const { workbook } = await readWorkbook(io, path);
  const sheets = () => workbook.worksheets.map((ws) => `'${ws.name}'`).join(", ");
  const products = find(workbook, "Products", PRODUCT_NAMES);
  if (!products)
    throw new FileError(
      `the workbook '${path}' has no products: name the sheet that lists them 'Products' (Product, Price, Cost, …) or make it a table named Products; its sheets: ${sheets()}`,
    );
  const model = find(workbook, "Model", MODEL_NAMES);
  if (!model)
    throw new FileError(
      `the workbook '${path}' has no choice model: name its sheet 'Model' (Ranking and Weight columns, or Product and Weight for a logit) or make it a table named Model; its sheets: ${sheets()}`,
    );
  const cells = readBlock(products.ws, products.block).cells;
  const header = (cells[0] ?? []).map(headerKey);
  const idCol = header.findIndex((h) => ID_HEADERS.includes(h));
  if (idCol < 0)
    throw new FileError(
      `${products.label}: no Product (or Id) column in the header row ${blockOrigin(products.block).row}`,
    );
  const rows: Record<string, unknown>[] = [];
  for (let r = 1; r < cells.length; r++) {
    const id = cellText(cells[r][idCol]);
    if (id === "" || rows.some((p) => p.id === id)) continue;
    const p: Record<string, unknown> = { id };
    for (const f of NUMBER_FIELDS) {
      const c = header.indexOf(f);
      const x = c < 0 ? undefined : numberOf(cells[r][c]);
      if (x !== undefined) p[f] = x;
    }
    rows.push(p);
  }
  const ids = rows.map((p) => p.id as string);
  const top = blockOrigin(model.block).row;
  const read = modelFromRange(readBlock(model.ws, model.block).cells, ids, customers, {
    rowLabel: (r) => `${model.label} row ${top + r}`,
    rowNumber: (r) => top + r,
  });
  if (!read.file) {
    const lines = problemLines(
      read.problems.map((p) => p.message),
      PROBLEMS_SHOWN,
    );
    throw new FileError(`the workbook '${path}' has ${problemCount(read.problems.length)} in its Model:\n${lines}`);
  }
  return { ...read.file, products: rows as unknown as ChoiceModelFile["products"] };
}
