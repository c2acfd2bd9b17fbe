// The substitution read on its own: cases the whole-instance tests (validate.test.ts) leave out — every fault
// of one link reported together, a zero link given twice, a matrix row that is not a list, and the rows read
// into the sparse form checked against the links given.

import { readSubstitution } from "../../../src/engine/model/validateSubstitution";
import { Collector } from "../../../src/engine/model/validateFields";

const ids = ["A", "B", "C"];
const index = new Map(ids.map((id, i) => [id, i]));

function read(raw: unknown) {
  const out = new Collector();
  const sub = readSubstitution(out, raw, index, ids);
  return { sub, problems: out.problems };
}

test("one link with a bad from, a bad to and a bad probability: three problems, all on that entry", () => {
  const { problems } = read([
    { from: "A", to: "B", probability: 0.1 },
    { from: "Z", to: true, probability: 2 },
  ]);
  expect(problems.map((p) => [p.index, p.field])).toEqual([
    [1, "from"],
    [1, "to"],
    [1, "probability"],
  ]);
  expect(problems[0].message).toContain("Substitution entry 2: 'from' product 'Z' is not among the products");
  expect(problems[1].message).toContain("Substitution entry 2: 'to' TRUE is not a product id");
  expect(problems[2].message).toContain("Substitution entry 2, probability: 2 is above 1");
});

test("a link given twice is an error even when one says 0", () => {
  const { problems } = read([
    { from: "A", to: "B", probability: 0 },
    { from: "A", to: "B", probability: 0.3 },
  ]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ index: 1, products: ["A", "B"] });
  expect(problems[0].message).toContain("the link from 'A' to 'B' is given twice (also in entry 1)");
});

test("a matrix row that is not a list is named by its row", () => {
  const { problems } = read({
    ids,
    matrix: [[0, 0.2, 0], "0.2, 0, 0", [0, 0, 0]],
  });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ section: "substitution", index: 1 });
  expect(problems[0].message).toContain("Substitution matrix row 2 ('B'): has 0 values for 3 columns");
});

test("the sparse rows and columns hold exactly the links given, and the row sums", () => {
  const links = [
    { from: "C", to: "A", probability: 0.25 },
    { from: "A", to: "C", probability: 0.5 },
    { from: "A", to: "B", probability: 0.2 },
  ];
  const { sub, problems } = read(links);
  expect(problems).toEqual([]);
  const rows: [number, number, number][] = [];
  for (let i = 0; i < 3; i++)
    for (let e = sub.rowStart[i]; e < sub.rowStart[i + 1]; e++) rows.push([i, sub.col[e], sub.prob[e]]);
  const cols: [number, number, number][] = [];
  for (let j = 0; j < 3; j++)
    for (let e = sub.colStart[j]; e < sub.colStart[j + 1]; e++) cols.push([sub.colSource[e], j, sub.colProb[e]]);
  const given = links.map((l) => [index.get(l.from), index.get(l.to), l.probability]);
  const sorted = (xs: unknown[][]) => [...xs].sort((a, b) => String(a).localeCompare(String(b)));
  expect(sorted(rows)).toEqual(sorted(given));
  expect(sorted(cols)).toEqual(sorted(given));
  expect(Array.from(sub.rowSum)).toEqual([0.7, 0, 0.25].map((v) => expect.closeTo(v, 14)));
});
