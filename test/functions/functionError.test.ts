/// <reference types="custom-functions-runtime" />
// How a failure reaches the cell: bad input is #VALUE! with the located message, a stopped or broken
// calculation #N/A with a sentence; inCell does this for every function, thrown at once or later.

import { CustomFunctionsError, ErrorCode } from "./customFunctionsStub";
import { functionError, inCell, invalidInput } from "../../src/functions/functionError";
import { InputError } from "../../src/engine";
import { SheetInputError } from "../../src/sheet/sheetProblem";
import { SweepArgumentError } from "../../src/sheet/sweepRequest";
import { JobTimedOut } from "../../src/worker/client";

function codeAndMessage(err: unknown): [string, string] {
  expect(err).toBeInstanceOf(CustomFunctionsError);
  const e = err as CustomFunctionsError;
  return [e.code, e.message];
}

test("invalidInput lists three messages, then how many more", () => {
  expect(codeAndMessage(invalidInput(["a", "b"]))).toEqual([ErrorCode.invalidValue, "a | b"]);
  expect(codeAndMessage(invalidInput(["a", "b", "c", "d", "e"]))).toEqual([
    ErrorCode.invalidValue,
    "a | b | c | and 2 more problems",
  ]);
});

test("bad input is #VALUE!, a stopped or failed calculation #N/A", () => {
  const sheet = new SheetInputError([{ range: "Products", row: 3, message: "Products row 3: no price" }]);
  expect(codeAndMessage(functionError(sheet))).toEqual([ErrorCode.invalidValue, "Products row 3: no price"]);
  const input = new InputError([
    { section: "products", message: "x" },
    { section: "products", message: "y" },
  ]);
  expect(codeAndMessage(functionError(input))).toEqual([ErrorCode.invalidValue, "x | y"]);
  expect(codeAndMessage(functionError(new SweepArgumentError("From (5) is above To (2).")))).toEqual([
    ErrorCode.invalidValue,
    "From (5) is above To (2).",
  ]);
  expect(codeAndMessage(functionError(new JobTimedOut(30000)))[0]).toBe(ErrorCode.notAvailable);
  expect(codeAndMessage(functionError(new Error("boom")))).toEqual([
    ErrorCode.notAvailable,
    "Assort could not finish: boom",
  ]);
  const own = invalidInput(["kept"]);
  expect(functionError(own)).toBe(own);
});

test("inCell maps what the body throws, synchronously or from a promise, and passes results through", async () => {
  expect(inCell(() => [[1]])).toEqual([[1]]);
  let thrown: unknown;
  try {
    inCell(() => {
      throw new SweepArgumentError("Points must be a whole number from 2 to 50.");
    });
  } catch (err) {
    thrown = err;
  }
  expect(codeAndMessage(thrown)).toEqual([ErrorCode.invalidValue, "Points must be a whole number from 2 to 50."]);
  await expect(inCell(async () => [["ok"]])).resolves.toEqual([["ok"]]);
  const failed = await inCell(async () => {
    throw new Error("late");
  }).catch((err: unknown) => err);
  expect(codeAndMessage(failed)).toEqual([ErrorCode.notAvailable, "Assort could not finish: late"]);
});
