// How values are quoted in messages.

import { listNames, show } from "../../../src/engine/text/format";

test("show quotes every kind of value briefly and never as [object Object]", () => {
  expect(show(undefined)).toBe("nothing");
  expect(show(null)).toBe("blank");
  expect(show("abc")).toBe("'abc'");
  expect(show("x".repeat(50))).toBe(`'${"x".repeat(37)}...'`);
  expect(show(NaN)).toBe("NaN");
  expect(show(-Infinity)).toBe("-Infinity");
  expect(show(1.5)).toBe("1.5");
  expect(show(true)).toBe("TRUE");
  expect(show({ a: 1 })).toBe('{"a":1}');
  expect(show([1, 2])).toBe("[1,2]");
});

test("listNames: A; A and B; A, B and C; then 'and k more'", () => {
  expect(listNames([])).toBe("");
  expect(listNames(["A"])).toBe("A");
  expect(listNames(["A", "B"])).toBe("A and B");
  expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  expect(listNames(["A", "B", "C", "D"], 2)).toBe("A, B and 2 more");
});
