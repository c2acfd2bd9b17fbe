/// <reference types="custom-functions-runtime" />
// =ASSORT.FIT called as Excel calls it: the History range as a 2-D array (blank cells possibly as 0), null for
// omitted arguments, an invocation with the arguments' addresses. The estimate is the one known by hand; its
// first three columns are a Substitution range that OPTIMIZE and the sheet reader take as they are; bad input
// names its cell; the job runs in-thread and in the real worker script behind structured cloning.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { inProcessWorker } from "./inProcessWorker";
import { fit, optimize } from "../../src/functions/functions";
import { LIST_HEADER, SHARES_HEADER, SUMMARY_COLUMN } from "../../src/functions/fitTable";
import { readSubstitution } from "../../src/sheet/substitution";
import { PLAN_HEADER } from "../../src/sheet/planTable";
import { EngineClient, JobTimedOut } from "../../src/worker/client";
import type { SheetFit } from "../../src/sheet/fitSheet";

const mockEngine: { client?: unknown } = {};
jest.mock("../../src/worker/sharedClient", () => ({ engineClient: () => mockEngine.client }));

beforeEach(() => {
  mockEngine.client = new EngineClient({ createWorker: null });
});

const NONE = null as unknown as unknown[][];
/** {A,B}: 50 A, 30 B, 20 none; {A}: 70 A, 30 none; {B}: 45 B, 55 none ⇒ λ = (.5, .3), λ_0 = .2, ρ[B][A] = 2/3, ρ[A][B] = .3. */
const HISTORY: unknown[][] = [
  ["Offered", "Purchased", "Count"],
  ["A;B", "A", 50],
  ["A;B", "B", 30],
  ["A;B", "", 20],
  ["A", "A", 70],
  ["A", "", 30],
  ["B", "B", 45],
  ["B", "", 55],
];
const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand"],
  ["A", 30, 12, 50],
  ["B", 28, 12, 30],
];
const EXACT = [
  ["tolerance", 1e-13],
  ["max iterations", 50000],
];

async function errorOf(p: Promise<unknown>): Promise<CustomFunctionsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctionsError);
    return e as CustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

/** The Substitution range a user gives OPTIMIZE: the spill's first three columns (TAKE(H1#,,3)). */
const listOf = (out: unknown[][]) => out.map((r) => r.slice(0, 3));
/** The summary block's row whose label is `label`. */
const summaryRow = (out: unknown[][], label: string) =>
  out.find((r) => r[SUMMARY_COLUMN] === label)?.slice(SUMMARY_COLUMN);
const probability = (out: unknown[][], from: string, to: string) => out.find((r) => r[0] === from && r[1] === to)?.[2];

describe("ASSORT.FIT", () => {
  test("spills the hand estimate: the list first, the shares and the fit's figures after a blank column", async () => {
    const out = await fit(HISTORY, PRODUCTS, EXACT, invocation());
    expect(out.every((r) => r.length === out[0].length && r.every((v) => v !== null && v !== undefined))).toBe(true);
    expect(out[0]).toEqual([...LIST_HEADER, "", ...SHARES_HEADER]);
    expect(out.every((r) => r[3] === "")).toBe(true);
    expect(probability(out, "B", "A")).toBeCloseTo(2 / 3, 5);
    expect(probability(out, "A", "B")).toBeCloseTo(0.3, 5);
    expect(summaryRow(out, "A")).toEqual(["A", expect.closeTo(0.5, 6), expect.closeTo(0.3, 5)]);
    expect(summaryRow(out, "B")).toEqual(["B", expect.closeTo(0.3, 6), expect.closeTo(2 / 3, 5)]);
    expect(summaryRow(out, "No purchase")?.[1]).toBeCloseTo(0.2, 6);
    expect(summaryRow(out, "Customers")?.[1]).toBe(300);
    expect(summaryRow(out, "Converged")?.[1]).toBe(true);
    expect(summaryRow(out, "Iterations")?.[1]).toBeGreaterThan(0);
    expect(summaryRow(out, "Log-likelihood")?.[1]).toBeLessThan(0);
    expect(out.some((r) => r[SUMMARY_COLUMN] === "Warning")).toBe(false);
  });

  test("round trip: the first three columns read back as the same links and feed OPTIMIZE", async () => {
    const out = await fit(HISTORY, PRODUCTS, EXACT, invocation());
    const list = listOf(out);
    const read = readSubstitution(list, ["A", "B"]);
    expect(read.problems).toEqual([]);
    expect(read.layout).toBe("list");
    const links = out
      .slice(1)
      .filter((r) => r[0] !== "")
      .map((r) => ({ from: r[0], to: r[1], probability: r[2] }));
    expect(read.links).toEqual(links);
    const plan = await optimize(PRODUCTS, list, [["method", "fluid"]], invocation());
    expect(plan[0]).toEqual(PLAN_HEADER);
    // The whole columns (H:J with nothing below) work too: trailing blanks are dropped.
    const whole = [...list, ...Array.from({ length: 20 }, () => [0, 0, 0])];
    expect(readSubstitution(whole, ["A", "B"]).links).toEqual(read.links);
  });

  test("blank cells that reach the function as 0 (Purchased, Count, whole-column ranges) are read as blanks", async () => {
    const zeros = HISTORY.map((r, i) => (i === 0 ? r : [r[0], r[1] === "" ? 0 : r[1], r[2]]));
    zeros.push(["A", 0, 0], [0, 0, 0], [0, 0, 0]); // one more customer who left; then empty rows
    const withBlanks = [...HISTORY, ["A", "", ""]];
    const a = await fit(zeros, NONE, EXACT, invocation());
    const b = await fit(withBlanks, NONE, EXACT, invocation());
    expect(a).toEqual(b);
    expect(summaryRow(a, "Customers")?.[1]).toBe(301);
  });

  test("per-period sales: Available 0 is FALSE, a period's Customers given on one row (the others 0)", async () => {
    const periods = [
      ["Week", "Product", "Available", "Sales", "Customers"],
      [1, "A", 1, 50, 100],
      [1, "B", 1, 30, 0],
      [2, "A", 1, 70, 100],
      [2, "B", 0, 0, 0],
      [3, "A", 0, 0, 100],
      [3, "B", 1, 45, 0],
    ];
    const out = await fit(periods, NONE, EXACT, invocation());
    expect(summaryRow(out, "A")?.[1]).toBeCloseTo(0.5, 6);
    expect(summaryRow(out, "No purchase")?.[1]).toBeCloseTo(0.2, 6);
    expect(probability(out, "B", "A")).toBeCloseTo(2 / 3, 5);
  });

  test("warnings: a product never unavailable has unknown substitutes, a product never offered is named", async () => {
    const history = [
      ["Offered", "Purchased"],
      ["A;B", "A"],
      ["A;B", "B"],
      ["A;B", ""],
      ["B", "B"],
      ["B", ""],
    ];
    const out = await fit(history, [["Product"], ["A"], ["B"], ["C"]], NONE, invocation());
    expect(summaryRow(out, "B")?.[2]).toBe("unknown");
    const warnings = out.filter((r) => r[SUMMARY_COLUMN] === "Warning").map((r) => r[SUMMARY_COLUMN + 1]);
    expect(warnings).toEqual(expect.arrayContaining(["unidentified-row", "never-offered"]));
    const neverOffered = out.find((r) => r[SUMMARY_COLUMN + 1] === "never-offered") as unknown[];
    expect(neverOffered[SUMMARY_COLUMN + 2]).toMatch(/never offered .*: C$/);
    // Its share is not estimable (as assort fit says), not the 0 the fit holds it at.
    expect(summaryRow(out, "C")?.[1]).toBe("not estimable");
    expect(typeof summaryRow(out, "A")?.[1]).toBe("number");
    // The list is still a clean Substitution range for the three products.
    expect(readSubstitution(listOf(out), ["A", "B", "C"]).problems).toEqual([]);
  });

  test("a bad history: #VALUE! naming the sheet row and column", async () => {
    const history = HISTORY.map((r) => [...r]);
    history[3][1] = "C";
    history[5][0] = "A;D";
    const e = await errorOf(fit(history, PRODUCTS, NONE, invocation(["Data!B4:D11", "Data!F4:I6"])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "History row 7, column Purchased: 'C' is not a product; did you mean 'A'? | History row 9, column Offered: 'D' is not a product; did you mean 'A'?",
    );
  });

  test("Excel error values, bad Products and bad Options are named with their cells", async () => {
    const history: unknown[][] = HISTORY.map((r) => [...r]);
    history[2][1] = new CustomFunctionsError("#N/A");
    const e = await errorOf(fit(history, NONE, NONE, invocation(["Data!A10:C17"])));
    expect(e.message).toBe(
      "History row 12, column Purchased: holds the Excel error #N/A; fix the formula or the data it refers to",
    );
    const p = await errorOf(fit(HISTORY, [["Product"], ["A"], ["A"]], NONE, invocation(["", "Sheet1!A1:A3"])));
    expect(p.message).toBe("Products row 3 (A): the id 'A' is already used by row 2; ids must be unique.");
    const o = await errorOf(
      fit(
        HISTORY,
        NONE,
        [
          ["tolerence", 1e-6],
          ["max iterations", 2.5],
        ],
        invocation(["", "", "Sheet1!E1:F2"]),
      ),
    );
    expect(o.code).toBe("#VALUE!");
    expect(o.message).toBe(
      "Options row 1 (tolerence): 'tolerence' is not an option of ASSORT.FIT; did you mean 'tolerance'? | " +
        "Options row 2 (max iterations): 2.5 is not a number of iterations; give a whole number from 1 to 1,000,000 (default 5,000).",
    );
  });

  test("options: max iterations stops EM early (not converged, warned); min probability drops small links", async () => {
    const out = await fit(HISTORY, NONE, [["max iterations", 2]], invocation());
    expect(summaryRow(out, "Converged")?.[1]).toBe(false);
    expect(out.some((r) => r[SUMMARY_COLUMN] === "Warning" && r[SUMMARY_COLUMN + 1] === "not-converged")).toBe(true);
    const sparse = await fit(HISTORY, NONE, [["min probability", 0.5], ...EXACT], invocation());
    expect(listOf(sparse).filter((r) => r[0] !== "")).toEqual([LIST_HEADER, ["B", "A", expect.closeTo(2 / 3, 5)]]);
  });

  test("in the real worker script (structured cloning) it gives what the in-thread fallback gives", async () => {
    const inThread = await fit(HISTORY, PRODUCTS, EXACT, invocation());
    const worker = new EngineClient({ createWorker: inProcessWorker });
    mockEngine.client = worker;
    const history: unknown[][] = HISTORY.map((r) => [...r]);
    history[1][0] = { type: "String", basicValue: "A;B" }; // a value object as allowCustomDataForDataTypeAny passes it
    expect(await fit(history, PRODUCTS, EXACT, invocation())).toEqual(inThread);
    expect(worker.usesWorkers).toBe(true);
    const bad = await errorOf(
      fit(
        [
          ["Offered", "Purchased"],
          ["A", "B"],
        ],
        NONE,
        NONE,
        invocation(["S!A1:B2"]),
      ),
    );
    expect(bad.message).toBe(
      "History row 2, column Purchased: 'B' was bought but not offered to this customer (offered: A)",
    );
    worker.dispose();
  });

  test("cancelled by Excel (in-thread and in a worker): the promise settles with #N/A", async () => {
    for (const client of [
      new EngineClient({ createWorker: null }),
      new EngineClient({ createWorker: inProcessWorker, cancelGraceMs: 10 }),
    ]) {
      mockEngine.client = client;
      const inv = invocation();
      const p = fit(HISTORY, NONE, NONE, inv);
      (inv.onCanceled as () => void)();
      const e = await errorOf(p);
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/cancelled/);
      // Let the worker take its messages (and be stopped) before the next client.
      await new Promise((r) => setTimeout(r, 50));
      expect(client.pendingCount).toBe(0);
      client.dispose();
    }
  });

  test("a fit that times out says what to change; one too big for Excel is refused", async () => {
    const handle = (result: Promise<unknown>) => ({ submit: () => ({ id: 1, result, cancel: () => undefined }) });
    mockEngine.client = handle(Promise.reject(new JobTimedOut(600000)));
    const t = await errorOf(fit(HISTORY, NONE, NONE, invocation()));
    expect(t.code).toBe("#N/A");
    expect(t.message).toMatch(
      /^The estimate did not finish within 600 s and was stopped; lower max iterations in Options/,
    );
    const ids = Array.from({ length: 400 }, (_, i) => `PRODUCT-${i}`);
    const huge: SheetFit = {
      noPurchaseShare: 0.1,
      products: ids.map((id) => ({ id, demandShare: 0.9 / 400 })),
      links: ids.flatMap((from) => ids.slice(0, 300).map((to) => ({ from, to, probability: 0.002 }))),
      logLikelihood: -1,
      iterations: 1,
      converged: true,
      customers: 1,
      customersPerPeriod: NaN,
      warnings: [],
      problems: [],
    };
    mockEngine.client = handle(Promise.resolve(huge));
    const big = await errorOf(fit(HISTORY, NONE, NONE, invocation()));
    expect(big.code).toBe("#VALUE!");
    expect(big.message).toMatch(
      /^History: the estimate has 120,000 substitution links, more than Excel takes back from a function; raise min probability/,
    );
  });
});
