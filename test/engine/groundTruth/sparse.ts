// Sparse substitution from a dense matrix or a list of links, for tests.

import type { SparseSubstitution } from "../../../src/engine/model/instance";
import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";

export function sparseOf(n: number, links: [number, number, number][]): SparseSubstitution {
  return sparseSubstitution(
    n,
    links.map((l) => l[0]),
    links.map((l) => l[1]),
    links.map((l) => l[2]),
  );
}

export function sparseFromDense(rho: number[][]): SparseSubstitution {
  const links: [number, number, number][] = [];
  rho.forEach((row, i) => row.forEach((p, j) => p > 0 && links.push([i, j, p])));
  return sparseOf(rho.length, links);
}
