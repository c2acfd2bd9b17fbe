/// <reference types="office-js" />
// Plans kept for comparison, in the workbook's settings: the latest run ("Current plan") and named scenarios
// (the previous run is kept automatically as "Previous run"). A record holds the figures a comparison shows
// and the units of the products carried, not the whole table, so settings stay small.

export const SCENARIOS_KEY = "assort.scenarios";
export const CURRENT = "Current plan";
export const PREVIOUS = "Previous run";
/** Named scenarios kept besides the current and previous plans; the oldest go first. */
export const MAX_NAMED = 8;

export interface PlanRecord {
  name: string;
  /** ISO time of the run. */
  time: string;
  profit: number;
  /** Half-width of the 95% interval. */
  interval: number;
  bound: number;
  carried: number;
  units: number;
  purchaseCost: number;
  /** Units of each product carried (absent: not carried). */
  plan: Record<string, number>;
}

function isRecord(v: unknown): v is PlanRecord {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.name === "string" && typeof r.profit === "number" && typeof r.plan === "object" && r.plan !== null;
}

export async function loadScenarios(context: Excel.RequestContext): Promise<PlanRecord[]> {
  const item = context.workbook.settings.getItemOrNullObject(SCENARIOS_KEY);
  item.load("isNullObject, value");
  await context.sync();
  if (item.isNullObject) return [];
  try {
    const v: unknown = typeof item.value === "string" ? JSON.parse(item.value) : item.value;
    return Array.isArray(v) ? v.filter(isRecord) : [];
  } catch {
    return [];
  }
}

/** The list after a new run: the old current plan becomes the previous run. */
export function withNewPlan(list: PlanRecord[], plan: PlanRecord): PlanRecord[] {
  const current = list.find((r) => r.name === CURRENT);
  const named = list.filter((r) => r.name !== CURRENT && r.name !== PREVIOUS);
  const out = [{ ...plan, name: CURRENT }];
  if (current) out.push({ ...current, name: PREVIOUS });
  else {
    const previous = list.find((r) => r.name === PREVIOUS);
    if (previous) out.push(previous);
  }
  return [...out, ...named];
}

/** The list after keeping the current plan under a name (replacing a scenario of that name). */
export function withNamed(list: PlanRecord[], name: string): PlanRecord[] {
  const current = list.find((r) => r.name === CURRENT);
  if (!current) return list;
  const named = list.filter((r) => r.name !== CURRENT && r.name !== PREVIOUS && r.name !== name);
  const fixed = list.filter((r) => r.name === CURRENT || r.name === PREVIOUS);
  return [...fixed, { ...current, name }, ...named].slice(0, fixed.length + MAX_NAMED);
}

export async function saveScenarios(context: Excel.RequestContext, list: PlanRecord[]): Promise<void> {
  context.workbook.settings.add(SCENARIOS_KEY, JSON.stringify(list));
  await context.sync();
}
