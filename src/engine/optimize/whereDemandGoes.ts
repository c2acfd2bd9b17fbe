// Where the customers who want product i first end up, given which products are available: the
// "demand transference" merchandisers ask for before delisting. A customer at an unavailable product moves
// on by ρ, so the answer is the walk's absorption probabilities, computed by pushing probability mass
// forward until what is still walking is negligible (cheap per product, no N×N solve).

import type { Model } from "../model/instance";

export interface DemandTransfer {
  /** Probability that i's first-choice customer buys j (only available j have mass). */
  buys: Map<number, number>;
  /** Share who buy something (the retained share); 1 − this leave. */
  retained: number;
}

export function whereDemandGoes(
  model: Model,
  available: ArrayLike<number | boolean>,
  i: number,
  tolerance = 1e-7,
): DemandTransfer {
  const sub = model.substitution;
  const buys = new Map<number, number>();
  if (available[i]) return { buys: new Map([[i, 1]]), retained: 1 };
  const mass = new Map<number, number>([[i, 1]]);
  const queue: number[] = [i];
  let retained = 0;
  let operations = 0;
  while (queue.length > 0 && operations < 200000) {
    const k = queue.shift() as number;
    const w = mass.get(k) ?? 0;
    mass.delete(k);
    if (w < tolerance) continue;
    for (let e = sub.rowStart[k]; e < sub.rowStart[k + 1]; e++) {
      operations++;
      const j = sub.col[e];
      const f = w * sub.prob[e];
      if (available[j]) {
        buys.set(j, (buys.get(j) ?? 0) + f);
        retained += f;
      } else {
        const before = mass.get(j);
        mass.set(j, (before ?? 0) + f);
        if (before === undefined) queue.push(j);
      }
    }
  }
  return { buys, retained };
}
