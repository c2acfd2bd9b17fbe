// Expected walk lengths (products visited before buying or leaving) against closed forms on small chains,
// on both solve paths: exact elimination (small components) and bounded sweeps (components over 300).

import { expectedWalkLengths } from "../../../src/engine/model/walkLength";
import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";
import { stronglyConnected } from "../../../src/engine/model/stronglyConnected";

function chain(n: number, links: [number, number, number][]) {
  return sparseSubstitution(
    n,
    links.map((l) => l[0]),
    links.map((l) => l[1]),
    links.map((l) => l[2]),
  );
}

/** A ring of m products, each passing r/2 to each neighbour: by symmetry every walk lasts 1/(1 − r). */
function ring(m: number, r: number) {
  const links: [number, number, number][] = [];
  for (let i = 0; i < m; i++) {
    links.push([i, (i + 1) % m, r / 2]);
    links.push([i, (i + m - 1) % m, r / 2]);
  }
  return chain(m, links);
}

describe("expectedWalkLengths", () => {
  test("a product with no substitutes: one visit", () => {
    const w = expectedWalkLengths(2, chain(2, []));
    expect(Array.from(w.visits)).toEqual([1, 1]);
    expect(w.exact).toBe(true);
  });

  test("a path A → B → leave: t_B = 1, t_A = 1 + a", () => {
    const w = expectedWalkLengths(2, chain(2, [[0, 1, 0.6]]));
    expect(w.visits[0]).toBeCloseTo(1.6, 14);
    expect(w.visits[1]).toBe(1);
  });

  test("a two-product loop: t_A = (1 + a)/(1 − ab), t_B = (1 + b)/(1 − ab)", () => {
    const a = 0.7;
    const b = 0.9;
    const w = expectedWalkLengths(
      2,
      chain(2, [
        [0, 1, a],
        [1, 0, b],
      ]),
    );
    expect(w.visits[0]).toBeCloseTo((1 + a) / (1 - a * b), 12);
    expect(w.visits[1]).toBeCloseTo((1 + b) / (1 - a * b), 12);
    expect(w.max).toBeCloseTo((1 + b) / (1 - a * b), 12);
  });

  test("available products end the walk there: A → B (available) gives 1 + a", () => {
    const sub = chain(2, [
      [0, 1, 0.5],
      [1, 0, 0.99],
    ]);
    const w = expectedWalkLengths(2, sub, { unavailable: Uint8Array.of(1, 0) });
    expect(w.visits[0]).toBeCloseTo(1.5, 14);
    expect(w.visits[1]).toBe(1);
  });

  test("rounded 'everyone substitutes' rows, 2 × 0.4999999999: about 5e9 visits, solved exactly", () => {
    const w = expectedWalkLengths(3, ring(3, 2 * 0.4999999999));
    const truth = 1 / (1 - 2 * 0.4999999999);
    for (const v of w.visits) expect(v / truth).toBeCloseTo(1, 4);
    expect(w.max).toBeGreaterThan(4e9);
  });

  test("a near-closed ring of 5 at 1 − 1e-9: 1e9 visits", () => {
    const w = expectedWalkLengths(5, ring(5, 1 - 1e-9));
    expect(w.max / 1e9).toBeCloseTo(1, 4);
  });

  test("a large component (400 products, sweeps path) with rows 0.9: every walk lasts 10", () => {
    const w = expectedWalkLengths(400, ring(400, 0.9));
    expect(w.exact).toBe(true);
    for (const v of w.visits) expect(v).toBeCloseTo(10, 8);
    expect(w.maxUpper).toBeGreaterThanOrEqual(10 - 1e-8);
  });

  test("a large near-closed component: the sweeps stop once a walk is known to pass the threshold", () => {
    const w = expectedWalkLengths(400, ring(400, 1 - 1e-8), { stopAbove: 1e5 });
    expect(w.max).toBeGreaterThan(1e5);
    expect(w.max).toBeLessThanOrEqual(1e8 * (1 + 1e-9)); // the iterate never passes the truth
    expect(w.exact).toBe(false);
  });

  test("asked only about a threshold, the sweeps stop once the bounds meet below it: x ≤ t ≤ maxUpper", () => {
    const truth = 1 / (1 - 0.9999);
    const w = expectedWalkLengths(400, ring(400, 0.9999), { stopAbove: 1e5 });
    expect(w.max).toBeLessThanOrEqual(truth * (1 + 1e-9));
    expect(w.maxUpper).toBeGreaterThanOrEqual(truth * (1 - 1e-9));
  });
});

describe("stronglyConnected", () => {
  test("components in reverse topological order: links leave only towards earlier ones", () => {
    // 0 ↔ 1 → 2 ↔ 3, 4 alone → 0
    const sub = chain(5, [
      [0, 1, 0.5],
      [1, 0, 0.5],
      [1, 2, 0.3],
      [2, 3, 0.5],
      [3, 2, 0.5],
      [4, 0, 0.2],
    ]);
    const c = stronglyConnected(5, sub);
    expect(c.count).toBe(3);
    expect(c.of[0]).toBe(c.of[1]);
    expect(c.of[2]).toBe(c.of[3]);
    expect(c.of[2]).toBeLessThan(c.of[0]);
    expect(c.of[0]).toBeLessThan(c.of[4]);
  });
});
