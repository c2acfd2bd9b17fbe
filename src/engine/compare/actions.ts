// What to do with each product relative to the current range: Keep, Add, Drop, More (+k), Fewer (−k).

import type { Model } from "../model/instance";
import { ACTIONS, type Action } from "./compareTypes";

export function actionOf(current: number, units: number): Action {
  if (current === units) return "Keep";
  if (current === 0) return "Add";
  if (units === 0) return "Drop";
  return units > current ? "More" : "Fewer";
}

/** The action per product (null without a current range). */
export function actions(model: Model, units: ArrayLike<number>): Action[] | null {
  const current = model.currentUnits;
  if (current === null) return null;
  const out: Action[] = [];
  for (let i = 0; i < model.n; i++) out.push(actionOf(current[i], units[i]));
  return out;
}

/** How many products get each action. A product carried in neither plan counts as Keep (kept out). */
export function actionCounts(list: readonly Action[]): Record<Action, number> {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const a of list) counts[a]++;
  return counts;
}
