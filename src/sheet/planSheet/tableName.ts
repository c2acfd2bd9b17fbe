// The plan table's name: AssortPlan, or AssortPlan_2, _3... when that name is taken. Table names are the
// workbook's (and Excel wants them unique among its tables and defined names, ignoring case): a user who kept
// an old plan on a renamed sheet keeps its table and its name, and the new plan takes the next free one.

export const PLAN_TABLE = "AssortPlan";

/** The k-th candidate, k = 1, 2, ...: AssortPlan, AssortPlan_2, AssortPlan_3. */
export function planTableName(k: number): string {
  return k <= 1 ? PLAN_TABLE : `${PLAN_TABLE}_${k}`;
}

/** The first candidate not taken; `taken` compares without case. */
export function freeTableName(taken: (name: string) => boolean): string {
  for (let k = 1; ; k++) {
    const name = planTableName(k);
    if (!taken(name)) return name;
  }
}
