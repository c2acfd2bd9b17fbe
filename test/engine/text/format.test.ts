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
  expect(listNames(["A", "B", "C", "D", "E", "F", "G", "H", "I"])).toBe("A, B, C, D, E, F, G, H and 1 more");
});

test("listNames options: quoted ids, a cap, or all of them", () => {
  expect(listNames(["Tee-42"], { quote: true })).toBe("'Tee-42'");
  expect(listNames(["A", "B", "C"], { quote: true })).toBe("'A', 'B' and 'C'");
  expect(listNames(["A", "B", "C", "D"], { max: 3, quote: true })).toBe("'A', 'B', 'C' and 1 more");
  const many = Array.from({ length: 12 }, (_, i) => `P${i + 1}`);
  expect(listNames(many, { max: Infinity })).toBe("P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11 and P12");
});
