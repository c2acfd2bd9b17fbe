// Renders the result summary and the comparison of two kept plans.

import type { PlanRecord } from "../excel/scenarios";
import { comparePlans, type PlanChange } from "./comparePlans";
import { byId, element, type ValueElement } from "./dom";
import type { SummaryLine } from "./resultSummary";

/** Changed products listed per group; the rest are counted. */
const SHOWN_CHANGES = 12;

export function renderSummary(lines: SummaryLine[]): void {
  const dl = byId("summary");
  dl.replaceChildren();
  for (const l of lines) {
    const dd = element("dd", l.value);
    if (l.note) dd.append(element("small", l.note));
    dl.append(element("dt", l.label), dd);
  }
  byId("result").hidden = false;
}

/**
 * Fills a Fluent select with the kept plans and chooses one. The select takes in new options on its slot's
 * change event, after this task; a value set before then falls back to the first option, hence the wait.
 */
export async function fillPlanSelect(id: string, plans: PlanRecord[], preferred: string | undefined): Promise<void> {
  const select = byId<ValueElement>(id);
  select.replaceChildren(
    ...plans.map((p) => {
      const o = element("fluent-option" as "option", `${p.name} (${p.time.slice(0, 16).replace("T", " ")})`);
      o.setAttribute("value", p.name);
      return o;
    }),
  );
  const want = plans.find((p) => p.name === preferred)?.name ?? plans[0]?.name ?? "";
  await new Promise((resolve) => setTimeout(resolve, 0));
  select.value = want;
}

function changeList(title: string, changes: PlanChange[]): HTMLElement[] {
  if (changes.length === 0) return [];
  const list = element("ul");
  list.setAttribute("aria-label", title);
  for (const c of changes.slice(0, SHOWN_CHANGES))
    list.append(element("li", `${c.id}: ${c.before} → ${c.after} units`));
  if (changes.length > SHOWN_CHANGES) list.append(element("li", `and ${changes.length - SHOWN_CHANGES} more`));
  return [element("p", `${title} (${changes.length})`), list];
}

export function renderComparison(a: PlanRecord | undefined, b: PlanRecord | undefined): void {
  const table = byId<HTMLTableElement>("compare-table");
  const changes = byId("changes");
  table.replaceChildren();
  changes.replaceChildren();
  if (!a || !b) {
    changes.append(element("p", "Run Optimize twice, or keep a plan, to compare."));
    return;
  }
  const c = comparePlans(a, b);
  const head = element("tr");
  for (const h of ["", "A", "B", "B − A"]) {
    const th = element("th", h);
    th.setAttribute("scope", "col");
    head.append(th);
  }
  table.append(head);
  for (const r of c.rows) {
    const tr = element("tr");
    const th = element("th", r.label);
    th.setAttribute("scope", "row");
    tr.append(th, element("td", r.a), element("td", r.b), element("td", r.difference));
    table.append(tr);
  }
  const total = c.added.length + c.dropped.length + c.changed.length;
  changes.append(
    element("p", total === 0 ? "The same products and units in both plans." : `${total} products changed:`),
  );
  changes.append(
    ...changeList("Added in B", c.added),
    ...changeList("Dropped in B", c.dropped),
    ...changeList("Different units", c.changed),
  );
}
