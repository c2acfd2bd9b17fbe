// A decision and a reason per product, in words a merchandiser can act on: why a product is carried (and
// why this many), or why it is not (excluded, price below cost, its customers are served by substitutes,
// too few customers for a unit to pay, or a limit that binds).

import type { Model } from "../model/instance";
import type { DecisionCode, ProductDecision } from "./optimizeTypes";
import { usage } from "../model/planLimits";
import type { SimulationResult } from "../simulate/simulate";
import type { UnitValues } from "../simulate/sampledSeasons";
import { whereDemandGoes } from "./whereDemandGoes";
import { actionOf } from "../compare/actions";
import { actionHead, dropReason, quantityReason } from "../compare/actionReasons";
import { listNames } from "../text/format";

function round1(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function names(model: Model, list: number[]): string {
  return listNames(list.map((j) => model.ids[j]));
}

/** Which limit binds the plan (used ≥ 98%), if any, in the order a merchandiser thinks of them. */
function bindingLimit(model: Model, units: ArrayLike<number>): "budget" | "capacity" | "maxProducts" | null {
  const u = usage(model, units);
  const { budget, capacity, maxProducts } = model.constraints;
  if (maxProducts !== null && u.carried >= maxProducts) return "maxProducts";
  if (budget !== null && u.spend >= 0.98 * budget) return "budget";
  if (capacity !== null && u.space >= 0.98 * capacity) return "capacity";
  return null;
}

/**
 * With a current range, each product also gets its action (Keep, Add, Drop, More, Fewer) and a reason that
 * says why this many units; `values` (one-unit values on a sample of seasons) lets it say why not one more.
 */
export function decisions(
  model: Model,
  units: ArrayLike<number>,
  evaluation: SimulationResult,
  values?: UnitValues,
): ProductDecision[] {
  const n = model.n;
  const p = evaluation.products;
  const available = new Uint8Array(n);
  for (let i = 0; i < n; i++) available[i] = units[i] > 0 ? 1 : 0;
  const limit = bindingLimit(model, units);
  const current = model.currentUnits;
  // For dropped products: where their customers go; for carried ones: whom they absorb.
  const transfer = new Map<number, ReturnType<typeof whereDemandGoes>>();
  const absorbs = new Map<number, { from: number; customers: number }[]>();
  for (let i = 0; i < n; i++) {
    if (available[i] || model.demand[i] <= 0) continue;
    const t = whereDemandGoes(model, available, i);
    transfer.set(i, t);
    for (const [j, share] of t.buys) {
      const customers = share * model.demand[i];
      if (customers < 0.05) continue;
      const list = absorbs.get(j) ?? [];
      list.push({ from: i, customers });
      absorbs.set(j, list);
    }
  }
  const out: ProductDecision[] = [];
  for (let i = 0; i < n; i++) {
    const x = units[i];
    let code: DecisionCode;
    let reason: string;
    if (x > 0) {
      const risk = p.stockoutProbability[i];
      const parts = [`${x} units for ${round1(p.expectedSales[i])} expected sales`];
      if (p.substitutionInflow[i] >= 0.05) parts[0] += ` (${round1(p.substitutionInflow[i])} via substitution)`;
      parts.push(`${percent(risk)} chance of selling out`);
      const from = (absorbs.get(i) ?? []).sort((a, b) => b.customers - a.customers);
      if (from.length > 0) {
        const top = from.slice(0, 3).map((f) => f.from);
        parts.push(
          `absorbs demand of dropped ${names(model, top)}${from.length > 3 ? ` and ${from.length - 3} more` : ""}`,
        );
      }
      code = model.mustOffer[i] ? "mustOffer" : "carried";
      reason = (model.mustOffer[i] ? "Core item (must offer): " : "Carried: ") + parts.join("; ") + ".";
      if (current !== null) {
        const action = actionOf(current[i], x);
        const now = action === "More" || action === "Fewer" ? `, ${current[i]} now` : "";
        parts[0] = parts[0].replace(/^\d+ units for /, "");
        reason =
          `${actionHead(action, current[i], x)}: ${quantityReason(model, units, values, i).replace(/^(\d+ units?)/, `$1${now}`)}; ` +
          (model.mustOffer[i] ? "core item (must offer); " : "") +
          parts.join("; ") +
          ".";
      }
    } else if (model.exclude[i]) {
      code = "excluded";
      reason = "Not carried: marked Exclude.";
    } else if (model.price[i] <= model.cost[i]) {
      code = "lowMargin";
      reason = `Not carried: its price ${model.price[i]} does not cover its cost ${model.cost[i]}.`;
    } else {
      const t = transfer.get(i);
      const retained = t?.retained ?? 0;
      const top = t
        ? [...t.buys.entries()]
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, 2)
            .map(([j]) => j)
        : [];
      const served =
        top.length > 0 ? `its demand is served by ${names(model, top)}, ${percent(retained)} retained` : "";
      if (limit !== null && retained < 0.5) {
        code = limit;
        const what =
          limit === "budget" ? "the budget is" : limit === "capacity" ? "the space is" : "the product limit is";
        reason = `Not carried: ${what} used by products that earn more${served ? `; ${served}` : ""}.`;
      } else if (retained >= 0.3 && model.demand[i] > 0) {
        code = "pooled";
        reason = `Not carried: ${served}.`;
      } else {
        code = "lowVolume";
        const margin = model.price[i] - model.cost[i];
        reason =
          `Not carried: only ${round1(model.demand[i])} customers want it first, too few for its margin of ${round1(margin)} to pay for the units left over` +
          (served ? `; ${served}` : "") +
          ".";
      }
    }
    if (current !== null && x === 0) {
      const why = reason.replace(/^Not carried: /, "").replace(/\.$/, "");
      const action = actionOf(current[i], 0);
      reason =
        action === "Drop" && code !== "excluded" && code !== "lowMargin"
          ? `Drop: ${dropReason(model, units, i, why)}.`
          : `${actionHead(action, current[i], 0)}: ${why}.`;
    }
    const sales = p.expectedSales[i];
    out.push({
      id: model.ids[i],
      name: model.names[i],
      carry: x > 0,
      units: x,
      expectedSales: p.expectedSales[i],
      expectedLeftover: p.expectedLeftover[i],
      stockoutProbability: p.stockoutProbability[i],
      substitutionInflow: p.substitutionInflow[i],
      firstChoiceDemand: model.demand[i],
      code,
      reason,
      ...(current !== null ? { action: actionOf(current[i], x), currentUnits: current[i] } : {}),
      expectedRevenue: model.price[i] * sales,
      profitContribution: model.price[i] * sales + model.salvage[i] * (x - sales) - model.cost[i] * x,
      lostCustomers: p.lostFirstChoice[i],
      fillRate: p.fillRate[i],
      buyValue: model.cost[i] * x,
    });
  }
  return out;
}
