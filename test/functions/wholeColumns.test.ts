/// <reference types="custom-functions-runtime" />
// Whole-column arguments give #VALUE! with the hint to use a table, before any work is done; the same ranges
// given as blocks or tables still work.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { bound, fit, optimize, substitution, sweep } from "../../src/functions/functions";
import { SHEET_ROWS, isWholeColumn, wholeColumnProblems } from "../../src/functions/wholeColumns";

jest.mock("../../src/worker/sharedClient", () => {
  const { EngineClient: Client } = jest.requireActual("../../src/worker/client");
  const client = new Client({ createWorker: null });
  return { engineClient: () => client };
});

const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand"],
  ["A", 10, 4, 30],
  ["B", 12, 5, 20],
];

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<CustomFunctionsError> {
  try {
    if (typeof p === "function") p();
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctionsError);
    return e as CustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

test("whole columns are told apart from blocks, names and tables", () => {
  for (const a of ["Sheet1!A:F", "'My sheet'!$A:$F", "A:A", "Data!B1:D1048576", "$A$1:$C$1048576"])
    expect([a, isWholeColumn(a)]).toEqual([a, true]);
  for (const a of ["Sheet1!A1:F301", "A2:F1048576", "Products", "Sheet1!A1", "", undefined, null, "1:5"])
    expect([a, isWholeColumn(a)]).toEqual([a, false]);
});

test("a range as tall as the sheet counts as a whole column even without its address", () => {
  const tall = Array.from({ length: SHEET_ROWS }, () => [0]);
  expect(wholeColumnProblems({ Products: tall, Substitution: [[0]] }, [])).toEqual([
    expect.stringMatching(
      /^Products: the range is a whole column \(1,048,576 rows\); use a table \(Products\[#All\]\)/,
    ),
  ]);
  expect(wholeColumnProblems({ Products: PRODUCTS }, ["Sheet1!A1:D3"])).toEqual([]);
});

test("OPTIMIZE with A:F gives #VALUE! naming the argument and the table to use instead", async () => {
  const err = await errorOf(
    optimize(PRODUCTS, [[null]], [[null]], invocation(["Sheet1!A:D", "Sheet1!H1", "Sheet1!M1"])),
  );
  expect(err.code).toBe("#VALUE!");
  expect(err.message).toBe(
    "Products: Sheet1!A:D is a whole-column reference (1,048,576 rows); use a table (Products[#All]) or the rows in " +
      "use (such as A1:F301) rather than whole columns, which Excel on the web cannot pass to a function",
  );
});

test("every argument is checked: a whole-column Substitution, History or Weights is named too", async () => {
  const b = await errorOf(bound(PRODUCTS, [[null]], null as never, invocation(["Sheet1!A1:D3", "Sheet1!H:J"])));
  expect(b.message).toMatch(/^Substitution: Sheet1!H:J is a whole-column reference/);
  const f = await errorOf(
    fit([["Offered", "Purchased"]], null as never, null as never, invocation(["'Sales history'!A:C"])),
  );
  expect(f.message).toMatch(/^History: 'Sales history'!A:C is a whole-column reference .*\(History\[#All\]\)/);
  const s = await errorOf(() => substitution(PRODUCTS, [[500]], invocation(["Sheet1!A1:D3", "Sheet1!R:S"])));
  expect(s.message).toMatch(/^Weights: Sheet1!R:S is a whole-column reference/);
});

test("SWEEP checks its Options by the fifth argument's address, past Rule and Values", async () => {
  const at = ["Sheet1!A1:D3", "Sheet1!H1", "Sheet1!K1", "Sheet1!L1:L2", "Sheet1!M:N"];
  const e = await errorOf(sweep(PRODUCTS, [[null]], [["budget"]], [[100], [200]], [[null]], invocation(at)));
  expect(e.message).toMatch(/^Options: Sheet1!M:N is a whole-column reference/);
});

test("the same inputs as blocks still work", async () => {
  const plan = await optimize(
    PRODUCTS,
    [[null]],
    [["method", "fluid"]],
    invocation(["Sheet1!A1:D3", "Sheet1!H1", "Sheet1!M1:N1"]),
  );
  expect(plan[0][0]).toBe("Product");
});
