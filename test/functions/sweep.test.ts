/// <reference types="custom-functions-runtime" />
// =ASSORT.SWEEP called as Excel calls it, through the (in-process) worker: the spill is the shared sweep
// table, one row per point in increasing order, profit non-decreasing in the budget within noise; bad rules
// and values are #VALUE! with a message saying what would be right; a cancel ends the job.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { sweep } from "../../src/functions/functions";
import { sweepColumns } from "../../src/sheet/sweepTable";
import { EngineClient } from "../../src/worker/client";

const mockEngine: { client?: unknown } = {};
jest.mock("../../src/worker/sharedClient", () => ({ engineClient: () => mockEngine.client }));

beforeEach(() => {
  mockEngine.client = new EngineClient({ createWorker: null });
});

const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand"],
  ["T1", 20, 8, 40],
  ["T2", 20, 8, 30],
  ["J1", 50, 20, 20],
  ["J2", 45, 20, 15],
];
const SUBSTITUTION = [
  ["From", "To", "Probability"],
  ["T1", "T2", 0.5],
  ["T2", "T1", 0.5],
  ["J1", "J2", 0.4],
  ["J2", "J1", 0.4],
];
const NONE = null as unknown as unknown[][];

async function errorOf(p: Promise<unknown>): Promise<CustomFunctionsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctionsError);
    return e as CustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

test("spills one row per budget, in order, within each budget", async () => {
  const out = await sweep(PRODUCTS, SUBSTITUTION, [["Budget"]], [[1200], [400], [800]], NONE, invocation());
  expect(out[0]).toEqual(sweepColumns("budget").map((c) => c.header));
  expect(out.map((r) => r[0]).slice(1)).toEqual([400, 800, 1200]);
  for (let k = 1; k < out.length; k++) {
    expect(out[k][7] as number).toBeLessThanOrEqual((out[k][0] as number) + 1e-9);
    if (k > 1) expect(out[k][1] as number).toBeGreaterThanOrEqual((out[k - 1][1] as number) - 50);
  }
  expect(out[1][10]).toBe("");
  expect(typeof out[2][10]).toBe("number");
}, 120000);

test("bad rules and values are #VALUE! saying what would be right", async () => {
  const bad = async (rule: unknown, values: unknown[][]) =>
    (await errorOf(sweep(PRODUCTS, SUBSTITUTION, [[rule]], values, NONE, invocation()))).message;
  expect(await bad("price", [[1], [2]])).toMatch(/"budget", "capacity" or "maxProducts"/);
  expect(await bad("budget", [[100]])).toMatch(/at least 2 different budget values/);
  expect(await bad("budget", [[100], ["lots"]])).toMatch(/row 2, column 1 holds 'lots'/);
  expect(await bad("budget", [[-5], [100]])).toMatch(/cannot be negative/);
  expect(await bad("max products", [[1.5], [3]])).toMatch(/whole numbers/);
});
