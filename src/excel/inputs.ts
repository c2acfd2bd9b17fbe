// The three inputs the pane looks for, by the names users give them (an Excel table or a named range called
// Products, Substitution or Options) and as addresses saved in the workbook's settings.

export type InputKey = "products" | "substitution" | "options";

export const INPUT_KEYS: readonly InputKey[] = ["products", "substitution", "options"];

/** The table or name the pane looks for, and the title shown to users. */
export const INPUT_TITLES: Record<InputKey, string> = {
  products: "Products",
  substitution: "Substitution",
  options: "Options",
};

export type InputSource = "saved" | "table" | "name" | "selection";

export interface FoundInput {
  /** Full address with its sheet, e.g. "Products!A1:F301". */
  address: string;
  source: InputSource;
  /** The table's Totals row was left out (it is not a product). */
  totalsRowSkipped?: true;
}

export type FoundInputs = Partial<Record<InputKey, FoundInput>>;
