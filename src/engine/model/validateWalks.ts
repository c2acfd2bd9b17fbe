// Near-closed rows (docs/model.md §4): a row summing to 1 − ε sends a customer who meets only unavailable
// products on a walk of about 1/ε steps. A warning names rows of NEAR_CLOSED_ROW or more; an error refuses
// a substitution whose expected walk, computed from the chain with every product out of stock, is beyond
// MAX_EXPECTED_WALK (rounded rows such as 2 × 0.4999999999 come out like that).

import type { Collector } from "./validateFields";
import { expectedWalkLengths } from "./walkLength";
import { listNames } from "../text/format";
import { MAX_EXPECTED_WALK, NEAR_CLOSED_ROW } from "./limits";
import type { SparseSubstitution } from "./instance";

/** A visit count for people: 1,234 or 5.0e+9 (never "Infinity"). */
export function visitsText(v: number): string {
  if (!Number.isFinite(v)) return "an unbounded number of";
  if (v < 1e6) return Math.round(v).toLocaleString("en-US");
  return v.toExponential(1);
}

function rowText(ids: string[], rows: number[], sum: Float64Array): string {
  return listNames(
    rows.map((i) => `'${ids[i]}' (${+sum[i].toPrecision(12)})`),
    6,
  );
}

export function checkWalks(out: Collector, sub: SparseSubstitution, ids: string[]): void {
  const n = ids.length;
  const near: number[] = [];
  for (let i = 0; i < n; i++) if (sub.rowSum[i] >= NEAR_CLOSED_ROW) near.push(i);
  if (near.length === 0) return; // every row leaves with ≥ 0.1%: walks average under 1,000 steps
  const walks = expectedWalkLengths(n, sub, { stopAbove: MAX_EXPECTED_WALK });
  if (walks.max > MAX_EXPECTED_WALK) {
    const long: number[] = [];
    for (let i = 0; i < n; i++) if (walks.visits[i] > MAX_EXPECTED_WALK) long.push(i);
    const rows = near.filter((i) => walks.visits[i] > MAX_EXPECTED_WALK);
    out.add({
      section: "substitution",
      field: "probability",
      productId: ids[long[0]],
      products: long.map((i) => ids[i]),
      message:
        `Substitution: a customer who finds ${listNames(
          long.map((i) => ids[i]),
          { quote: true },
        )} out of stock would visit ` +
        `${visitsText(walks.max)} products on average before leaving, so her walk cannot end in practice ` +
        `(Assort allows at most ${visitsText(MAX_EXPECTED_WALK)}); the rows of ${rowText(ids, rows.length > 0 ? rows : near, sub.rowSum)} ` +
        `sum to almost 1. Lower them so that some customers leave (a row of 0.999 means 1 in 1,000 leaves at each step).`,
    });
    return;
  }
  out.warn({
    section: "substitution",
    field: "probability",
    productId: ids[near[0]],
    products: near.map((i) => ids[i]),
    message:
      `Substitution: the rows of ${rowText(ids, near, sub.rowSum)} sum to ${NEAR_CLOSED_ROW} or more, so customers ` +
      `who find these products unavailable almost never leave: the plan counts on nearly all of them buying a ` +
      `substitute (check that the data really says so; rounded or fitted rows often overstate it), and walks ` +
      `of up to ${walks.exact ? "" : "at least "}${visitsText(walks.max)} products on average make runs slower.`,
  });
}
