// The product ids of a Products range, for the outputs that need only the ids (SUBSTITUTION, FIT,
// SIMILARITY): the Product column, checked for blanks and duplicates, or a located SheetInputError.

import type { Cells } from "./cells";
import type { Origin } from "./address";
import { readProducts, type ProductsSheet } from "./products";
import { sortProblems } from "./sheetInstance";
import { SheetInputError, type SheetProblem } from "./sheetProblem";

export function readProductIds(
  products: Cells | null | undefined,
  origin: Origin | undefined,
): { ids: string[]; sheet: ProductsSheet } {
  const sheet = readProducts(products, { origin, require: ["id"] });
  const problems: SheetProblem[] = [...sheet.problems];
  const ids: string[] = [];
  const firstRow = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    if (r.id === undefined) {
      if (!sheet.reported.has(`${i}/id`))
        problems.push({
          range: "Products",
          row: r.row,
          message: `Products row ${r.row}: the product id is blank; give every product a unique id.`,
        });
    } else if (firstRow.has(r.id)) {
      problems.push({
        range: "Products",
        row: r.row,
        productId: r.id,
        message: `Products row ${r.row} (${r.id}): the id '${r.id}' is already used by row ${firstRow.get(r.id)}; ids must be unique.`,
      });
    } else firstRow.set(r.id, r.row);
    ids.push(r.id ?? "");
  });
  if (problems.length > 0) throw new SheetInputError(sortProblems(problems));
  if (ids.length === 0)
    throw new SheetInputError([{ range: "Products", message: "Products: no product rows below the header." }]);
  return { ids, sheet };
}
