// Renders the inputs section: each input's address (or "not found"), the counts, and the problems, each a
// link that selects its cell.

import type { FoundInputs } from "../excel/inputs";
import type { Parameters } from "../excel/setup";
import { INPUT_KEYS } from "../excel/inputs";
import { byId, element } from "./dom";
import type { InputCheck } from "./inputCheck";

const SOURCE_WORDS = { saved: "chosen", table: "table", name: "named range", selection: "selection" } as const;

/** Problems listed in the pane; the rest are counted (the first ones are where to start). */
const SHOWN_PROBLEMS = 20;

export function renderAddresses(found: FoundInputs): void {
  for (const key of INPUT_KEYS) {
    const f = found[key];
    byId(`address-${key}`).textContent = f
      ? `${f.address} (${SOURCE_WORDS[f.source]}${f.totalsRowSkipped ? ", Totals row left out" : ""})`
      : key === "products"
        ? "not found"
        : "none";
    byId(`forget-${key}`).hidden = f?.source !== "saved";
  }
}

export function renderCheck(check: InputCheck, onSelect: (cell: string) => void): void {
  const n = check.problems.length;
  byId("check-summary").textContent =
    `${check.products.toLocaleString("en-US")} products, ${check.links.toLocaleString("en-US")} substitution links` +
    (n === 0 ? ". Ready to optimize." : `; ${n} problem${n === 1 ? "" : "s"} to fix:`);
  const list = byId("problems");
  list.replaceChildren();
  for (const p of check.problems.slice(0, SHOWN_PROBLEMS)) {
    const li = element("li");
    if (p.cell) {
      const cell = p.cell;
      const a = element("fluent-anchor" as "a", p.message);
      a.setAttribute("appearance", "hypertext");
      a.setAttribute("href", "#");
      a.setAttribute("title", `Select ${cell}`);
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        onSelect(cell);
      });
      li.append(a);
    } else li.textContent = p.message;
    list.append(li);
  }
  if (n > SHOWN_PROBLEMS) list.append(element("li", `and ${n - SHOWN_PROBLEMS} more`));
  for (const w of check.warnings.slice(0, SHOWN_PROBLEMS)) list.append(element("li", `Note: ${w}`));
}

/** Shows what each blank parameter field stands for (text fields: placeholder; selects: the blank choice). */
export function renderHints(hints: Parameters): void {
  for (const [key, hint] of Object.entries(hints)) {
    const field = byId(`p-${key}`);
    const blankChoice = field.querySelector("fluent-option[value='']");
    if (blankChoice) blankChoice.textContent = hint;
    else field.setAttribute("placeholder", hint);
  }
}
