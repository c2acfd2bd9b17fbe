// The little of the CustomFunctions runtime the functions use, as Excel defines it: Error(code, message) and
// the ErrorCode values (docs/office.md §4.2).

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };

/** An invocation as Excel passes it: addresses of the arguments, and a place for the cancel handler. */
export function invocation(parameterAddresses?: string[]): CustomFunctions.CancelableInvocation {
  return { parameterAddresses, onCanceled: () => undefined } as unknown as CustomFunctions.CancelableInvocation;
}
