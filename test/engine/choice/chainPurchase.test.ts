// Purchase probabilities of a link chain against absorbing-chain algebra worked by hand on 2–3 products, and
// against the walk summed step by step (λ·Qᵗ over the unavailable products) on the same chain.

import { chainPurchase, type LinkChain } from "../../../src/engine/choice/chainPurchase";

// A → B 0.5, A → C 0.2, B → A 0.6, B → C 0.3, C → A 0.4; λ sums with λ_0 to 1.
const chain: LinkChain = {
  lambda: [0.3, 0.2, 0.1],
  noPurchaseShare: 0.4,
  links: [
    { from: 0, to: 1, probability: 0.5 },
    { from: 0, to: 2, probability: 0.2 },
    { from: 1, to: 0, probability: 0.6 },
    { from: 1, to: 2, probability: 0.3 },
    { from: 2, to: 0, probability: 0.4 },
  ],
};

test("everything available: each customer buys her first choice", () => {
  const p = chainPurchase(chain, 3, [1, 1, 1]);
  expect(Array.from(p.purchase)).toEqual([0.3, 0.2, 0.1].map((v) => expect.closeTo(v, 14)));
  expect(p.noPurchase).toBeCloseTo(0.4, 14);
});

test("only C available: visits to A and B solve a 2×2 system by hand", () => {
  // Wanting-a-product shares λ/(1 − λ_0) = (1/2, 1/3, 1/6). Visits: R_A = 1/2 + 0.6·R_B, R_B = 1/3 + 0.5·R_A,
  // so R_A = (1/2 + 0.2)/(1 − 0.3) = 1 and R_B = 5/6; P_C = 1/6 + 0.2·1 + 0.3·5/6 = 37/60, times 0.6 = 0.37.
  const p = chainPurchase(chain, 3, [0, 0, 1]);
  expect(p.purchase[0]).toBe(0);
  expect(p.purchase[1]).toBe(0);
  expect(p.purchase[2]).toBeCloseTo(0.37, 12);
  expect(p.noPurchase).toBeCloseTo(0.63, 12);
});

test("only B unavailable: one step of substitution", () => {
  // B's customers (0.2 of all) go to A with 0.6, to C with 0.3, leave with 0.1.
  const p = chainPurchase(chain, 3, [1, 0, 1]);
  expect(p.purchase[0]).toBeCloseTo(0.3 + 0.2 * 0.6, 12);
  expect(p.purchase[1]).toBe(0);
  expect(p.purchase[2]).toBeCloseTo(0.1 + 0.2 * 0.3, 12);
  expect(p.noPurchase).toBeCloseTo(0.4 + 0.2 * 0.1, 12);
});

test("two products, A unavailable: closed form λ_B + ρ_AB·λ_A, scaled by 1 − λ_0", () => {
  // λ here does not sum to 1 − λ_0: the chain normalises it to the customers who want a product.
  const two: LinkChain = { lambda: [3, 1], noPurchaseShare: 0.2, links: [{ from: 0, to: 1, probability: 0.7 }] };
  const p = chainPurchase(two, 2, [0, 1]);
  expect(p.purchase[1]).toBeCloseTo(0.8 * (0.25 + 0.7 * 0.75), 12);
  expect(p.noPurchase).toBeCloseTo(1 - 0.8 * (0.25 + 0.7 * 0.75), 12);
});

test("every available set: matches the walk summed step by step", () => {
  const rho = [
    [0, 0.5, 0.2],
    [0.6, 0, 0.3],
    [0.4, 0, 0],
  ];
  for (let mask = 0; mask < 8; mask++) {
    const available = [0, 1, 2].map((i) => (mask >> i) & 1);
    // Mass still walking among unavailable products; each step, what lands on an available product is bought.
    let walking = [0.3, 0.2, 0.1];
    const bought = [0, 0, 0];
    for (let step = 0; step < 400; step++) {
      const next = [0, 0, 0];
      walking.forEach((w, i) => {
        if (available[i]) bought[i] += w;
        else rho[i].forEach((r, j) => (next[j] += w * r));
      });
      walking = next;
    }
    const p = chainPurchase(chain, 3, available);
    bought.forEach((b, i) => expect(p.purchase[i]).toBeCloseTo(b, 10));
    expect(p.noPurchase).toBeCloseTo(1 - bought.reduce((a, b) => a + b, 0), 10);
  }
});
