// The What-if fields: evenly spaced points (7 by default), and a sentence naming the field for every bad entry.

import { readWhatIf } from "../../src/taskpane/whatIfForm";

const read = (rule: string, from: string, to: string, points = "") => readWhatIf({ rule, from, to, points });

test("From, To and the points give evenly spaced values; 7 points unless told", () => {
  expect(read("budget", "40,000", "100 000").request).toEqual({
    rule: "budget",
    values: [40000, 50000, 60000, 70000, 80000, 90000, 100000],
  });
  expect(read("capacity", "0", "1", "3").request?.values).toEqual([0, 0.5, 1]);
  // Whole numbers of products; points that round together are one point.
  expect(read("maxProducts", "2", "4", "5").request?.values).toEqual([2, 3, 4]);
});

test.each([
  ["budget", "7000", "1000", "", "From (7,000) is above To (1,000): swap them."],
  ["budget", "5000", "5000", "", "From and To are both 5,000: give a range."],
  ["budget", "-5", "1000", "", "From: a budget cannot be negative (got -5)."],
  ["budget", "1000", "abc", "", "To: 'abc' is not a number."],
  ["budget", "", "1000", "", "From: give the budget the curve starts at."],
  ["budget", "1000", "2000", "500", "Points: '500' is not a number of points; give a whole number from 2 to 50."],
  ["budget", "1000", "2000", "1", "Points: '1' is not a number of points; give a whole number from 2 to 50."],
  ["budget", "1000", "2000", "2.5", "Points: '2.5' is not a number of points; give a whole number from 2 to 50."],
  ["maxProducts", "1.5", "9", "", "From: a number of products is whole (got 1.5)."],
  ["maxProducts", "3", "3.5", "", "To: a number of products is whole (got 3.5)."],
  ["rent", "1", "2", "", "Rule: choose budget, capacity or max products."],
])("%s from %s to %s, %s points: %s", (rule, from, to, points, said) => {
  const r = read(rule, from, to, points);
  expect(r.request).toBeUndefined();
  expect(r.problems.join(" ")).toBe(said);
});

test("two bad fields are both named", () => {
  expect(read("budget", "x", "-1").problems).toEqual([
    "From: 'x' is not a number.",
    "To: a budget cannot be negative (got -1).",
  ]);
});
