// The live check of the inputs shown under them: how many products and substitution links were read, and
// every problem with the cell it is about (so the pane can take the user there).

import { readSheetParts, sheetInstanceOf, type SheetInstance } from "../sheet/sheetInstance";
import { SheetInputError } from "../sheet/sheetProblem";
import type { InputKey } from "../excel/inputs";
import { problemCell } from "../excel/problemCell";
import type { RangeValues } from "../excel/readValues";

export interface ProblemLine {
  message: string;
  /** Address to select, when the problem names a cell. */
  cell?: string;
}

export interface InputCheck {
  products: number;
  links: number;
  problems: ProblemLine[];
  warnings: string[];
  /** Present when the inputs can be optimised. */
  sheet?: SheetInstance;
}

export type InputValues = Partial<Record<InputKey, RangeValues>>;

const RANGE_KEY = { Products: "products", Substitution: "substitution", Options: "options" } as const;

export function checkInputs(values: InputValues): InputCheck {
  const products = values.products;
  if (!products) {
    return {
      products: 0,
      links: 0,
      warnings: [],
      problems: [
        {
          message:
            "No Products found: name a table or range Products, select it and press Use selection, or insert the sample data.",
        },
      ],
    };
  }
  const addresses = {
    products: products.address,
    substitution: values.substitution?.address,
    options: values.options?.address,
  };
  // Read once: the counts come from the readers alone, so they show even while problems remain.
  const parts = readSheetParts({
    products: products.values,
    substitution: values.substitution?.values,
    options: values.options?.values,
    addresses,
  });
  const links = parts.substitution.links.length;
  try {
    const sheet = sheetInstanceOf(parts, true);
    return { products: sheet.model.n, links, problems: [], warnings: sheet.warnings, sheet };
  } catch (err) {
    if (!(err instanceof SheetInputError)) throw err;
    const problems = err.problems.map((p) => {
      const key = p.range in RANGE_KEY ? RANGE_KEY[p.range as keyof typeof RANGE_KEY] : undefined;
      const v = key ? values[key] : undefined;
      return { message: p.message, cell: v ? problemCell(p, v.address, v.values) : undefined };
    });
    return { products: parts.products.products.length, links, problems, warnings: [] };
  }
}
