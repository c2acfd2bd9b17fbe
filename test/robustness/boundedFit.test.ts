// The fit keeps a time limit (issue 14): EM stops at it with the best estimate so far, marked unconverged
// and said so; the estimate is a complete E-step's point (finite likelihood, shares summing to 1). Not a
// timing test: a limit already passed stops after the first E-step on any machine, and the large history asserts
// only that the run ends converged or limited, never how fast.

import { fitMarkovChain, HistoryError, type Transaction } from "../../src/engine/substitution/fitMarkovChain";
import { fitWarnings } from "../../src/engine/substitution/fitWarnings";

/** Customers with random offered sets (60% of products each, so nearly all sets are distinct). */
function history(n: number, customers: number, seed: number): Transaction[] {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const out: Transaction[] = [];
  for (let c = 0; c < customers; c++) {
    const offered: number[] = [];
    for (let i = 0; i < n; i++) if (rnd() < 0.6) offered.push(i);
    if (offered.length === 0) offered.push(c % n);
    out.push({ offered, purchased: rnd() < 0.2 ? -1 : offered[Math.floor(rnd() * offered.length)] });
  }
  return out;
}

function sharesSum(r: ReturnType<typeof fitMarkovChain>): number {
  return r.lambda.reduce((a, b) => a + b, 0) + r.noPurchaseShare;
}

describe("fit time limit", () => {
  test("a limit already passed on a history of many offered sets: refused, not even one iteration fits", () => {
    // 2,000 customers over 12 products: well over 256 distinct offered sets, so the E-step reads the clock.
    expect(() => fitMarkovChain(12, history(12, 2000, 1), [], { timeLimitMs: -1 })).toThrow(
      /did not finish within the time limit/,
    );
  });

  test("a limit that passes during the first E-step of a few sets: its point, unconverged, said so", () => {
    // At most 63 offered sets: the first E-step never reads the clock, the loop does, and stops.
    const r = fitMarkovChain(6, history(6, 500, 1), [], { timeLimitMs: -1 });
    expect(r.timeLimited).toBe(true);
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(0);
    expect(r.logLikelihoodTrace).toHaveLength(1);
    expect(Number.isFinite(r.logLikelihood)).toBe(true);
    expect(sharesSum(r)).toBeCloseTo(1, 12);
    const w = fitWarnings(["A", "B", "C", "D", "E", "F"], r);
    expect(w.find((x) => x.kind === "not-converged")?.message).toContain("the time limit stopped EM");
  });

  test("without a limit the same history converges and timeLimited is false", () => {
    const r = fitMarkovChain(6, history(6, 500, 1));
    expect(r.converged).toBe(true);
    expect(r.timeLimited).toBe(false);
  }, 60000);

  test("200,000 customers × 60 products, all-distinct offered sets: ends within its limit, best so far", () => {
    const tx = history(60, 200000, 7);
    let r: ReturnType<typeof fitMarkovChain>;
    try {
      r = fitMarkovChain(60, tx, [], { timeLimitMs: 3000 });
    } catch (e) {
      // A machine too slow for one iteration in 3 s: refused with the limit and what would fit.
      expect(e).toBeInstanceOf(HistoryError);
      expect(String(e)).toContain("did not finish within the time limit of 3.0 s");
      return;
    }
    expect(r.converged || r.timeLimited).toBe(true);
    expect(Number.isFinite(r.logLikelihood)).toBe(true);
    expect(sharesSum(r)).toBeCloseTo(1, 9);
    // The trace never decreases, cut or not.
    for (let k = 1; k < r.logLikelihoodTrace.length; k++)
      expect(r.logLikelihoodTrace[k]).toBeGreaterThanOrEqual(r.logLikelihoodTrace[k - 1] - 1e-6);
  }, 300000);

  test("weak rows are reported against the fit's own minimum, not a fixed 20", () => {
    const r = fitMarkovChain(6, history(6, 500, 1), [], { minVisits: 1e6 });
    const w = fitWarnings(["A", "B", "C", "D", "E", "F"], r).find((x) => x.kind === "weak-row");
    expect(w?.message).toContain("fewer than 1000000 customers");
  }, 60000);
});
