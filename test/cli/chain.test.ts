// `assort chain`: a choice model file in, the chain and its fidelity out; the instance it writes plans
// with `assort optimize`; bad model files are named, field by field.

import { runCli, STACK_FRAME } from "./memoryIo";

const products = ["A", "B", "C", "D"].map((id, i) => ({ id, price: 20 + i, cost: 8 }));

const MNL = JSON.stringify({
  products,
  customers: 1000,
  choiceModel: { type: "mnl", weights: { A: 3, B: 2, C: 1, D: 1 }, noPurchase: 3 },
});

const RANKINGS = JSON.stringify({
  products,
  customers: 500,
  choiceModel: {
    type: "rankings",
    types: [
      { weight: 4, ranking: ["A", "B"] },
      { weight: 2, ranking: ["B", "C", "A"] },
      { weight: 1, ranking: ["D"] },
      { weight: 1, ranking: ["C", "D"] },
      // Some customers want one product only: rows below 1, so the fit converges quickly.
      { weight: 2, ranking: ["A"] },
      { weight: 1, ranking: ["B"] },
      { weight: 1, ranking: ["C"] },
    ],
  },
});

test("an MNL gives the exact chain; demand is the first-choice share of the customers", async () => {
  const r = await runCli(["chain", "m.json", "--json"], { files: { "m.json": MNL } });
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.route).toBe("exact");
  expect(out.noPurchaseShare).toBeCloseTo(0.3, 12);
  expect(out.instance.products[0].demand).toBeCloseTo(1000 * 0.3, 9);
  expect(out.fidelity.meanTv).toBeLessThan(1e-9);
});

test("rankings: the fitted chain, its fidelity in words, and an instance that assort optimize accepts", async () => {
  const files: Record<string, string> = { "r.json": RANKINGS };
  const r = await runCli(["chain", "r.json", "--json"], { files });
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.route).toBe("fitted");
  expect(j.fittedSets).toBeGreaterThan(11);
  expect(j.fidelity.verdict).toMatch(/The chain \(fitted\) (reproduces|approximates|departs from) this model/);
  files["i.json"] = JSON.stringify(j.instance);
  const o = await runCli(["optimize", "i.json", "--json", "--method", "fluid"], { files });
  expect(o.code).toBe(0);
  expect(JSON.parse(o.stdout).expectedProfit).toBeGreaterThan(0);
});

test.each([
  [
    { products, customers: 10, choiceModel: { type: "probit" } },
    /type 'probit' is not one of rankings, mnl, nested, mixed, multiStep/,
  ],
  [
    { products, customers: -1, choiceModel: { type: "mnl", weights: { A: 1 }, noPurchase: 1 } },
    /customers: -1 is not a number of customers/,
  ],
  [
    { products, customers: 10, choiceModel: { type: "mnl", weights: { Z: 1 }, noPurchase: 1 } },
    /'Z' is not a product id/,
  ],
  [
    { products, customers: 10, choiceModel: { type: "rankings", types: [{ weight: 1, ranking: ["A", "A"] }] } },
    /listed twice/,
  ],
  [
    {
      products,
      customers: 10,
      choiceModel: { type: "nested", weights: { A: 1 }, noPurchase: 1, nests: [{ members: ["A"], dissimilarity: 2 }] },
    },
    /dissimilarity 2 must be above 0 and at most 1/,
  ],
])("a bad model file is refused with the field named (%#)", async (model, message) => {
  const r = await runCli(["chain", "bad.json"], { files: { "bad.json": JSON.stringify(model) } });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
});

test("--check-plan: the plan made on the chain, its profit under the chain and simulated under the model itself", async () => {
  const r = await runCli(["chain", "r.json", "--check-plan", "--capacity", "40", "--time-limit", "1", "--json"], {
    files: { "r.json": RANKINGS },
  });
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  const units = Object.values(j.check.units as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(units).toBeLessThanOrEqual(40);
  expect(units).toBeGreaterThan(0);
  expect(j.instance.constraints).toEqual({ capacity: 40 });
  // Revenue of at most 40 units at prices 20–23, cost 8: both figures positive, and close (the chain is fitted).
  expect(j.check.modelProfit).toBeGreaterThan(0);
  expect(Math.abs(j.check.modelProfit - j.check.chainProfit) / j.check.chainProfit).toBeLessThan(0.15);
  const bad = await runCli(["chain", "r.json", "--capacity", "40"], { files: { "r.json": RANKINGS } });
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--capacity, --budget and --time-limit go with --check-plan/);
});

test("the multi-step search shopper as an input: every position examined, one search showing all is the MNL", async () => {
  const weights = { A: 3, B: 2, C: 1, D: 1 };
  const file = JSON.stringify({
    products,
    customers: 100,
    choiceModel: {
      type: "multiStep",
      weights,
      queries: [{ share: 1, ranking: ["A", "B", "C", "D"] }],
      attention: [1, 1, 1, 1],
    },
  });
  const r = await runCli(["chain", "m.json", "--route", "removal", "--json"], { files: { "m.json": file } });
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.model).toBe("multi-step search, 1 query");
  // MNL with the no-purchase weight 1: λ_i = v_i / 8, ρ_ij = λ_j / (1 − λ_i).
  const lambda = [3 / 8, 2 / 8, 1 / 8, 1 / 8];
  for (const l of j.instance.substitution as { from: string; to: string; probability: number }[]) {
    const i = "ABCD".indexOf(l.from);
    expect(l.probability).toBeCloseTo(lambda["ABCD".indexOf(l.to)] / (1 - lambda[i]), 9);
  }
  expect(j.instance.substitution).toHaveLength(12);
  const bad = await runCli(["chain", "m.json"], {
    files: {
      "m.json": JSON.stringify({
        products,
        customers: 1,
        choiceModel: { type: "multiStep", weights, queries: [{ ranking: ["A", "Z"] }], attention: [1.5] },
      }),
    },
  });
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/queries\[1\]\.ranking: 'Z' is not a product id/);
  expect(bad.stderr).toMatch(/attention\[1\]: 1\.5 is a probability of examining the position/);
});
