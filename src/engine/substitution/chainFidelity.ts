// What the chain loses: on offered sets the fit did not use, the total-variation distance between the source
// model's choice probabilities and the chain's, the no-purchase share by set size, and a verdict in words.

import { chainPurchase } from "../choice/chainPurchase";
import type { ChoiceModel, Purchase } from "../choice/choiceModel";
import { Rng } from "../random/rng";
import { seedKey } from "../random/hash";
import type { ModelChain } from "./chainFromModel";

export interface SizeBand {
  /** Offered products, as a share of all: [from, to). */
  from: number;
  to: number;
  sets: number;
  /** Mean no-purchase share under the model and under the chain. */
  modelNoPurchase: number;
  chainNoPurchase: number;
}

export interface ChainFidelity {
  sets: number;
  meanTv: number;
  p95Tv: number;
  maxTv: number;
  bySize: SizeBand[];
  /** One sentence for people. */
  verdict: string;
}

/** The chain's purchase probabilities, its λ_0 customers leaving at once. */
export function chainPurchaseOf(chain: ModelChain, available: ArrayLike<number | boolean>): Purchase {
  return chainPurchase(chain, chain.n, available);
}

export function chainFidelity(
  model: ChoiceModel,
  chain: ModelChain,
  options: { sets?: number; seed?: number | string } = {},
): ChainFidelity {
  const n = model.n;
  const count = options.sets ?? 200;
  // A seed of its own: these sets are not the ones the fit used.
  const rng = new Rng(seedKey(options.seed ?? "fidelity"));
  const bands = [0.1, 0.3, 0.5, 0.7, 0.9, 1.0001].map((to, k, a) => ({
    from: k === 0 ? 0 : a[k - 1],
    to,
    sets: 0,
    m: 0,
    c: 0,
  }));
  const tv: number[] = [];
  const available = new Uint8Array(n);
  while (tv.length < count) {
    const share = 0.1 + 0.85 * rng.next();
    let size = 0;
    for (let i = 0; i < n; i++) size += available[i] = rng.next() < share ? 1 : 0;
    if (size === 0) continue;
    const a = model.probabilities(available);
    const b = chainPurchaseOf(chain, available);
    let d = Math.abs(a.noPurchase - b.noPurchase);
    for (let j = 0; j < n; j++) d += Math.abs(a.purchase[j] - b.purchase[j]);
    tv.push(d / 2);
    const band = bands.find((x) => size / n >= x.from && size / n < x.to) ?? bands[bands.length - 1];
    band.sets++;
    band.m += a.noPurchase;
    band.c += b.noPurchase;
  }
  const sorted = [...tv].sort((x, y) => x - y);
  const meanTv = tv.reduce((s, x) => s + x, 0) / tv.length;
  const p95Tv = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
  const quality =
    meanTv < 0.02
      ? "reproduces this model within"
      : meanTv < 0.05
        ? "approximates this model within"
        : "departs from this model by";
  return {
    sets: tv.length,
    meanTv,
    p95Tv,
    maxTv: sorted[sorted.length - 1],
    bySize: bands
      .filter((b) => b.sets > 0)
      .map((b) => ({
        from: b.from,
        to: Math.min(1, b.to),
        sets: b.sets,
        modelNoPurchase: b.m / b.sets,
        chainNoPurchase: b.c / b.sets,
      })),
    verdict: `The chain (${chain.route}) ${quality} ${pct(meanTv)} on average (95% of ranges within ${pct(p95Tv)}) over ${tv.length} random ranges of 10–95% of the ${n} products it was not fitted on.`,
  };
}
