// One E-step on two products worked by hand: A → B with 0.6 (A's other 0.4 leave), λ = (0.5, 0.3), λ_0 = 0.2.
// With A out, P_B = 0.3 + 0.6·0.5 = 0.6 and P_0 = 0.2 + 0.4·0.5 = 0.4; Bayes splits each observed outcome
// between the walks that lead to it: a B buyer started at B or at A with 0.3 : 0.3, a leaver wanted nothing or
// started at A with 0.2 : 0.2.

import { expectation } from "../../../src/engine/substitution/fitExpectation";
import { groupRecords } from "../../../src/engine/substitution/fitRecords";
import { sparseSubstitution } from "../../../src/engine/model/sparseSubstitution";

const sub = sparseSubstitution(2, [0], [1], [0.6]);
const lambda = Float64Array.from([0.5, 0.3]);

function eStep(groups: ReturnType<typeof groupRecords>, rate = 0) {
  const startAt = new Float64Array(2);
  const moves = new Float64Array(1);
  const leaves = new Float64Array(2);
  const e = expectation(2, groups, lambda, 0.2, sub, rate, startAt, moves, leaves)!;
  return { e, startAt: Array.from(startAt), moves: Array.from(moves), leaves: Array.from(leaves) };
}

const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 10));

test("counted customers, A out: 10 buy B, 5 leave", () => {
  const groups = groupRecords(2, [], [{ available: [0, 1], sales: [0, 10], customers: 15 }]);
  const { e, startAt, moves, leaves } = eStep(groups);
  // B buyers: 5 started at B, 5 at A and moved to B. Leavers: 2.5 wanted nothing, 2.5 started at A and left.
  expect(startAt).toEqual(close([7.5, 5]));
  expect(moves).toEqual(close([5]));
  expect(leaves).toEqual(close([2.5, 0]));
  expect(e.startAtNothing).toBeCloseTo(2.5, 10);
  expect(e.customers).toBeCloseTo(15, 10);
  expect(e.logLikelihood).toBeCloseTo(10 * Math.log(0.6) + 5 * Math.log(0.4), 10);
  expect(e.poissonExposure).toBe(0);
});

test("a full offer adds its outcomes as they are: no walk was needed", () => {
  const groups = groupRecords(
    2,
    [
      { offered: [0, 1], purchased: 0, count: 4 },
      { offered: [1, 0], purchased: 1, count: 2 },
      { offered: [0, 1], purchased: -1 },
    ],
    [{ available: [0, 1], sales: [0, 10], customers: 15 }],
  );
  const { e, startAt, moves, leaves } = eStep(groups);
  expect(startAt).toEqual(close([7.5 + 4, 5 + 2]));
  expect(moves).toEqual(close([5]));
  expect(leaves).toEqual(close([2.5, 0]));
  expect(e.startAtNothing).toBeCloseTo(2.5 + 1, 10);
  expect(e.customers).toBeCloseTo(22, 10);
  const full = 4 * Math.log(0.5) + 2 * Math.log(0.3) + Math.log(0.2);
  expect(e.logLikelihood).toBeCloseTo(10 * Math.log(0.6) + 5 * Math.log(0.4) + full, 10);
});

test("sales only (Poisson), A out: the unseen leavers are expected from the arrival rate", () => {
  // Rate 10 over exposure 2: 20 expected customers, of whom 20·0.4 = 8 leave (4 wanted nothing, 4 from A).
  const groups = groupRecords(2, [], [{ available: [false, true], sales: [0, 12], exposure: 2 }]);
  const { e, startAt, moves, leaves } = eStep(groups, 10);
  expect(startAt).toEqual(close([6 + 4, 6]));
  expect(moves).toEqual(close([6]));
  expect(leaves).toEqual(close([4, 0]));
  expect(e.startAtNothing).toBeCloseTo(4, 10);
  expect(e.poissonCustomers).toBeCloseTo(20, 10);
  expect(e.poissonExposure).toBe(2);
  // Poisson(20·0.6) log-density of 12 sales, without the log 12! term.
  expect(e.logLikelihood).toBeCloseTo(12 * Math.log(20 * 0.6) - 20 * 0.6, 10);
});

test("returns null once the deadline has passed (checked every 256 offered sets)", () => {
  const [group] = groupRecords(2, [{ offered: [0, 1], purchased: 0 }], []);
  const run = (groups: (typeof group)[], deadline: number) =>
    expectation(
      2,
      groups,
      lambda,
      0.2,
      sub,
      0,
      new Float64Array(2),
      new Float64Array(1),
      new Float64Array(2),
      deadline,
    );
  expect(run(Array(300).fill(group), 0)).toBeNull();
  expect(run(Array(255).fill(group), 0)).not.toBeNull(); // no look at the clock before the 256th set
  expect(run(Array(300).fill(group), Infinity)?.logLikelihood).toBeCloseTo(300 * Math.log(0.5), 8);
});
