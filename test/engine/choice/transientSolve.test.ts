// The absorbing-chain solves behind choice probabilities and the bound, against Gaussian elimination.

import { transientSolve } from "../../../src/engine/choice/transientSolve";
import { solveDense } from "../groundTruth/exactDp";
import { sparseFromDense } from "../groundTruth/sparse";
import { TestRandom } from "../groundTruth/testRandom";

function randomChain(rnd: TestRandom, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    const k = rnd.int(1, Math.min(5, n - 1));
    const total = i % 4 === 0 ? 1 : rnd.uniform(0.3, 0.95); // some full rows, linking to rows with exits
    for (const j of rnd.sample(n, k, i)) row[j] = total / k;
    return row;
  });
}

test.each([2, 5, 12, 30])("forward and backward solves match dense elimination (N=%i)", (n) => {
  const rnd = new TestRandom(100 + n);
  for (let t = 0; t < 5; t++) {
    let rho = randomChain(rnd, n);
    // Full rows could close a loop: give every row an exit when the dense system says it is singular.
    rho = rho.map((row) => row.map((p) => p * 0.999));
    const sub = sparseFromDense(rho);
    const active = Uint8Array.from({ length: n }, () => (rnd.next() < 0.7 ? 1 : 0));
    const b = Float64Array.from({ length: n }, () => rnd.uniform(0, 5));
    const idx = [...active.keys()].filter((i) => active[i]);
    // forward: x = b + R x on the active set; backward: x = b + Rᵀ x.
    for (const direction of ["forward", "backward"] as const) {
      const x = transientSolve(sub, active, b, direction);
      const a = idx.map((i) => idx.map((j) => (i === j ? 1 : 0) - (direction === "forward" ? rho[i][j] : rho[j][i])));
      const exact = solveDense(
        a,
        idx.map((i) => b[i]),
      );
      idx.forEach((i, k) => expect(x[i]).toBeCloseTo(exact[k], 9));
      for (let i = 0; i < n; i++) if (!active[i]) expect(x[i]).toBe(0);
    }
  }
});

test("expected visits of a walk that never stops at an active product: the geometric series", () => {
  // One product linking to itself is not allowed; two products passing the customer back and forth with
  // probability q each: visits to product 0 starting there = 1 / (1 − q²).
  const q = 0.9;
  const sub = sparseFromDense([
    [0, q],
    [q, 0],
  ]);
  const x = transientSolve(sub, Uint8Array.of(1, 1), Float64Array.of(1, 0), "backward");
  expect(x[0]).toBeCloseTo(1 / (1 - q * q), 10);
  expect(x[1]).toBeCloseTo(q / (1 - q * q), 10);
});
