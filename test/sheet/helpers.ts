// Shared by the sheet tests: a small valid workbook and a way to collect the problems a reader throws.

import { SheetInputError, type SheetProblem } from "../../src/sheet/sheetProblem";

export const PRODUCTS: unknown[][] = [
  ["Product", "Price", "Cost", "Demand"],
  ["A", 10, 4, 30],
  ["B", 12, 5, 20],
  ["C", 8, 3, 10],
];

export const MATRIX: unknown[][] = [
  ["", "A", "B", "C"],
  ["A", "", 0.3, 0.2],
  ["B", 0.4, null, ""],
  ["C", 0, 0.5, 0],
];

export const LIST: unknown[][] = [
  ["From", "To", "Probability"],
  ["A", "B", 0.3],
  ["A", "C", 0.2],
  ["B", "A", 0.4],
  ["C", "B", 0.5],
];

/** Runs `f`, expecting a SheetInputError; returns its problems. */
export function problemsOf(f: () => unknown): SheetProblem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof SheetInputError) return e.problems;
    throw e;
  }
  throw new Error("expected a SheetInputError, but the input was accepted");
}

export function messagesOf(f: () => unknown): string[] {
  return problemsOf(f).map((p) => p.message);
}
