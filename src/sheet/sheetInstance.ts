// The three ranges a user hands to OPTIMIZE, EVALUATE and BOUND (Products, Substitution, Options), read
// into one validated engine Model, or one SheetInputError listing every problem with its cell.

import { InputError, checkRulesFeasible, validateInstance } from "../engine";
import type { InstanceInput, Model, Problem } from "../engine";
import type { Cells } from "./cells";
import { RANGE_ORIGIN, originOf } from "./address";
import { readOptions, type OptionsSheet } from "./options";
import { OWN_HEADERS } from "./planSheet/planColumns";
import { readProductExtras, type ProductExtras } from "./planSheet/productExtras";
import { readProducts, type ProductsSheet } from "./products";
import { relocateOptionProblem, relocateProductProblem, relocateSubstitutionProblem } from "./relocate";
import { SheetInputError, type SheetProblem } from "./sheetProblem";
import { readSubstitution, type SubstitutionSheet } from "./substitution";

export interface SheetInputs {
  products: Cells | null | undefined;
  substitution?: Cells | null;
  options?: Cells | null;
  /** Addresses of the ranges ("Sheet1!A1:F40"), when known, so messages give sheet rows and column letters. */
  addresses?: { products?: string | null; substitution?: string | null; options?: string | null };
  /** Also check that the plan rules can be met together (what OPTIMIZE needs; EVALUATE judges any plan). */
  checkRules?: boolean;
}

export interface SheetInstance {
  /** Plain JSON instance (what the worker receives). */
  input: InstanceInput;
  model: Model;
  products: ProductsSheet;
  substitution: SubstitutionSheet;
  options: OptionsSheet;
  /** The Products columns Assort does not read (Style, Colour...), which the plan sheet carries over. */
  productExtras: ProductExtras;
  /** Non-fatal remarks, located like problems. */
  warnings: string[];
}

function relocate(
  problems: Problem[],
  products: ProductsSheet,
  substitution: SubstitutionSheet,
  options: OptionsSheet,
): SheetProblem[] {
  const out: SheetProblem[] = [];
  for (const p of problems) {
    const s =
      p.section === "products"
        ? relocateProductProblem(p, products)
        : p.section === "substitution"
          ? relocateSubstitutionProblem(p, substitution)
          : p.section === "customers" || p.section === "constraints"
            ? relocateOptionProblem(p, options)
            : { range: "Products" as const, message: p.message };
    if (s) out.push(s);
  }
  return out;
}

const ORDER = { Products: 0, Substitution: 1, Options: 2, Units: 3, Available: 4, Weights: 5 };

/** Problems grouped by range, then by row, so a user can work down the sheet. */
export function sortProblems(problems: SheetProblem[]): SheetProblem[] {
  return problems
    .map((p, k) => ({ p, k }))
    .sort((a, b) => ORDER[a.p.range] - ORDER[b.p.range] || (a.p.row ?? 0) - (b.p.row ?? 0) || a.k - b.k)
    .map((x) => x.p);
}

/** The ranges read but not yet validated as a whole: what the counts and the located messages come from. */
export interface SheetParts {
  input: InstanceInput;
  /** The user's other Products columns, carried over to the plan sheet. */
  productExtras: ProductExtras;
  products: ProductsSheet;
  substitution: SubstitutionSheet;
  options: OptionsSheet;
}

export function readSheetParts(inputs: SheetInputs): SheetParts {
  const at = inputs.addresses ?? {};
  const productsOrigin = originOf(at.products);
  const products = readProducts(inputs.products, { origin: productsOrigin });
  const ids = products.rows.map((r) => r.id).filter((id): id is string => id !== undefined);
  const subOrigin = originOf(at.substitution);
  const substitution = readSubstitution(inputs.substitution, ids, subOrigin ?? RANGE_ORIGIN, subOrigin !== undefined);
  const options = readOptions(inputs.options, originOf(at.options));
  const input: InstanceInput = { products: products.products };
  if (substitution.links.length > 0) input.substitution = substitution.links;
  if (options.customers) input.customers = options.customers;
  if (options.constraints) input.constraints = options.constraints;
  return { input, products, substitution, options, productExtras: readProductExtras(inputs.products, OWN_HEADERS) };
}

export function readSheetInstance(inputs: SheetInputs): SheetInstance {
  return sheetInstanceOf(readSheetParts(inputs), inputs.checkRules === true);
}

/** Validates the parts as one instance (the one validation of a run); throws SheetInputError. */
export function sheetInstanceOf(parts: SheetParts, checkRules: boolean): SheetInstance {
  const { input, products, substitution, options } = parts;
  const problems: SheetProblem[] = [...products.problems, ...substitution.problems, ...options.problems];
  let model: Model | undefined;
  // With no readable product there is nothing for the engine to check beyond what was reported.
  if (products.products.length > 0 || problems.length === 0) {
    try {
      model = validateInstance(input);
      if (checkRules) checkRulesFeasible(model);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...relocate(err.problems, products, substitution, options));
    }
  }
  if (problems.length > 0 || model === undefined) {
    throw new SheetInputError(
      sortProblems(problems.length > 0 ? problems : [{ range: "Products", message: "Products: no products to read." }]),
    );
  }
  const warnings = relocate(model.warnings, products, substitution, options).map((w) => w.message);
  return { input, model, products, substitution, options, productExtras: parts.productExtras, warnings };
}
