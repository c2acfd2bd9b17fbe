/// <reference types="custom-functions-runtime" />
// =ASSORT.CHAIN called as Excel calls it: a Model range (rankings, MNL, nested, mixed logit) in; the first
// three columns are a Substitution list that reads back as the links and feeds OPTIMIZE; the summary gives the
// shares, Demand, the route and the fidelity; bad rows are named by sheet row.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { chain, optimize } from "../../src/functions/functions";
import { CHAIN_SHARES_HEADER } from "../../src/functions/chainTable";
import { LIST_HEADER, SUMMARY_COLUMN } from "../../src/functions/fitTable";
import { mnlToMarkovChain } from "../../src/engine";
import { readSubstitution } from "../../src/sheet/substitution";
import { PLAN_HEADER } from "../../src/sheet/planTable";
import { EngineClient } from "../../src/worker/client";

const mockEngine: { client?: unknown } = {};
jest.mock("../../src/worker/sharedClient", () => ({ engineClient: () => mockEngine.client }));

beforeEach(() => {
  mockEngine.client = new EngineClient({ createWorker: null });
});

const NONE = null as unknown as unknown[][];
const IDS = ["A", "B", "C", "D"];
const PRODUCTS = [["Product", "Price", "Cost", "Demand"], ...IDS.map((id, i) => [id, 20 + i, 8, 10])];
const MNL = [
  ["Product", "Weight"],
  ["A", 3],
  ["B", 2],
  ["C", 1],
  ["D", 1],
  ["No purchase", 3],
];
const RANKINGS = [
  ["Type", "Weight", "Ranking"],
  ["Loyal A", 4, "A > B"],
  ["Value", 2, "B > C > A"],
  ["D only", 1, "D"],
  ["C then D", 1, "C; D"],
  ["A only", 2, "A"],
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

const summary = (out: unknown[][]) => out.map((r) => r.slice(SUMMARY_COLUMN));
const figure = (out: unknown[][], name: string) => summary(out).find((r) => r[0] === name)?.[1];

describe("ASSORT.CHAIN", () => {
  test("an MNL range gives the exact chain (1e-12), with Demand when Options give the customers", async () => {
    const out = await chain(PRODUCTS, MNL, [["customers", 1000]], invocation());
    expect(out[0].slice(0, 3)).toEqual(LIST_HEADER);
    expect(out[0].slice(SUMMARY_COLUMN)).toEqual(CHAIN_SHARES_HEADER);
    const exact = mnlToMarkovChain([3, 2, 1, 1], 3);
    const read = readSubstitution(
      out.map((r) => r.slice(0, 3)),
      IDS,
    );
    expect(read.problems).toEqual([]);
    for (const l of read.links)
      expect(l.probability).toBeCloseTo(exact.rho[IDS.indexOf(l.from as string)][IDS.indexOf(l.to as string)], 12);
    expect(read.links).toHaveLength(12);
    expect(summary(out)[1]).toEqual(["A", expect.any(Number), expect.any(Number)]);
    expect(summary(out)[1][1] as number).toBeCloseTo(0.3, 12);
    expect(summary(out)[1][2] as number).toBeCloseTo(300, 9);
    expect(figure(out, "Route")).toBe("exact");
    expect(figure(out, "Mean TV distance") as number).toBeLessThan(1e-9);
  });

  test("rankings: the fitted chain, its verdict, and a list that OPTIMIZE takes as its Substitution", async () => {
    const out = await chain(PRODUCTS, RANKINGS, NONE, invocation());
    expect(figure(out, "Route")).toBe("fitted");
    expect(figure(out, "Verdict")).toMatch(/The chain \(fitted\) (reproduces|approximates|departs from) this model/);
    // D's customers want D only: they leave when it is missing (its row stays small); most of A's go on to B.
    const list = out.map((r) => r.slice(0, 3)).filter((r) => r[0] !== "");
    const row = (from: string) => list.filter((r) => r[0] === from).reduce((s, r) => s + (r[2] as number), 0);
    expect(row("D")).toBeLessThan(0.15);
    expect(row("A")).toBeGreaterThan(0.4);
    const plan = await optimize(PRODUCTS, list, [["method", "fluid"]], invocation());
    expect(plan[0]).toEqual(PLAN_HEADER);
  });

  test("nested logit with every dissimilarity 1 is the MNL: the fitted chain reproduces it", async () => {
    const nested = [
      ["Product", "Weight", "Nest", "Dissimilarity"],
      ["A", 3, "tees", 1],
      ["B", 2, "tees", ""],
      ["C", 1, "jeans", 1],
      ["D", 1, "", ""],
      ["No purchase", 3, "", ""],
    ];
    const out = await chain(PRODUCTS, nested, NONE, invocation());
    expect(figure(out, "Model")).toBe("nested logit, 2 nests");
    expect(figure(out, "Mean TV distance") as number).toBeLessThan(0.002);
  });

  test("mixed logit by Class and Share", async () => {
    const mixed = [
      ["Class", "Share", "Product", "Weight"],
      ["x", 0.6, "A", 5],
      ["x", "", "B", 1],
      ["x", "", "No purchase", 2],
      ["y", 0.4, "C", 4],
      ["y", "", "D", 4],
      ["y", "", "No purchase", 1],
    ];
    const out = await chain(PRODUCTS, mixed, [["route", "removal"]], invocation());
    expect(figure(out, "Model")).toBe("mixed logit, 2 classes");
    expect(figure(out, "Route")).toBe("removal");
  });

  test("the multi-step search shopper by Search, Share and Attention", async () => {
    const search = [
      ["Product", "Weight", "Search", "Share", "Attention"],
      ["A", 3, "A > B > C", 0.7, 0.9],
      ["B", 2, "D > C > B", 0.3, 0.5],
      ["C", 1, "", "", ""],
      ["D", 1, "", "", ""],
    ];
    const out = await chain(PRODUCTS, search, [["route", "removal"]], invocation());
    expect(String(figure(out, "Model"))).toMatch(/search/i);
    expect(figure(out, "Route")).toBe("removal");
    const read = readSubstitution(
      out.map((r) => r.slice(0, 3)),
      IDS,
    );
    expect(read.problems).toEqual([]);
    expect(read.links.length).toBeGreaterThan(0);
  });

  test("bad rows are named by sheet row and column", async () => {
    const bad = [
      ["Type", "Weight", "Ranking"],
      ["ok", 1, "A > B"],
      ["typo", 1, "A > Z"],
      ["twice", 1, "B > B"],
    ];
    const at = invocation(["Products!A1:D5", "Model!B3:D6", ""]);
    const e = await errorOf(chain(PRODUCTS, bad, NONE, at));
    expect(e.message).toMatch(/Model row 5: Ranking \(typo\): 'Z' is not a product of the Products range/);
    expect(e.message).toMatch(/Model row 6: Ranking \(twice\): a product is listed twice/);
    const noLeave = await errorOf(chain(PRODUCTS, MNL.slice(0, 5), NONE, invocation()));
    expect(noLeave.message).toMatch(/no No purchase row/);
    const route = await errorOf(chain(PRODUCTS, MNL, [["route", "magic"]], invocation()));
    expect(route.message).toMatch(/route.*'magic' is not a route; use one of auto, fitted, removal, exact/);
  });
});
