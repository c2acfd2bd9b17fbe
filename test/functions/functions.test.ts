/// <reference types="custom-functions-runtime" />
// The ASSORT functions called as Excel calls them: ranges as 2-D arrays, null for omitted arguments, an
// invocation with the arguments' addresses. The engine runs in-thread (the client's fallback) instead of in a
// Web Worker, which Jest does not have.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { bound, choice, evaluate, optimize, substitution } from "../../src/functions/functions";
import { PLAN_HEADER } from "../../src/sheet/planTable";
import { EVALUATION_HEADER } from "../../src/sheet/evaluationTable";

jest.mock("../../src/worker/sharedClient", () => {
  const { EngineClient: Client } = jest.requireActual("../../src/worker/client");
  const client = new Client({ createWorker: null });
  return { engineClient: () => client };
});

const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand", "Units"],
  ["Tee-01", 30, 12, 40, 40],
  ["Tee-02", 28, 12, 25, 0],
  ["Tee-03", 35, 15, 10, 10],
  [null, null, null, null, null],
  [0, 0, 0, 0, 0],
];
const SUBSTITUTION = [
  ["From", "To", "Probability"],
  ["Tee-02", "Tee-01", 0.5],
  ["Tee-03", "Tee-01", 0.3],
];

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<CustomFunctionsError> {
  try {
    if (typeof p === "function") p();
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctionsError);
    return e as CustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

function rectangular(rows: unknown[][]): boolean {
  return rows.every((r) => r.length === rows[0].length && r.every((v) => v !== null && v !== undefined));
}

describe("ASSORT.OPTIMIZE", () => {
  test("spills the plan table; Excel's cancel handler is installed", async () => {
    const inv = invocation();
    const out = await optimize(PRODUCTS, SUBSTITUTION, [["method", "fluid"]], inv);
    expect(out[0]).toEqual(PLAN_HEADER);
    expect(out.slice(1, 4).map((r) => r[0])).toEqual(["Tee-01", "Tee-02", "Tee-03"]);
    expect(rectangular(out)).toBe(true);
    expect(out.find((r) => r[0] === "Expected profit")?.[1]).toEqual(expect.any(Number));
    expect(inv.onCanceled).toEqual(expect.any(Function));
  });
  test("omitted options arrive as null", async () => {
    const out = await optimize(PRODUCTS, SUBSTITUTION, null as unknown as unknown[][], invocation());
    expect(out.find((r) => r[0] === "Method")?.[1]).toBe("auto");
  }, 60000);
  test("bad input: #VALUE! naming the sheet row and column", async () => {
    const products = PRODUCTS.map((r) => [...r]);
    products[2][1] = "abc";
    const e = await errorOf(
      optimize(products, SUBSTITUTION, null as unknown as unknown[][], invocation(["Plan!B4:F9", "Plan!H4:J6", ""])),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Products row 6 (Tee-02), column Price: 'abc' is not a number; the selling price must be a number above 0.",
    );
  });
  test("error values in the ranges (allowErrorForDataTypeAny) are named with their cell", async () => {
    const products: unknown[][] = PRODUCTS.map((r) => [...r]);
    products[1][3] = new CustomFunctionsError("#DIV/0!");
    products[3][2] = { type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    const e = await errorOf(
      optimize(products, SUBSTITUTION, null as unknown as unknown[][], invocation(["Plan!A1:E6"])),
    );
    expect(e.message).toBe(
      "Products row 2 (Tee-01), column Demand: holds the Excel error #DIV/0!; fix the formula or the data it refers to. | " +
        "Products row 4 (Tee-03), column Cost: holds the Excel error #N/A; fix the formula or the data it refers to.",
    );
  });
  test("cancelled by Excel: the promise settles with #N/A", async () => {
    const inv = invocation();
    const p = optimize(
      PRODUCTS,
      SUBSTITUTION,
      [
        ["method", "auto"],
        ["time limit", 60],
      ],
      inv,
    );
    (inv.onCanceled as () => void)();
    const e = await errorOf(p);
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/cancelled/);
  });
  test("several problems: the first ones and a count", async () => {
    const products = [
      ["Product", "Price", "Cost", "Demand"],
      ["A", -1, 1, 1],
      ["B", "x", 1, 1],
      ["C", 2, "#N/A", 1],
      ["D", 2, 1, -4],
    ];
    const e = await errorOf(optimize(products, [[null]], [["budgett", 3]], invocation()));
    expect(e.message).toMatch(
      /^Products row 2 \(A\), column Price: -1 is too small.* \| Products row 3 \(B\).* \| Products row 4 \(C\), column Cost: holds the Excel error #N\/A.* \| and 2 more problems$/,
    );
  });
});

describe("ASSORT.EVALUATE", () => {
  test("with the Units column of Products (Units omitted)", async () => {
    const out = await evaluate(PRODUCTS, SUBSTITUTION, null as unknown as unknown[][], [["seed", 2]], invocation());
    expect(out[0]).toEqual(EVALUATION_HEADER);
    expect(out.slice(1, 4).map((r) => r[1])).toEqual([40, 0, 10]);
    expect(rectangular(out)).toBe(true);
    const profit = out.find((r) => r[0] === "Expected profit")?.[1] as number;
    const half = out.find((r) => r[0] === "± 95% interval")?.[1] as number;
    expect(half).toBeGreaterThan(0);
    expect(profit).toBeGreaterThan(0);
  });
  test("with OPTIMIZE's output as the plan", async () => {
    const plan = await optimize(PRODUCTS, SUBSTITUTION, [["method", "fluid"]], invocation());
    const out = await evaluate(PRODUCTS, SUBSTITUTION, plan, null as unknown as unknown[][], invocation());
    expect(out.slice(1, 4).map((r) => r[1])).toEqual(plan.slice(1, 4).map((r) => r[2]));
  });
  test("a bad unit names its row", async () => {
    const e = await errorOf(
      evaluate(
        PRODUCTS,
        SUBSTITUTION,
        [[1], [2.5], [3]],
        null as unknown as unknown[][],
        invocation(["", "", "Sheet1!K2:K4"]),
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Units row 3 (Tee-02): 2.5 is not a whole number; give a whole number of units, 0 or more.");
  });
});

describe("ASSORT.BOUND, CHOICE, SUBSTITUTION", () => {
  test("BOUND: the bound in the first row", async () => {
    const out = await bound(PRODUCTS, SUBSTITUTION, null as unknown as unknown[][], invocation());
    expect(out[0][0]).toBe("Upper bound");
    expect(out[0][1]).toBeGreaterThan(0);
    expect(rectangular(out)).toBe(true);
  });
  test("CHOICE: Tee-02 out of stock sends half its customers to Tee-01", async () => {
    const out = await choice(PRODUCTS, SUBSTITUTION, [[true], [false], [true]], invocation());
    const tee02 = out.find((r) => r[0] === "Tee-02") as unknown[];
    expect(tee02[1]).toBe(false);
    expect(tee02[6]).toBeCloseTo(0.5, 6);
    expect(tee02[7]).toBe("Tee-01 (50.0%)");
  });
  test("SUBSTITUTION feeds OPTIMIZE", async () => {
    const matrix = substitution(PRODUCTS, [[75]], invocation());
    expect(matrix[0]).toEqual(["From \\ To", "Tee-01", "Tee-02", "Tee-03"]);
    const out = await optimize(PRODUCTS, matrix, [["method", "fluid"]], invocation());
    expect(out[0]).toEqual(PLAN_HEADER);
  });
  test("errors are #VALUE! with the located message", async () => {
    const e = await errorOf(choice(PRODUCTS, SUBSTITUTION, [["Tee-04"]], invocation()));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Available: 'Tee-04' is not among the products; did you mean 'Tee-01'?");
    const w = await errorOf(() => substitution(PRODUCTS, [[-1]], invocation()));
    expect(w.message).toMatch(/^Weights: -1 is not a no-purchase weight/);
    const b = await errorOf(bound([["Price"], [3]], [[null]], null as unknown as unknown[][], invocation()));
    expect(b.message).toMatch(/^Products row 1: no Product column/);
  });
});
