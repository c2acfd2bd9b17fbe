/// <reference types="custom-functions-runtime" />
// The realistic ceiling in what ASSORT.BOUND, OPTIMIZE and EVALUATE spill (the engine in-thread, as in
// functions.test.ts): its value and what it is, its standard error and seasons with the caveat, and the
// note saying which bound "% of bound" is of.

import { invocation } from "./customFunctionsStub";
import { bound, evaluate, optimize } from "../../src/functions/functions";

jest.mock("../../src/worker/sharedClient", () => {
  const { EngineClient: Client } = jest.requireActual("../../src/worker/client");
  const client = new Client({ createWorker: null });
  return { engineClient: () => client };
});

const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand", "Units"],
  ["Tee-01", 30, 12, 8, 9],
  ["Tee-02", 28, 12, 5, 0],
  ["Tee-03", 35, 15, 3, 3],
];
const SUBSTITUTION = [
  ["From", "To", "Probability"],
  ["Tee-02", "Tee-01", 0.5],
  ["Tee-03", "Tee-01", 0.3],
];

function row(out: unknown[][], label: string): unknown[] {
  const r = out.find((x) => x[0] === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

test("BOUND: the fluid bound, then the realistic ceiling below it with its standard error", async () => {
  const out = await bound(PRODUCTS, SUBSTITUTION, null as unknown as unknown[][], invocation());
  const fluid = out[0][1] as number;
  const c = row(out, "Realistic ceiling");
  expect(c[1] as number).toBeLessThan(fluid);
  expect(c[2]).toMatch(/^SAA bound on 50 sampled seasons/);
  const se = row(out, "± standard error");
  expect(se[1] as number).toBeGreaterThan(0);
  expect(se[2]).toMatch(/^50 sampled seasons; still a relaxation/);
});

test("OPTIMIZE: % of bound is of the ceiling, and says so", async () => {
  const out = await optimize(PRODUCTS, SUBSTITUTION, [["seed", 2]], invocation());
  const ceiling = row(out, "Realistic ceiling")[1] as number;
  const profit = row(out, "Expected profit")[1] as number;
  const share = row(out, "% of bound");
  expect(share[1] as number).toBeCloseTo((100 * profit) / ceiling, 8);
  expect(share[2]).toMatch(/^of the realistic ceiling \(the tighter bound\)/);
}, 60000);

test("EVALUATE: the ceiling and the share of it", async () => {
  const out = await evaluate(
    PRODUCTS,
    SUBSTITUTION,
    null as unknown as unknown[][],
    null as unknown as unknown[][],
    invocation(),
  );
  const ceiling = row(out, "Realistic ceiling")[1] as number;
  const profit = row(out, "Expected profit")[1] as number;
  expect(row(out, "% of bound")[1] as number).toBeCloseTo((100 * profit) / ceiling, 8);
});
