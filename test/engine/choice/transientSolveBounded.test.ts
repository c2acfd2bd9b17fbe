// The transient solve on near-closed rows: a small set is solved directly once the sweeps prove slow, a
// large one stops on the geometric tail of its changes; both against the closed form of a symmetric ring,
// where every walk lasts 1/(1 − r) (forward, b = 1) and flows are uniform (backward).

import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";
import { transientSolve } from "../../../src/engine/choice/transientSolve";

function ring(m: number, r: number) {
  const from: number[] = [];
  const to: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < m; i++) {
    from.push(i, i);
    to.push((i + 1) % m, (i + m - 1) % m);
    p.push(r / 2, r / 2);
  }
  return sparseSubstitution(m, from, to, p);
}

describe("transientSolve on near-closed rows", () => {
  test.each([1e-3, 1e-5, 1e-7, 1e-9])("a ring of 10 at 1 − %s: the walk length 1/ε, exactly", (eps) => {
    const sub = ring(10, 1 - eps);
    const x = transientSolve(sub, new Uint8Array(10).fill(1), new Float64Array(10).fill(1), "forward");
    for (const v of x) expect(Math.abs(v * eps - 1)).toBeLessThan(1e-6);
  });

  test("backward flows on the same ring: each product passes 1/(m·ε) of a customer spread evenly", () => {
    const eps = 1e-8;
    const sub = ring(10, 1 - eps);
    const x = transientSolve(sub, new Uint8Array(10).fill(1), new Float64Array(10).fill(0.1), "backward");
    for (const v of x) expect(Math.abs(v * eps - 0.1)).toBeLessThan(1e-7);
  });

  test("a large near-closed set (400 products) ends on its tail estimate, close to the truth", () => {
    const eps = 1e-2;
    const sub = ring(400, 1 - eps);
    const x = transientSolve(sub, new Uint8Array(400).fill(1), new Float64Array(400).fill(1), "forward");
    for (const v of x) expect(Math.abs(v * eps - 1)).toBeLessThan(1e-6);
  }, 60000);

  test("fast cases are unchanged: rows of 0.5 converge by sweeps to full precision", () => {
    const sub = ring(10, 0.5);
    const x = transientSolve(sub, new Uint8Array(10).fill(1), new Float64Array(10).fill(1), "forward");
    for (const v of x) expect(v).toBeCloseTo(2, 14);
  });
});
