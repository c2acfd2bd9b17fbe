// EM estimation of the Markov chain choice model against independent ground truth: customers drawn by walking
// a known chain (chainTruth.ts), exact expected counts from dense linear solves, and the MNL's exact chain
// (Blanchet, Gallego and Goyal), whose conversion is computed here from the MNL weights by hand.

import {
  fitMarkovChain,
  HistoryError,
  type FitResult,
  type PeriodSales,
  type Transaction,
} from "../../../src/engine/substitution/fitMarkovChain";
import { allSubsets, denseChoice, randomChain, sampleTransactions, type DenseChain } from "../chainTruth";
import { TestRandom } from "../groundTruth/testRandom";

function errors(fit: FitResult, chain: DenseChain): { lambda: number; rhoMean: number; rhoMax: number; rms: number } {
  const n = chain.lambda.length;
  let lambda = 0;
  let sum = 0;
  let max = 0;
  let squares = (fit.noPurchaseShare - chain.lambda0) ** 2;
  for (let i = 0; i < n; i++) {
    lambda = Math.max(lambda, Math.abs(fit.lambda[i] - chain.lambda[i]));
    squares += (fit.lambda[i] - chain.lambda[i]) ** 2;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = Math.abs(fit.rho[i][j] - chain.rho[i][j]);
      squares += d * d;
      sum += d;
      max = Math.max(max, d);
    }
  }
  return { lambda, rhoMean: sum / (n * (n - 1)), rhoMax: max, rms: Math.sqrt(squares / (n * n + 1)) };
}

function expectNonDecreasing(trace: number[]): void {
  for (let k = 1; k < trace.length; k++) {
    // Only rounding in the sums may lower it, and then by far less than a millionth of a unit.
    expect(trace[k] - trace[k - 1]).toBeGreaterThanOrEqual(-1e-9 * Math.abs(trace[k - 1]));
  }
}

/** Transactions carrying the exact expected counts of `customersPerSet` customers facing every offered set. */
function expectedTransactions(chain: DenseChain, customersPerSet: number): Transaction[] {
  const out: Transaction[] = [];
  for (const s of allSubsets(chain.lambda.length)) {
    const offered = s.flatMap((o, i) => (o ? [i] : []));
    const p = denseChoice(chain, s);
    for (const j of offered)
      if (p.purchase[j] > 0) out.push({ offered, purchased: j, count: customersPerSet * p.purchase[j] });
    out.push({ offered, purchased: -1, count: customersPerSet * p.noPurchase });
  }
  return out;
}

describe("fitMarkovChain: recovery from customers drawn from a known chain", () => {
  const chain = randomChain(new TestRandom(3), 5, 3);
  const sizes = [2_000, 20_000, 200_000];
  const fits = sizes.map((size) =>
    fitMarkovChain(5, sampleTransactions(new TestRandom(size + 1), chain, size, 0.5), [], { tolerance: 1e-10 }),
  );

  test("errors shrink as the history grows, and are small with 200,000 customers", () => {
    const e = fits.map((f) => errors(f, chain));
    // Ten times the data should cut the error by about √10; ask for at least a factor 1.5 each time.
    for (let k = 1; k < e.length; k++) expect(e[k].rms).toBeLessThan(e[k - 1].rms / 1.5);
    expect(e[2].lambda).toBeLessThan(0.01);
    expect(e[2].rhoMean).toBeLessThan(0.02);
    expect(e[2].rhoMax).toBeLessThan(0.08);
    expect(Math.abs(fits[2].noPurchaseShare - chain.lambda0)).toBeLessThan(0.01);
  });

  test("the log-likelihood never decreases, and EM converges", () => {
    for (const f of fits) {
      expectNonDecreasing(f.logLikelihoodTrace);
      expect(f.converged).toBe(true);
      expect(f.logLikelihood).toBe(f.logLikelihoodTrace[f.logLikelihoodTrace.length - 1]);
      // One trace entry per accepted point; rejected accelerator jumps cost an iteration but add none.
      expect(f.iterations).toBeGreaterThanOrEqual(f.logLikelihoodTrace.length - 1);
    }
  });

  test("plain EM and the accelerated EM reach the same maximum, both without a decrease", () => {
    const data = sampleTransactions(new TestRandom(7), chain, 20_000, 0.5);
    const plain = fitMarkovChain(5, data, [], { accelerate: false, tolerance: 1e-11, maxIterations: 20000 });
    const fast = fitMarkovChain(5, data, [], { tolerance: 1e-11, maxIterations: 20000 });
    expectNonDecreasing(plain.logLikelihoodTrace);
    expectNonDecreasing(fast.logLikelihoodTrace);
    expect(plain.iterations).toBe(plain.logLikelihoodTrace.length - 1);
    expect(fast.iterations).toBeLessThan(plain.iterations);
    expect(Math.abs(fast.logLikelihood - plain.logLikelihood)).toBeLessThan(0.01);
    expect(errors(fast, chain).rms).toBeCloseTo(errors(plain, chain).rms, 2);
  });

  test("the fit explains the data at least as well as the true chain (it is the maximum of the likelihood)", () => {
    const data = sampleTransactions(new TestRandom(20_001), chain, 20_000, 0.5);
    let truthLl = 0;
    for (const t of data) {
      const mask = chain.lambda.map((_, i) => t.offered.includes(i));
      const p = denseChoice(chain, mask);
      truthLl += Math.log(t.purchased < 0 ? p.noPurchase : p.purchase[t.purchased]);
    }
    expect(fits[1].logLikelihood).toBeGreaterThan(truthLl);
    // Ten free parameters cannot buy more than a few dozen log-likelihood units over the truth.
    expect(fits[1].logLikelihood - truthLl).toBeLessThan(40);
  });

  test("shares sum to one and every row of ρ is a sub-probability", () => {
    const f = fits[2];
    expect(f.lambda.reduce((s, x) => s + x, 0) + f.noPurchaseShare).toBeCloseTo(1, 12);
    for (const row of f.rho) expect(row.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(1 + 1e-12);
    expect(f.diagnostics.unidentifiedRows).toEqual([]);
  });
});

describe("fitMarkovChain: exact expected counts give back the model exactly", () => {
  test("data from an MNL give the MNL's chain: λ_i = v_i/(v_0+Σv), ρ[i][j] = v_j/(v_0+Σv−v_i)", () => {
    const v = [3, 1, 2, 0.5, 1.5];
    const v0 = 2;
    const total = v0 + v.reduce((s, x) => s + x, 0);
    const tx: Transaction[] = [];
    for (const s of allSubsets(v.length)) {
      const offered = s.flatMap((o, i) => (o ? [i] : []));
      const den = v0 + offered.reduce((acc, i) => acc + v[i], 0);
      for (const j of offered) tx.push({ offered, purchased: j, count: (1000 * v[j]) / den });
      tx.push({ offered, purchased: -1, count: (1000 * v0) / den });
    }
    const fit = fitMarkovChain(v.length, tx, [], { tolerance: 0, maxIterations: 5000 });
    for (let i = 0; i < v.length; i++) {
      expect(fit.lambda[i]).toBeCloseTo(v[i] / total, 5);
      for (let j = 0; j < v.length; j++) expect(fit.rho[i][j]).toBeCloseTo(i === j ? 0 : v[j] / (total - v[i]), 4);
    }
    expect(fit.noPurchaseShare).toBeCloseTo(v0 / total, 6);
    expectNonDecreasing(fit.logLikelihoodTrace);
  });

  test("a dense random chain is recovered from its expected counts", () => {
    const chain = randomChain(new TestRandom(11), 4, 3, 0.4, 0.9, 0.15);
    const fit = fitMarkovChain(4, expectedTransactions(chain, 1000), [], { tolerance: 0, maxIterations: 20000 });
    const e = errors(fit, chain);
    expect(e.lambda).toBeLessThan(1e-4);
    expect(e.rhoMax).toBeLessThan(1e-3);
  });

  test("sales-only periods (Poisson arrivals, leavers unseen) recover λ, ρ and the arrival rate", () => {
    // Nobody wants nothing (λ_0 = 0): leavers are then only customers whose walk ends without a purchase.
    const chain = randomChain(new TestRandom(12), 4, 3, 0.4, 0.9, 0);
    const rate = 250;
    const periods: PeriodSales[] = allSubsets(4).map((s) => ({
      available: s.map((x) => (x ? 1 : 0)),
      sales: denseChoice(chain, s).purchase.map((p) => rate * 2 * p),
      exposure: 2,
    }));
    const fit = fitMarkovChain(4, [], periods, { tolerance: 0, maxIterations: 20000 });
    expect(fit.noPurchaseEstimated).toBe(false);
    expect(fit.noPurchaseShare).toBe(0);
    expect(fit.arrivalRate).toBeCloseTo(rate, 2);
    const e = errors(fit, chain);
    expect(e.lambda).toBeLessThan(1e-4);
    expect(e.rhoMax).toBeLessThan(1e-3);
    expectNonDecreasing(fit.logLikelihoodTrace);
  });

  test("periods with a customer count are the same as their transactions", () => {
    const chain = randomChain(new TestRandom(13), 3, 2);
    const rnd = new TestRandom(14);
    const tx = sampleTransactions(rnd, chain, 3000, 0.6);
    // One period per customer, with her count: the same information as her transaction.
    const periods: PeriodSales[] = tx.map((t) => ({
      available: [0, 1, 2].map((i) => (t.offered.includes(i) ? 1 : 0)),
      sales: [0, 1, 2].map((i) => (t.purchased === i ? 1 : 0)),
      customers: 1,
    }));
    const a = fitMarkovChain(3, tx, [], { maxIterations: 300, tolerance: 0 });
    const b = fitMarkovChain(3, [], periods, { maxIterations: 300, tolerance: 0 });
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    for (let i = 0; i < 3; i++) expect(b.lambda[i]).toBeCloseTo(a.lambda[i], 10);
    expect(b.noPurchaseShare).toBeCloseTo(a.noPurchaseShare, 10);
  });
});

describe("fitMarkovChain: diagnostics", () => {
  test("a product that was always offered has an unidentified row; one never offered is reported", () => {
    const chain = randomChain(new TestRandom(21), 4, 3);
    // Product 0 is always offered, product 3 never; purchases drawn from the exact choice probabilities.
    const rnd = new TestRandom(22);
    const tx: Transaction[] = [];
    for (let k = 0; k < 5000; k++) {
      const mask = [true, rnd.next() < 0.5, rnd.next() < 0.5, false];
      const offered = [0, 1, 2].filter((i) => mask[i]);
      const p = denseChoice(chain, mask);
      let u = rnd.next();
      let purchased = -1;
      for (const j of offered) {
        u -= p.purchase[j];
        if (u < 0) {
          purchased = j;
          break;
        }
      }
      tx.push({ offered, purchased });
    }
    const fit = fitMarkovChain(4, tx);
    expect(fit.diagnostics.unidentifiedRows).toContain(0);
    expect(fit.diagnostics.unidentifiedRows).not.toContain(1);
    expect(fit.diagnostics.neverOffered).toEqual([3]);
    expect(fit.rho[0].every((x) => x === 0)).toBe(true);
    expect(fit.links.some((l) => l.from === 0)).toBe(false);
  });

  test("a product offered but never bought is reported and gets no first-choice share", () => {
    const tx: Transaction[] = [];
    for (let k = 0; k < 200; k++) tx.push({ offered: [0, 1, 2], purchased: k % 3 === 0 ? 0 : k % 3 === 1 ? 1 : -1 });
    for (let k = 0; k < 100; k++) tx.push({ offered: [0, 2], purchased: k % 2 === 0 ? 0 : -1 });
    const fit = fitMarkovChain(3, tx);
    expect(fit.diagnostics.neverPurchased).toEqual([2]);
    expect(fit.lambda[2]).toBeLessThan(1e-6);
  });
});

describe("fitMarkovChain: the iteration cap", () => {
  test("stops at exactly maxIterations, not converged, accelerated or not", () => {
    const chain = randomChain(new TestRandom(41), 5, 3);
    const data = sampleTransactions(new TestRandom(42), chain, 3000, 0.5);
    for (const accelerate of [true, false]) {
      for (const cap of [1, 2, 5, 12]) {
        const f = fitMarkovChain(5, data, [], { maxIterations: cap, tolerance: 0, accelerate });
        expect(f.iterations).toBe(cap);
        expect(f.converged).toBe(false);
      }
    }
  });
});

describe("fitMarkovChain: records it cannot use", () => {
  const cases: Array<[string, Transaction[], RegExp]> = [
    [
      "a purchase not offered",
      [{ offered: [0, 1], purchased: 2 }],
      /record 1: the purchase \(index 2\) was not offered/,
    ],
    [
      "an empty offered set",
      [
        { offered: [0], purchased: 0 },
        { offered: [], purchased: -1 },
      ],
      /record 2: nothing was offered/,
    ],
    [
      "an index out of range",
      [{ offered: [0, 7], purchased: 0 }],
      /record 1: offered product index 7 is not between 0 and 2/,
    ],
    ["a product offered twice", [{ offered: [1, 1], purchased: 1 }], /record 1: product index 1 is offered twice/],
    ["a zero count", [{ offered: [1], purchased: 1, count: 0 }], /record 1: the count must be a positive number/],
  ];
  test.each(cases)("%s", (_name, tx, message) => {
    expect(() => fitMarkovChain(3, tx)).toThrow(HistoryError);
    expect(() => fitMarkovChain(3, tx)).toThrow(message);
  });

  test("a period selling an unavailable product, and one with fewer customers than sales", () => {
    expect(() => fitMarkovChain(2, [], [{ available: [1, 0], sales: [3, 1] }])).toThrow(
      /period 1: product 1 sold 1 units while unavailable/,
    );
    expect(() => fitMarkovChain(2, [], [{ available: [1, 1], sales: [3, 1], customers: 2 }])).toThrow(
      /period 1: 2 customers cannot have bought 4 units/,
    );
  });

  test("no history at all", () => {
    expect(() => fitMarkovChain(2, [])).toThrow(/no customers/);
  });
});
