// The constraints section read on its own: cases the whole-instance tests (validate.test.ts) leave out —
// blank fields, the 0 boundary, maxChanges left to the current-range reader, and several problems at once.

import { readConstraints } from "../../../src/engine/model/validateConstraints";
import { Collector } from "../../../src/engine/model/validateFields";

function read(raw: unknown) {
  const out = new Collector();
  const constraints = readConstraints(out, raw);
  return { constraints, problems: out.problems };
}

test("a blank (null) limit is no limit; 0 is a limit", () => {
  expect(read({ budget: null, maxProducts: 0, capacity: 0 })).toEqual({
    constraints: { maxProducts: 0, budget: null, capacity: 0 },
    problems: [],
  });
  expect(read(null).constraints).toEqual({ maxProducts: null, budget: null, capacity: null });
});

test("maxChanges is not an unknown field here (the current range reads it)", () => {
  expect(read({ maxChanges: 3, budget: 10 })).toEqual({
    constraints: { maxProducts: null, budget: 10, capacity: null },
    problems: [],
  });
});

test("every bad limit is reported, each naming its field and value", () => {
  const { constraints, problems } = read({ budget: -1, capacity: "lots", maxProducts: true, budgte: 3 });
  expect(problems.map((p) => [p.field, p.value])).toEqual(
    expect.arrayContaining([
      ["budget", -1],
      ["capacity", "lots"],
      ["maxProducts", true],
    ]),
  );
  expect(problems).toHaveLength(4);
  expect(problems.find((p) => p.field === "budgte")?.message).toContain("did you mean 'budget'?");
  expect(problems.find((p) => p.field === "capacity")?.message).toContain("Constraints, capacity: 'lots'");
  expect(problems.every((p) => p.section === "constraints")).toBe(true);
  // What could not be read is left unset rather than guessed.
  expect(constraints).toEqual({ maxProducts: null, budget: null, capacity: null });
});

test("a list is not a constraints object", () => {
  const { problems } = read([100]);
  expect(problems).toHaveLength(1);
  expect(problems[0].message).toContain('Constraints: [100] is not an object like {"budget": 50000}');
});
