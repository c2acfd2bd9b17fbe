// Where the current range breaks the instance's rules, in words: it is compared with the recommendation all
// the same (what it costs to keep breaking a rule is worth knowing), but the reader must be told.

import { listNames } from "../text/format";
import type { Model } from "../model/instance";
import { usage } from "../model/planLimits";

function money(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function currentBreaks(model: Model, current: ArrayLike<number>): string[] {
  const out: string[] = [];
  const u = usage(model, current);
  const { budget, capacity, maxProducts } = model.constraints;
  const over = (used: number, limit: number) => used > limit * (1 + 1e-9) + 1e-9;
  if (budget !== null && over(u.spend, budget))
    out.push(`over the budget by ${money(u.spend - budget)} (buys ${money(u.spend)} against ${money(budget)})`);
  if (capacity !== null && over(u.space, capacity))
    out.push(`over the capacity by ${money(u.space - capacity)} (takes ${money(u.space)} against ${money(capacity)})`);
  if (maxProducts !== null && u.carried > maxProducts)
    out.push(`carries ${u.carried} products, above maxProducts ${maxProducts}`);
  const excluded: string[] = [];
  const missing: string[] = [];
  const outside: string[] = [];
  for (let i = 0; i < model.n; i++) {
    const x = current[i];
    if (x > 0 && model.exclude[i]) excluded.push(`'${model.ids[i]}'`);
    if (x === 0 && model.mustOffer[i]) missing.push(`'${model.ids[i]}'`);
    if (x > 0 && !model.exclude[i]) {
      const pack = model.packSize[i];
      if (x < model.minQty[i] || x > model.maxQty[i] || x % pack !== 0) outside.push(`'${model.ids[i]}'`);
    }
  }
  if (excluded.length) out.push(`carries excluded ${listNames(excluded)}`);
  if (missing.length) out.push(`leaves out must-offer ${listNames(missing)}`);
  if (outside.length) out.push(`buys ${listNames(outside)} outside their min, max or pack size`);
  return out;
}
