// Substitution from attributes: rows sum to the strength, weights follow the similarity computed by hand,
// and the result is a valid instance substitution (validateInstance accepts it).

import { similaritySubstitution, type Attribute } from "../../../src/engine/substitution/similaritySubstitution";
import { validateInstance } from "../../../src/engine/model/validate";
import { TestRandom } from "../groundTruth/testRandom";

function rows(n: number, links: Array<{ from: number; to: number; probability: number }>): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const l of links) m[l.from][l.to] += l.probability;
  return m;
}

describe("similaritySubstitution", () => {
  const attributes: Attribute[] = [
    { name: "Category", values: ["Tee", "Tee", "Tee", "Jeans"] },
    { name: "Colour", values: ["Black", "black ", "White", "Black"] },
    { name: "Size", values: ["M", "L", "M", "M"] },
    { name: "Price", values: [20, 20, 30, 60] },
  ];

  test("every row sums to its strength, on random catalogues", () => {
    const rnd = new TestRandom(5);
    for (let rep = 0; rep < 20; rep++) {
      // At least two products per category, so every product has a similar one.
      const n = rnd.int(6, 40);
      const attrs: Attribute[] = [
        { name: "Category", values: Array.from({ length: n }, (_, i) => `C${i % 3}`) },
        { name: "Colour", values: Array.from({ length: n }, () => ["Red", "Blue", "Green"][rnd.int(0, 2)]) },
        { name: "Size", values: Array.from({ length: n }, () => ["S", "M", "L", "XL"][rnd.int(0, 3)]) },
        { name: "Price", values: Array.from({ length: n }, () => rnd.uniform(5, 50)) },
      ];
      const strength = Array.from({ length: n }, () => rnd.uniform(0, 0.95));
      const res = similaritySubstitution(n, attrs, { strength, maxSubstitutes: rnd.int(1, 8) });
      const m = rows(n, res.links);
      for (let i = 0; i < n; i++) expect(m[i].reduce((s, x) => s + x, 0)).toBeCloseTo(strength[i], 12);
      expect(res.withoutSubstitutes).toEqual([]);
    }
  });

  test("weights are similarity squared, normalised to the strength (worked by hand)", () => {
    // Similarities of product 0 (Tee, Black, M, 20), equal attribute weights, price range 40, sizes M..L span 1:
    //   1: Tee=1, black=1 (case and spaces ignored), M vs L = 0, price 1        → 3/4
    //   2: Tee=1, White=0, M=1, price 1 − 10/40 = 0.75                        → 2.75/4
    //   3: Jeans=0, Black=1, M=1, price 1 − 40/40 = 0                          → 2/4
    const res = similaritySubstitution(4, attributes, { strength: 0.6 });
    const m = rows(4, res.links);
    const w = [0.75 ** 2, (2.75 / 4) ** 2, 0.5 ** 2];
    const total = w[0] + w[1] + w[2];
    expect(m[0][1]).toBeCloseTo((0.6 * w[0]) / total, 12);
    expect(m[0][2]).toBeCloseTo((0.6 * w[1]) / total, 12);
    expect(m[0][3]).toBeCloseTo((0.6 * w[2]) / total, 12);
    expect(res.kinds).toEqual(["text", "text", "ordered", "number"]);
  });

  test("maxSubstitutes keeps the most similar; sameValueOf keeps substitutes within a category", () => {
    const top1 = similaritySubstitution(4, attributes, { strength: 0.5, maxSubstitutes: 1 });
    expect(top1.links.filter((l) => l.from === 0)).toEqual([{ from: 0, to: 1, probability: 0.5 }]);
    const within = similaritySubstitution(4, attributes, { strength: 0.5, sameValueOf: "category" });
    expect(within.links.some((l) => l.from === 3 || l.to === 3)).toBe(false);
    expect(within.withoutSubstitutes).toEqual([3]);
  });

  test("popularity scales the weights of substitutes", () => {
    const a: Attribute[] = [{ name: "Category", values: ["A", "A", "A"] }];
    const res = similaritySubstitution(3, a, { strength: 0.9, popularity: [5, 1, 2] });
    const m = rows(3, res.links);
    expect(m[0][1]).toBeCloseTo(0.3, 12);
    expect(m[0][2]).toBeCloseTo(0.6, 12);
    expect(m[1][0]).toBeCloseTo((0.9 * 5) / 7, 12);
  });

  test("weights and a custom size order change the result as stated", () => {
    const a: Attribute[] = [
      { name: "Colour", values: ["Red", "Red", "Blue"], weight: 0 },
      { name: "Fit", values: ["Slim", "Wide", "Regular"], kind: "ordered", order: ["Slim", "Regular", "Wide"] },
    ];
    const res = similaritySubstitution(3, a, { strength: 0.4, sharpness: 1 });
    const m = rows(3, res.links);
    // From Slim: Regular scores 1 − 1/2, Wide 0 (excluded); colour ignored.
    expect(m[0][2]).toBeCloseTo(0.4, 12);
    expect(m[0][1]).toBe(0);
  });

  test("the result is accepted by instance validation; strength 1 everywhere is refused as a closed loop", () => {
    const res = similaritySubstitution(4, attributes, { strength: [0.7, 1, 0.3, 0] });
    const ids = ["A", "B", "C", "D"];
    const model = validateInstance({
      products: ids.map((id) => ({ id, price: 10, cost: 4, demand: 10 })),
      substitution: res.links.map((l) => ({ from: ids[l.from], to: ids[l.to], probability: l.probability })),
    });
    expect(model.substitution.rowSum[1]).toBeCloseTo(1, 12);
    expect(() => similaritySubstitution(4, attributes, { strength: 1 })).toThrow(/would pass among them forever/);
  });

  test("bad inputs", () => {
    expect(() => similaritySubstitution(4, attributes, { strength: 1.2 })).toThrow(/strength of product 1 is 1.2/);
    expect(() => similaritySubstitution(4, attributes, { strength: 0.5, sameValueOf: "Brand" })).toThrow(
      /no attribute 'Brand'/,
    );
    expect(() =>
      similaritySubstitution(2, [{ name: "Size", values: ["M", "Q"], kind: "ordered" }], { strength: 0.5 }),
    ).toThrow(/'Q' is not one of its levels/);
  });
});
