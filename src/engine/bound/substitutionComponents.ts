// Connected components of the substitution graph (links taken both ways), and each component's own
// substitution in local indices. Customers never cross between components, so any problem made of
// per-product terms and flows (the fluid LP, the SAA LP) splits into one independent problem per component.

import type { SparseSubstitution } from "../model/instance";
import { sparseSubstitution } from "../model/sparseSubstitution";

export interface SubstitutionComponent {
  /** Global product indices, ascending. */
  members: Int32Array;
  /** ρ restricted to the members, in local indices (position in `members`). */
  substitution: SparseSubstitution;
}

export function substitutionComponents(sub: SparseSubstitution, n: number): SubstitutionComponent[] {
  const label = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] >= 0) continue;
    label[s] = count;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop() as number;
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        const j = sub.col[e];
        if (label[j] < 0) {
          label[j] = count;
          stack.push(j);
        }
      }
      for (let e = sub.colStart[i]; e < sub.colStart[i + 1]; e++) {
        const j = sub.colSource[e];
        if (label[j] < 0) {
          label[j] = count;
          stack.push(j);
        }
      }
    }
    count++;
  }
  const size = new Int32Array(count);
  for (let i = 0; i < n; i++) size[label[i]]++;
  const members = Array.from(size, (s) => new Int32Array(s));
  const fill = new Int32Array(count);
  const local = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    local[i] = fill[label[i]];
    members[label[i]][fill[label[i]]++] = i;
  }
  return members.map((m) => {
    const from: number[] = [];
    const to: number[] = [];
    const p: number[] = [];
    for (const i of m) {
      for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) {
        from.push(local[i]);
        to.push(local[sub.col[e]]);
        p.push(sub.prob[e]);
      }
    }
    return { members: m, substitution: sparseSubstitution(m.length, from, to, p) };
  });
}
