/// <reference types="custom-functions-runtime" />
// How a failure reaches the cell. Excel shows a custom message only for #VALUE! and #N/A (docs/office.md §2.2):
// bad input is #VALUE! with the sheet's located message; a calculation that timed out, was cancelled or
// crashed is #N/A with a sentence saying so.

import { InputError } from "../engine";
import { SheetInputError, summarizeMessages } from "../sheet/sheetProblem";
import { SweepArgumentError } from "../sheet/sweepRequest";
import { JobCancelled, JobTimedOut } from "../worker/client";

/** Excel trims long error messages; keep the start, which names the first problems. */
const MAX_MESSAGE = 1000;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE - 3) + "..." : message;
}

/**
 * Bad input in a range the sheet layer reports as plain located messages (History, Attributes): #VALUE! with
 * the first few messages and a count of the rest.
 */
export function invalidInput(messages: readonly string[]): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, clip(summarizeMessages(messages)));
}

export function functionError(err: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (err instanceof CustomFunctions.Error) return err;
  if (err instanceof SweepArgumentError) return invalidInput([err.message]);
  if (err instanceof SheetInputError) return new CustomFunctions.Error(ErrorCode.invalidValue, clip(err.message));
  if (err instanceof InputError)
    return new CustomFunctions.Error(ErrorCode.invalidValue, clip(err.problems.map((p) => p.message).join(" | ")));
  if (err instanceof JobTimedOut || err instanceof JobCancelled)
    return new CustomFunctions.Error(ErrorCode.notAvailable, clip(err.message));
  const message = err instanceof Error ? err.message : String(err);
  return new CustomFunctions.Error(ErrorCode.notAvailable, clip(`Assort could not finish: ${message}`));
}

/**
 * Runs a custom function's body: whatever it throws (at once or, for a promise, later) reaches the cell as
 * Excel's error with Assort's message. Every function's body goes through here.
 */
export function inCell<T>(body: () => T): T {
  try {
    const out = body();
    if (out instanceof Promise)
      return out.catch((err: unknown) => {
        throw functionError(err);
      }) as T;
    return out;
  } catch (err) {
    throw functionError(err);
  }
}
