// A1 addresses: parsed into 0-based blocks and written back as Excel writes them, with the sheet quoted
// when Excel would quote it. The block helpers say the same block in the sheet's own 1-based numbers.

import {
  blockAddress,
  blockEnd,
  blockOrigin,
  blockRef,
  blocksOverlap,
  blockSpanning,
  columnLetter,
  columnNumber,
  inBlock,
  originOf,
  parseBlock,
  sheetPrefix,
  splitAddress,
} from "../../src/sheet/address";

test("column letters and numbers are inverse, across the one- to three-letter boundaries", () => {
  for (const [n, letters] of [
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ] as const) {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  }
});

test("parseBlock reads refs with or without a sheet, $ signs or either corner first", () => {
  const b3d10 = { row: 2, column: 1, rows: 8, columns: 3 };
  expect(parseBlock("B3:D10")).toEqual(b3d10);
  expect(parseBlock("$B$3:$D$10")).toEqual(b3d10);
  expect(parseBlock("'My sheet'!D10:B3")).toEqual(b3d10);
  expect(parseBlock(" Sheet1!b3:d10 ")).toEqual(b3d10);
  expect(parseBlock("C7")).toEqual({ row: 6, column: 2, rows: 1, columns: 1 });
  for (const notABlock of ["A:F", "3:5", "Products", "", "A0B"]) expect(parseBlock(notABlock)).toBeUndefined();
});

test("a block written back reads as the same block; one cell is written as one cell", () => {
  for (const ref of ["A1", "B3:D10", "AA100:XFD1048576"]) expect(blockAddress(parseBlock(ref)!)).toBe(ref);
  expect(blockRef(0, 0, 1, 1)).toBe("A1");
  expect(blockRef(2, 1, 8, 3)).toBe("B3:D10");
});

test("blockOrigin and blockEnd are the sheet's 1-based corners; blockSpanning builds the block back", () => {
  const b = parseBlock("B3:D10")!;
  expect(blockOrigin(b)).toEqual({ row: 3, column: 2 });
  expect(blockEnd(b)).toEqual({ row: 10, column: 4 });
  expect(blockSpanning(blockOrigin(b), blockEnd(b))).toEqual(b);
  expect(blockSpanning(blockEnd(b), blockOrigin(b))).toEqual(b);
  expect(originOf("Sheet1!B3:D10")).toEqual(blockOrigin(b));
});

test("blocksOverlap needs a shared cell: touching edges do not overlap", () => {
  const b = parseBlock("B3:D10")!;
  expect(blocksOverlap(b, parseBlock("D10:F12")!)).toBe(true);
  expect(blocksOverlap(b, parseBlock("A1:Z2")!)).toBe(false);
  expect(blocksOverlap(b, parseBlock("E3:E10")!)).toBe(false);
  expect(blocksOverlap(b, parseBlock("C5")!)).toBe(true);
  expect(blocksOverlap(parseBlock("C5")!, b)).toBe(true);
  expect(inBlock(b, 2, 1)).toBe(true);
  expect(inBlock(b, 10, 1)).toBe(false);
});

test("splitAddress unquotes sheet names and sheetPrefix quotes them back", () => {
  expect(splitAddress("'Bob''s plan'!$A$1:$B$2")).toEqual({ sheet: "Bob's plan", ref: "A1:B2" });
  expect(splitAddress("A1")).toEqual({ ref: "A1" });
  expect(sheetPrefix("Bob's plan")).toBe("'Bob''s plan'!");
  expect(sheetPrefix("Products")).toBe("Products!");
  expect(sheetPrefix("Assort plan")).toBe("'Assort plan'!");
});
