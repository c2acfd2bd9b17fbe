// Cell conversions every layout relies on: blanks in all their forms, Excel errors, numbers from text,
// yes/no words, trimming of whole-column ranges, and formula-safe text.

import {
  booleanOf,
  excelError,
  isBlank,
  normalizeName,
  numberOf,
  padLine,
  plain,
  textOf,
  trimRange,
} from "../../src/sheet/cells";
import { escapeCells, escapeText, unescapeText } from "../../src/sheet/escape";
import { columnLetter, originOf } from "../../src/sheet/address";

describe("blanks and Excel errors", () => {
  test("null, undefined, empty and spaces are blank; 0 is not", () => {
    for (const v of [null, undefined, "", "   "]) expect(isBlank(v)).toBe(true);
    for (const v of [0, "0", false, "x"]) expect(isBlank(v)).toBe(false);
  });
  test.each(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", " #n/a "])(
    "%s is an Excel error",
    (v) => {
      expect(excelError(v)).toBe(v.trim().toUpperCase());
    },
  );
  test("ordinary text and numbers are not errors", () => {
    for (const v of ["N/A", "#1", "abc", 3, null]) expect(excelError(v)).toBeUndefined();
  });
  test("value objects are reduced to what the cell shows", () => {
    expect(plain({ type: "Double", basicValue: 12.5, numberFormat: "$0.00" })).toBe(12.5);
    expect(excelError({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" })).toBe("#DIV/0!");
    expect(excelError({ code: "#N/A", message: "x" })).toBe("#N/A");
    expect(textOf({ type: "Entity", text: "Tee-01", properties: {} })).toBe("Tee-01");
  });
});

describe("numbers, booleans, names", () => {
  test("numeric text becomes a number, percentages a share; other text is left for the engine to reject", () => {
    expect(numberOf(" 12 ")).toBe(12);
    expect(numberOf("-3.5e2")).toBe(-350);
    expect(numberOf("30%")).toBeCloseTo(0.3);
    expect(numberOf("abc")).toBe("abc");
    expect(numberOf("12 units")).toBe("12 units");
    expect(numberOf(7)).toBe(7);
  });
  test.each([
    [true, true],
    [false, false],
    ["TRUE", true],
    ["false", false],
    ["Yes", true],
    ["no", false],
    ["Y", true],
    ["n", false],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    ["x", true],
    ["X", true],
    ["", false],
    [null, false],
    [undefined, false],
  ])("%p reads as %p", (v, b) => expect(booleanOf(v)).toBe(b));
  test.each(["maybe", 2, -1, "ja", 0.5])("%p is not a yes/no value", (v) => expect(booleanOf(v)).toBeUndefined());
  test("names ignore case, spaces, punctuation and a unit in brackets", () => {
    expect(normalizeName(" Unit  Cost ($) ")).toBe("unitcost");
    expect(normalizeName("First-choice demand")).toBe("firstchoicedemand");
    expect(normalizeName("must_offer")).toBe("mustoffer");
    expect(normalizeName(null)).toBe("");
  });
  test("ids: numbers become their text, text is trimmed", () => {
    expect(textOf(42)).toBe("42");
    expect(textOf("  Tee-01 ")).toBe("Tee-01");
    expect(textOf("  ")).toBeUndefined();
  });
});

describe("trimming whole ranges", () => {
  test("trailing blank rows and columns go, in every blank form (null, '', 0)", () => {
    const cells = [
      ["a", 1, null, ""],
      ["b", 2, 0, null],
      [null, "", 0, ""],
      [0, 0, 0, 0],
    ];
    expect(trimRange(cells)).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
  test("inner blanks stay, ragged rows are padded", () => {
    expect(trimRange([["a"], [null, null], ["b", 3]])).toEqual([
      ["a", null],
      [null, null],
      ["b", 3],
    ]);
  });
  test("nothing at all is an empty range", () => {
    expect(trimRange(null)).toEqual([]);
    expect(
      trimRange([
        [null, ""],
        [0, null],
      ]),
    ).toEqual([]);
  });
  test("a trimmed column is padded back when the range itself was long enough", () => {
    expect(padLine([1, 2], [[1], [2], [null], [null]], 4)).toEqual([1, 2, null, null]);
    expect(padLine([1, 2], [[1], [2]], 4)).toEqual([1, 2]);
  });
});

describe("addresses", () => {
  test("origins of the forms Excel gives", () => {
    expect(originOf("Sheet1!B3:F20")).toEqual({ row: 3, column: 2 });
    expect(originOf("'My sheet'!$AB$10")).toEqual({ row: 10, column: 28 });
    expect(originOf("C7")).toEqual({ row: 7, column: 3 });
    expect(originOf("Sheet1!A:F")).toEqual({ row: 1, column: 1 });
    expect(originOf("Products")).toBeUndefined();
    expect(originOf(null)).toBeUndefined();
  });
  test("column letters", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("formula-safe text", () => {
  test.each(["=SUM(A1)", "+1", "-5", "@x", "'=x", "''+y"])("%s is escaped and reads back exactly", (s) => {
    const e = escapeText(s);
    expect(e.startsWith("'")).toBe(true);
    expect(unescapeText(e)).toBe(s);
  });
  test.each(["Tee-01", "a=b", "'quoted", "", "x-1"])("%s is left alone", (s) => {
    expect(escapeText(s)).toBe(s);
    expect(unescapeText(s)).toBe(s);
  });
  test("escapeCells touches only text", () => {
    expect(escapeCells([["=1", 2, true, null, "ok"]])).toEqual([["'=1", 2, true, null, "ok"]]);
  });
});
