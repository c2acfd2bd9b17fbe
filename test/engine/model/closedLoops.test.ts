// Closed loops (docs/model.md §1): groups of products a walking customer can never leave.

import { closedLoops } from "../../../src/engine/model/closedLoops";
import { sparseOf } from "../groundTruth/sparse";

function loops(n: number, links: [number, number, number][]): number[][] {
  return closedLoops(n, sparseOf(n, links));
}

test("a cycle whose rows all sum to 1 is one closed loop", () => {
  expect(
    loops(4, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
    ]),
  ).toEqual([[0, 1, 2]]);
});

test("a cycle with one exit anywhere on it is not closed", () => {
  expect(
    loops(3, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 0, 0.5],
    ]),
  ).toEqual([]);
});

test("a full row that leads into an open product is fine; one that leads into a closed loop is trapped with it", () => {
  expect(
    loops(5, [
      [0, 1, 1], // 0 → 1, and 1 has an exit
      [1, 0, 0.4],
      [2, 3, 1], // 2 → 3 ↔ 4, all full
      [3, 4, 1],
      [4, 3, 1],
    ]),
  ).toEqual([[2, 3, 4]]);
});

test("two separate loops are two groups", () => {
  expect(
    loops(4, [
      [0, 1, 1],
      [1, 0, 1],
      [2, 3, 1],
      [3, 2, 1],
    ]),
  ).toEqual([
    [0, 1],
    [2, 3],
  ]);
});
