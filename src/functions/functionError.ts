/// <reference types="custom-functions-runtime" />
// How a failure reaches the cell. Excel shows a custom message only for #VALUE! and #N/A (docs/office.md §2.2):
// bad input is #VALUE! with the sheet's located message; a calculation that timed out, was cancelled or
// crashed is #N/A with a sentence saying so.

import { InputError } from "../engine";
import { SheetInputError } from "../sheet/sheetProblem";
import { JobCancelled, JobTimedOut } from "../worker/client";

/** Excel trims long error messages; keep the start, which names the first problems. */
const MAX_MESSAGE = 1000;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE - 3) + "..." : message;
}

/** How many problems the message lists before "and k more" (as the sheet layer's summaries do). */
const SHOWN = 3;

/**
 * Bad input in a range the sheet layer reports as plain located messages (History, Attributes): #VALUE! with
 * the first few messages and a count of the rest.
 */
export function invalidInput(messages: readonly string[]): CustomFunctions.Error {
  const rest = messages.length - SHOWN;
  const text =
    messages.slice(0, SHOWN).join(" | ") + (rest > 0 ? ` | and ${rest} more problem${rest === 1 ? "" : "s"}` : "");
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, clip(text));
}

export function functionError(err: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (err instanceof CustomFunctions.Error) return err;
  if (err instanceof SheetInputError) return new CustomFunctions.Error(ErrorCode.invalidValue, clip(err.message));
  if (err instanceof InputError)
    return new CustomFunctions.Error(ErrorCode.invalidValue, clip(err.problems.map((p) => p.message).join(" | ")));
  if (err instanceof JobTimedOut || err instanceof JobCancelled)
    return new CustomFunctions.Error(ErrorCode.notAvailable, clip(err.message));
  const message = err instanceof Error ? err.message : String(err);
  return new CustomFunctions.Error(ErrorCode.notAvailable, clip(`Assort could not finish: ${message}`));
}
