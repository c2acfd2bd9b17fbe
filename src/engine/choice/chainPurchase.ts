// Purchase probabilities of a chain given as λ, its no-purchase share λ_0 and links: what a chain converted
// from another choice model predicts for an available set, to compare with the model it came from.

import { sparseSubstitution } from "../model/sparseSubstitution";
import { choiceProbabilities } from "./choiceProbabilities";
import type { Purchase } from "./choiceModel";

export interface LinkChain {
  lambda: ArrayLike<number>;
  noPurchaseShare: number;
  links: ReadonlyArray<{ from: number; to: number; probability: number }>;
}

export function chainPurchase(chain: LinkChain, n: number, available: ArrayLike<number | boolean>): Purchase {
  const sub = sparseSubstitution(
    n,
    chain.links.map((l) => l.from),
    chain.links.map((l) => l.to),
    chain.links.map((l) => l.probability),
  );
  const p = choiceProbabilities(chain.lambda, sub, available);
  // choiceProbabilities normalises λ to customers who want a product; the λ_0 customers simply leave.
  const scale = 1 - chain.noPurchaseShare;
  const purchase = p.purchase.map((x) => x * scale);
  let bought = 0;
  for (const x of purchase) bought += x;
  return { purchase, noPurchase: Math.max(0, 1 - bought) };
}
