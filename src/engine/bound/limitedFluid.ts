// The fluid bound under a budget and a capacity (docs/model.md §4: "plan constraints tighten it").
// A fluid plan stocks its sales z, so the limits read Σ c_i z_i ≤ B and Σ size_i z_i ≤ C. Pricing them with
// multipliers λ, κ ≥ 0 gives, for every λ and κ, the valid bound
//   L(λ, κ) = F(p − c − λ·c − κ·size) + λ·B + κ·C,
// where F is the unconstrained fluid value with those margins (solveFluid). L is convex; we minimise it by
// golden-section searches, one multiplier at a time. Any point is a bound, so stopping early is safe.
// Rules that only shrink the feasible set further (maxProducts, mustOffer, minQty, maxQty, packs) are not
// priced: the bound stays valid, only looser, and the caller lists them.

import { solveFluid, type FluidSolution } from "./fluidBound";
import type { Model } from "../model/instance";

export interface LimitedFluid {
  /** The bound: L at the best multipliers found. */
  value: number;
  /** Fluid solution at those multipliers (its sales are the fluid plan). */
  fluid: FluidSolution;
  budgetPrice: number;
  capacityPrice: number;
  /** Rules of the model the bound does not price. */
  ignored: string[];
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

function allowedSet(model: Model): Uint8Array {
  const allowed = new Uint8Array(model.n);
  for (let i = 0; i < model.n; i++) allowed[i] = model.exclude[i] ? 0 : 1;
  return allowed;
}

export function ignoredByBound(model: Model): string[] {
  const out: string[] = [];
  const any = (test: (i: number) => boolean) => {
    for (let i = 0; i < model.n; i++) if (test(i)) return true;
    return false;
  };
  if (model.constraints.maxProducts !== null) out.push("maxProducts");
  if (any((i) => model.mustOffer[i] === 1)) out.push("mustOffer");
  if (any((i) => model.minQty[i] > 0)) out.push("minQty");
  if (any((i) => Number.isFinite(model.maxQty[i]))) out.push("maxQty");
  if (any((i) => model.packSize[i] > 1)) out.push("packSize");
  if (model.currentUnits !== null && any((i) => model.lock[i] === 1)) out.push("lock");
  if ((model.constraints.maxChanges ?? null) !== null) out.push("maxChanges");
  return out;
}

export function limitedFluid(model: Model, rounds = 3, evaluations = 36): LimitedFluid {
  const n = model.n;
  const allowed = allowedSet(model);
  const { budget, capacity } = model.constraints;
  const margin = new Float64Array(n);
  const evaluate = (lambda: number, kappa: number) => {
    for (let i = 0; i < n; i++)
      margin[i] = model.price[i] - model.cost[i] - lambda * model.cost[i] - kappa * model.size[i];
    const fluid = solveFluid(margin, model.demand, model.substitution, allowed);
    return { value: fluid.value + lambda * (budget ?? 0) + kappa * (capacity ?? 0), fluid };
  };
  let lambda = 0;
  let kappa = 0;
  let best = evaluate(0, 0);
  // Multipliers beyond max (p − c)/weight make every margin negative: L only grows past there.
  const ceiling = (weight: Float64Array) => {
    let top = 0;
    for (let i = 0; i < n; i++) if (weight[i] > 0) top = Math.max(top, (model.price[i] - model.cost[i]) / weight[i]);
    return top;
  };
  const search = (which: "budget" | "capacity") => {
    const hi0 = ceiling(which === "budget" ? model.cost : model.size);
    const at = (t: number) => (which === "budget" ? evaluate(t, kappa) : evaluate(lambda, t));
    let lo = 0;
    let hi = hi0;
    let a = hi - GOLDEN * (hi - lo);
    let b = lo + GOLDEN * (hi - lo);
    let fa = at(a);
    let fb = at(b);
    for (let e = 0; e < evaluations; e++) {
      if (fa.value <= fb.value) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - GOLDEN * (hi - lo);
        fa = at(a);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + GOLDEN * (hi - lo);
        fb = at(b);
      }
    }
    const pick = fa.value <= fb.value ? { t: a, r: fa } : { t: b, r: fb };
    if (pick.r.value < best.value) {
      best = pick.r;
      if (which === "budget") lambda = pick.t;
      else kappa = pick.t;
    }
  };
  if (budget !== null && capacity !== null) {
    // One price at a time stalls on the kinks of L, and where it stalls depends on which price moves first:
    // search in both orders from zero and keep the lower bound (both are points of the same L, so valid).
    for (let r = 0; r < rounds; r++) {
      search("budget");
      search("capacity");
    }
    const budgetFirst = { best, lambda, kappa };
    best = evaluate(0, 0);
    lambda = 0;
    kappa = 0;
    for (let r = 0; r < rounds; r++) {
      search("capacity");
      search("budget");
    }
    if (budgetFirst.best.value <= best.value) ({ best, lambda, kappa } = budgetFirst);
  } else if (budget !== null) search("budget");
  else if (capacity !== null) search("capacity");
  return {
    value: best.value,
    fluid: best.fluid,
    budgetPrice: lambda,
    capacityPrice: kappa,
    ignored: ignoredByBound(model),
  };
}
