/// <reference types="office-js" />
// Which cells of the plan sheet the last run wrote (table, summary, stamp), saved in the workbook's settings,
// so the next run may replace exactly those and treats anything else that is not empty as the user's.

export const LAYOUT_KEY = "assort.planLayout";

export async function loadPlanLayout(context: Excel.RequestContext): Promise<string[]> {
  const item = context.workbook.settings.getItemOrNullObject(LAYOUT_KEY);
  item.load("isNullObject, value");
  await context.sync();
  if (item.isNullObject) return [];
  try {
    const v: unknown = typeof item.value === "string" ? JSON.parse(item.value) : item.value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function savePlanLayout(context: Excel.RequestContext, blocks: string[]): void {
  context.workbook.settings.add(LAYOUT_KEY, JSON.stringify(blocks));
}
