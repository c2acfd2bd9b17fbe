import { chainFromModel, rankingChoice } from "../../../src/engine";

describe("rankingChoice substitutes", () => {
  const model = rankingChoice(5, [
    { weight: 1, ranking: [0, 2, 4] },
    { weight: 2, ranking: [2, 0] },
    { weight: 1, ranking: [3] },
  ]);

  it("lists each ordered pair where one product comes before another on some list, once", () => {
    const pairs = model.substitutes!().map(([i, j]) => `${i}>${j}`);
    expect(pairs.sort()).toEqual(["0>2", "0>4", "2>0", "2>4"]);
  });

  it("keeps the fitted chain's links inside those pairs", () => {
    const chain = chainFromModel(model, { randomSets: 20 });
    const allowed = new Set(model.substitutes!().map(([i, j]) => `${i}>${j}`));
    expect(chain.links.length).toBeGreaterThan(0);
    for (const l of chain.links) expect(allowed.has(`${l.from}>${l.to}`)).toBe(true);
  });
});
