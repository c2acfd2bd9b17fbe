// The Model range's multi-step search shopper: the sheet layout gives the same model as its JSON form (exact
// choice probabilities on every offered set of a small range), and each bad cell is named by row and column.

import { readChoiceModel } from "../../src/engine";
import { modelFromRange, readModelRange } from "../../src/sheet/choiceModelSheet";

const IDS = ["A", "B", "C", "D"];

const JSON_MODEL = {
  type: "multiStep",
  weights: { A: 3, B: 2, C: 1, D: 0.5 },
  queries: [
    { share: 0.7, ranking: ["A", "B", "C"] },
    { share: 0.3, ranking: ["D", "C", "B", "A"] },
  ],
  attention: [0.9, 0.5, 0.2],
  hideUnavailable: false,
};

const RANGE = [
  ["Product", "Weight", "Search", "Share", "Attention", "Hide unavailable"],
  ["A", 3, "A > B > C", 0.7, 0.9, "no"],
  ["B", 2, "D > C > B > A", 0.3, 0.5, ""],
  ["C", 1, "", "", 0.2, ""],
  ["D", 0.5, "", "", "", ""],
];

/** Every non-empty offered set of the four products. */
function offeredSets(): Uint8Array[] {
  const sets: Uint8Array[] = [];
  for (let mask = 1; mask < 1 << IDS.length; mask++) sets.push(Uint8Array.from(IDS, (_, i) => (mask >> i) & 1));
  return sets;
}

test("a search shopper on a sheet is the model its JSON form gives, on every offered set", () => {
  const read = modelFromRange(RANGE, IDS, 1000);
  expect(read.problems).toEqual([]);
  const fromJson = readChoiceModel({ products: IDS.map((id) => ({ id })), customers: 1000, choiceModel: JSON_MODEL });
  for (const s of offeredSets()) {
    const a = read.file!.model.probabilities(s);
    const b = fromJson.model.probabilities(s);
    expect(a.noPurchase).toBeCloseTo(b.noPurchase, 12);
    for (let j = 0; j < IDS.length; j++) expect(a.purchase[j]).toBeCloseTo(b.purchase[j], 12);
  }
  // Hiding sold-out products changes the choices (the list moves up), so the sheet's "no" was read.
  const hidden = readChoiceModel({
    products: IDS.map((id) => ({ id })),
    customers: 1000,
    choiceModel: { ...JSON_MODEL, hideUnavailable: true },
  });
  const partial = Uint8Array.from([0, 1, 1, 1]);
  expect(
    Math.abs(hidden.model.probabilities(partial).noPurchase - read.file!.model.probabilities(partial).noPurchase),
  ).toBeGreaterThan(1e-6);
});

test("attention may be one list in one cell, and Share defaults to 1 per search", () => {
  const range = [
    ["Product", "Weight", "Search", "Attention"],
    ["A", 3, "A > B", "0.9, 0.5"],
    ["B", 2, "B > A", ""],
  ];
  const read = readModelRange(range, ["A", "B"]);
  expect(read.problems).toEqual([]);
  expect(read.choiceModel).toEqual({
    type: "multiStep",
    weights: { A: 3, B: 2 },
    queries: [
      { share: 1, ranking: ["A", "B"] },
      { share: 1, ranking: ["B", "A"] },
    ],
    attention: [0.9, 0.5],
    hideUnavailable: true,
  });
});

test("bad cells of a search shopper are named by row and column, with what would be right", () => {
  const range = [
    ["Product", "Weight", "Search", "Share", "Attention", "Hide unavailable"],
    ["A", 3, "A > Z", -1, 1.5, "maybe"],
    ["B", "lots", "", 0.4, "", ""],
  ];
  const messages = readModelRange(range, ["A", "B"]).problems.map((p) => `${p.row}|${p.column}|${p.message}`);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^2\|Search\|.*'Z' is not a product of the Products range/),
      expect.stringMatching(/^2\|Share\|.*give a number of 0 or more/),
      expect.stringMatching(/^2\|Attention\|.*"1.5".*give 0 to 1/),
      expect.stringMatching(/^2\|Hide unavailable\|.*write yes or no/),
      expect.stringMatching(/^3\|Weight\|.*give a number of 0 or more/),
      expect.stringMatching(/^3\|Share\|.*a share belongs to the search on its row/),
    ]),
  );
  const none = readModelRange(
    [
      ["Product", "Weight", "Search"],
      ["A", 1, "A"],
    ],
    ["A"],
  ).problems;
  expect(none.map((p) => p.message).join(" ")).toMatch(
    /no Attention column; give the chance of examining each list position/,
  );
});
