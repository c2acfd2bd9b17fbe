// The history as the EM reads it: records merged by offered set and kind (counted vs sales-only), with totals
// checked by hand, and each unusable record named by its number.

import { groupRecords } from "../../../src/engine/substitution/fitRecords";
import { HistoryError, type PeriodSales, type Transaction } from "../../../src/engine/substitution/fitTypes";

test("merges records by offered set whatever the order, keeping counted and sales-only apart", () => {
  const groups = groupRecords(
    3,
    [
      { offered: [2, 0], purchased: 0, count: 3 },
      { offered: [0, 2], purchased: 2 },
      { offered: [0, 2], purchased: -1, count: 2 },
      { offered: [1], purchased: 1 },
    ],
    [
      { available: [1, 0, 1], sales: [4, 0, 1], customers: 9 }, // counted: same group as the transactions
      { available: [1, 0, 1], sales: [2, 0, 2], exposure: 3 }, // sales only: a group of its own
      { available: [true, false, true], sales: [1, 0, 0] }, // exposure 1 by default
    ],
  );
  const plain = groups.map((g) => ({
    members: Array.from(g.members),
    unavailable: Array.from(g.unavailable),
    bought: Array.from(g.bought),
    left: g.left,
    exposure: g.exposure,
  }));
  expect(plain).toHaveLength(3);
  expect(plain).toContainEqual({ members: [0, 2], unavailable: [0, 1, 0], bought: [7, 2], left: 2 + 4, exposure: 0 });
  expect(plain).toContainEqual({ members: [1], unavailable: [1, 0, 1], bought: [1], left: 0, exposure: 0 });
  expect(plain).toContainEqual({ members: [0, 2], unavailable: [0, 1, 0], bought: [3, 2], left: 0, exposure: 4 });
});

function errorOf(transactions: Transaction[], periods: PeriodSales[] = []): HistoryError {
  try {
    groupRecords(3, transactions, periods);
  } catch (e) {
    if (e instanceof HistoryError) return e;
    throw e;
  }
  throw new Error("expected a HistoryError");
}

const ok: Transaction = { offered: [0, 1], purchased: 0 };

test.each<[string, Transaction, string]>([
  ["a zero count", { offered: [0], purchased: 0, count: 0 }, "record 2: the count must be a positive number (got 0)"],
  [
    "an index out of range",
    { offered: [0, 3], purchased: 0 },
    "record 2: offered product index 3 is not between 0 and 2",
  ],
  ["a product offered twice", { offered: [1, 1], purchased: 1 }, "record 2: product index 1 is offered twice"],
  ["an empty offer", { offered: [], purchased: -1 }, "record 2: nothing was offered"],
  ["a purchase not offered", { offered: [0, 1], purchased: 2 }, "record 2: the purchase (index 2) was not offered"],
  ["a fractional purchase index", { offered: [0, 1], purchased: 0.5 }, "the purchase (index 0.5) was not offered"],
])("names the record with %s", (_name, bad, message) => {
  const e = errorOf([ok, bad]);
  expect(e.message).toContain(message);
  expect(e.record).toBe(1);
});

test.each<[string, PeriodSales, string]>([
  ["too few products", { available: [1, 1], sales: [1, 1] }, "period 1: availability and sales must list all 3"],
  ["negative sales", { available: [1, 1, 1], sales: [1, -2, 0] }, "period 1: sales of product 1 must be 0 or more"],
  ["sales while unavailable", { available: [1, 0, 1], sales: [0, 2, 0] }, "product 1 sold 2 units while unavailable"],
  ["nothing available", { available: [0, 0, 0], sales: [0, 0, 0] }, "period 1: nothing was available"],
  [
    "a zero exposure",
    { available: [1, 1, 1], sales: [0, 0, 0], exposure: 0 },
    "the exposure must be a positive number",
  ],
  [
    "fewer customers than units",
    { available: [1, 1, 1], sales: [2, 2, 0], customers: 3 },
    "3 customers cannot have bought 4 units",
  ],
])("names the period with %s", (_name, bad, message) => {
  const e = errorOf([], [bad]);
  expect(e.message).toContain(message);
  expect(e.record).toBe(0);
});
