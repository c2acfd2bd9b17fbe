// Engine problems say "Product Tee-42, price: ..." or "Substitution entry 5: ..."; a user needs the row and
// column of the range they typed. These rewrite each engine Problem with the place its value came from,
// keeping the engine's explanation of what is wrong and what is allowed.

import type { Problem } from "../engine";
import type { OptionKey, OptionsSheet } from "./options";
import type { ProductField } from "./productColumns";
import type { ProductsSheet } from "./products";
import { place, type SheetProblem } from "./sheetProblem";
import type { SubstitutionSheet } from "./substitution";

const ENGINE_FIELD_NAMES = [
  "minQty",
  "maxQty",
  "packSize",
  "mustOffer",
  "exclude",
  "salvage",
  "size",
  "price",
  "cost",
  "demand",
  "currentUnits",
  "lock",
] as const;

/** Strips the engine's own label ("Product X, price: " or "Product X: ") from a message. */
function withoutLabel(message: string, labels: string[], field: string | undefined): string {
  for (const label of labels) {
    if (field !== undefined && message.startsWith(`${label}, ${field}: `))
      return message.slice(label.length + field.length + 4);
    if (message.startsWith(`${label}: `)) return message.slice(label.length + 2);
  }
  return message;
}

/** "minQty 5 is above maxQty 3" → "Min 5 is above Max 3" with the user's own headers. */
function userFieldNames(text: string, sheet: ProductsSheet): string {
  let out = text;
  for (const f of ENGINE_FIELD_NAMES) {
    // Engine names that read as code (minQty) or as a flag (exclude); "price" and "cost" stay plain words.
    if (!sheet.columns[f] || !(/[A-Z]/.test(f) || f === "exclude" || f === "lock")) continue;
    out = out.replace(new RegExp(`\\b${f}\\b`, "g"), sheet.columnTitle(f));
  }
  return out;
}

export function relocateProductProblem(p: Problem, sheet: ProductsSheet): SheetProblem | null {
  const field = p.field as ProductField | undefined;
  // A missing column was reported once already; the engine would repeat it for every product.
  if (field !== undefined && field !== "id" && p.index !== undefined && !sheet.columns[field]) return null;
  if (p.index === undefined || p.index >= sheet.rows.length) {
    let message = userFieldNames(p.message, sheet);
    if (p.products && p.field) {
      const rows = p.products.map((id) => sheet.rows.find((r) => r.id === id)?.row).filter((r) => r !== undefined);
      if (rows.length > 0) message += ` (rows ${rows.slice(0, 8).join(", ")}${rows.length > 8 ? ", ..." : ""})`;
    }
    return { range: "Products", column: field ? sheet.columnTitle(field) : undefined, message };
  }
  const i = p.index;
  if (field !== undefined && sheet.reported.has(`${i}/${field}`)) return null;
  const row = sheet.rows[i];
  const id = row.id ?? p.productId;
  let rest = withoutLabel(
    p.message,
    [`Product ${id}`, `Product '${id}'`, `Plan, product '${id}'`, `Product #${i + 1}`],
    field,
  );
  if (field !== undefined && sheet.blank.has(`${i}/${field}`)) rest = rest.replace(/^missing;/, "blank;");
  rest = rest.replace(/\bproduct #(\d+)/g, (m, k) =>
    sheet.rows[Number(k) - 1] ? `row ${sheet.rows[Number(k) - 1].row}` : m,
  );
  rest = userFieldNames(rest, sheet);
  const column = field !== undefined && (sheet.columns[field] || field === "id") ? sheet.columnTitle(field) : undefined;
  return {
    range: "Products",
    row: row.row,
    column,
    productId: id,
    message: `${place("Products", row.row, id, column)}: ${rest}`,
  };
}

export function relocateSubstitutionProblem(p: Problem, sheet: SubstitutionSheet): SheetProblem {
  if (p.index === undefined || p.index >= sheet.places.length) {
    const from = /^Substitution from '(.*?)': /.exec(p.message);
    const row = from ? sheet.rowOfId.get(from[1]) : undefined;
    if (from && row !== undefined) {
      return {
        range: "Substitution",
        row,
        productId: from[1],
        message: `${place("Substitution", row, from[1])}: ${p.message.slice(from[0].length)}`,
      };
    }
    return { range: "Substitution", message: p.message };
  }
  const at = sheet.places[p.index];
  let rest = withoutLabel(p.message, [`Substitution entry ${p.index + 1}`], p.field);
  rest = rest.replace(/^'(from|to)' /, "");
  rest = rest.replace(/\bentry (\d+)\b/g, (m, k) =>
    sheet.places[Number(k) - 1] ? `row ${sheet.places[Number(k) - 1].row}` : m,
  );
  if (p.field === "probability") rest = rest.replace(/^missing;/, "blank;");
  const column =
    p.field === "from" ? (at.fromColumn ?? at.column) : p.field === "to" ? (at.toColumn ?? at.column) : at.column;
  return {
    range: "Substitution",
    row: at.row,
    column,
    productId: at.productId,
    message: `${place("Substitution", at.row, at.productId, column)}: ${rest}`,
  };
}

const OPTION_OF_FIELD: Record<string, OptionKey> = {
  distribution: "customers",
  cv: "cv",
  budget: "budget",
  capacity: "capacity",
  maxProducts: "maxProducts",
  maxChanges: "maxChanges",
};

export function relocateOptionProblem(p: Problem, sheet: OptionsSheet): SheetProblem {
  const key = p.field === undefined ? undefined : OPTION_OF_FIELD[p.field];
  const where = key === undefined ? undefined : (sheet.rows[key] ?? (key === "cv" ? sheet.rows.customers : undefined));
  const label = p.section === "customers" ? "Customers" : "Constraints";
  if (where === undefined)
    return { range: "Options", message: `Options: ${withoutLabel(p.message, [label], p.field)}` };
  const rest = withoutLabel(p.message, [label], p.field);
  return {
    range: "Options",
    row: where.row,
    column: where.name,
    message: `Options row ${where.row} (${where.name}): ${rest}`,
  };
}
