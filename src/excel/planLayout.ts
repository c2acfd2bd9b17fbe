/// <reference types="office-js" />
// What the last run wrote on the plan sheet (its table's name, and the summary and stamp blocks), saved in the
// workbook's settings, so the next run may replace exactly those and treats anything else that is not empty
// as the user's.

export const LAYOUT_KEY = "assort.planLayout";

export interface PlanLayout {
  /** The plan table's name: AssortPlan, or AssortPlan_2... when a kept copy of an old plan holds that name. */
  table?: string;
  /** Addresses of the summary and stamp. */
  blocks: string[];
}

export function parsePlanLayout(raw: unknown): PlanLayout {
  let v = raw;
  try {
    if (typeof v === "string") v = JSON.parse(v);
  } catch {
    return { blocks: [] };
  }
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  // An earlier form was the list of blocks alone.
  if (Array.isArray(v)) return { blocks: strings(v) };
  if (typeof v !== "object" || v === null) return { blocks: [] };
  const o = v as { table?: unknown; blocks?: unknown };
  return { table: typeof o.table === "string" ? o.table : undefined, blocks: strings(o.blocks) };
}

export async function loadPlanLayout(context: Excel.RequestContext): Promise<PlanLayout> {
  const item = context.workbook.settings.getItemOrNullObject(LAYOUT_KEY);
  item.load("isNullObject, value");
  await context.sync();
  return item.isNullObject ? { blocks: [] } : parsePlanLayout(item.value);
}

export function savePlanLayout(context: Excel.RequestContext, layout: PlanLayout): void {
  context.workbook.settings.add(LAYOUT_KEY, JSON.stringify(layout));
}
