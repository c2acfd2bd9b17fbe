/// <reference types="custom-functions-runtime" />
// =ASSORT.SIMILARITY called as Excel calls it. Its whole spill is a Substitution range: the matrix (warnings
// below it) up to 500 products, the list beyond; both read back through the sheet reader to the links
// computed and feed OPTIMIZE. Blank cells arriving as 0, the Strength argument, located errors, the worker.

import { CustomFunctionsError, invocation } from "./customFunctionsStub";
import { inProcessWorker } from "./inProcessWorker";
import { optimize, similarity } from "../../src/functions/functions";
import { SIMILARITY_LIST_HEADER, similarityTable } from "../../src/functions/similarityTable";
import { similarityFromSheet } from "../../src/sheet/attributes";
import { PLAN_HEADER } from "../../src/sheet/planTable";
import { readSubstitution } from "../../src/sheet/substitution";
import { MATRIX_CORNER } from "../../src/sheet/substitutionTable";
import { EngineClient } from "../../src/worker/client";

const mockEngine: { client?: unknown } = {};
jest.mock("../../src/worker/sharedClient", () => ({ engineClient: () => mockEngine.client }));

beforeEach(() => {
  mockEngine.client = new EngineClient({ createWorker: null });
});

const NONE = null as unknown as unknown[][];
const IDS = ["T1", "T2", "J1", "NEW"];
const PRODUCTS = [
  ["Product", "Price", "Cost", "Demand"],
  ["T1", 20, 8, 40],
  ["T2", 20, 8, 30],
  ["J1", 50, 20, 20],
  ["NEW", 25, 10, 10],
];
const ATTRIBUTES = [
  ["Product", "Category", "Colour", "Size", "Price band", "Strength"],
  ["T1", "Tee", "Black", "M", 1, "60%"],
  ["T2", "Tee", "Black", "L", 1, ""],
  ["J1", "Jeans", "", "M", 3, 0.2],
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

const cell = (out: unknown[][], from: string, to: string) => out[IDS.indexOf(from) + 1][IDS.indexOf(to) + 1] as number;
const rowSum = (out: unknown[][], from: string) =>
  (out[IDS.indexOf(from) + 1].slice(1) as number[]).reduce((a, b) => a + b, 0);

describe("ASSORT.SIMILARITY", () => {
  test("a matrix with ids across and down, rows summing to the strengths, warnings below", async () => {
    const out = await similarity(PRODUCTS, ATTRIBUTES, [[0.4]], invocation());
    expect(out[0]).toEqual([MATRIX_CORNER, ...IDS]);
    expect(out.slice(1, 5).map((r) => r[0])).toEqual(IDS);
    expect(out.every((r) => r.length === 5)).toBe(true);
    expect(rowSum(out, "T1")).toBeCloseTo(0.6, 12);
    expect(rowSum(out, "T2")).toBeCloseTo(0.4, 12);
    expect(rowSum(out, "J1")).toBeCloseTo(0.2, 12);
    expect(rowSum(out, "NEW")).toBe(0);
    expect(cell(out, "T1", "T2")).toBeGreaterThan(cell(out, "T1", "J1"));
    expect(out.slice(5)).toEqual([
      ["", "", "", "", ""],
      ["Warning: no attributes for product NEW: their customers leave when they are missing", "", "", "", ""],
    ]);
  });

  test("round trip: the whole spill (warnings included) reads back as the links computed and feeds OPTIMIZE", async () => {
    const out = await similarity(PRODUCTS, ATTRIBUTES, [[0.4]], invocation());
    const read = readSubstitution(out, IDS);
    expect(read.problems).toEqual([]);
    expect(read.layout).toBe("matrix");
    const expected = similarityFromSheet(IDS, ATTRIBUTES, 0.4).links;
    expect(read.links).toHaveLength(expected.length);
    for (const l of expected) expect(read.links).toContainEqual({ from: l.from, to: l.to, probability: l.probability });
    const plan = await optimize(PRODUCTS, out, [["method", "fluid"]], invocation());
    expect(plan[0]).toEqual(PLAN_HEADER);
  });

  test("the Strength argument: a number, a cell, blank or 0 (the default 0.5); a bad one is named", async () => {
    const sumT2 = async (strength: unknown) =>
      rowSum(await similarity(PRODUCTS, ATTRIBUTES, strength as unknown[][], invocation()), "T2");
    expect(await sumT2(0.3)).toBeCloseTo(0.3, 12);
    expect(await sumT2([["30%"]])).toBeCloseTo(0.3, 12);
    expect(await sumT2(null)).toBeCloseTo(0.5, 12);
    expect(await sumT2([[0]])).toBeCloseTo(0.5, 12);
    const bad = await errorOf(similarity(PRODUCTS, ATTRIBUTES, [["lots"]], invocation()));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe(
      "Strength: 'lots' is not a share; use a number from 0 to 1 (the share of customers who accept a substitute)",
    );
    const two = await errorOf(similarity(PRODUCTS, ATTRIBUTES, [[0.2, 0.3]], invocation()));
    expect(two.message).toMatch(/^Strength: give one number from 0 to 1/);
  });

  test("blank cells that reach the function as 0 are blanks: a missing colour, a Strength left to the argument", async () => {
    const zeros = ATTRIBUTES.map((r) => r.map((v) => (v === "" ? 0 : v)));
    zeros.push([0, 0, 0, 0, 0, 0]);
    expect(await similarity(PRODUCTS, zeros, [[0.4]], invocation())).toEqual(
      await similarity(PRODUCTS, ATTRIBUTES, [[0.4]], invocation()),
    );
  });

  test("mistakes: #VALUE! naming the sheet row and column", async () => {
    const bad: unknown[][] = ATTRIBUTES.map((r) => [...r]);
    bad[2][0] = "T9";
    const e = await errorOf(similarity(PRODUCTS, bad, NONE, invocation(["Sheet1!A1:D5", "Attr!C5:H8"])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Attributes row 7, column Product: 'T9' is not a product; did you mean 'T1'?");
    const err: unknown[][] = ATTRIBUTES.map((r) => [...r]);
    err[1][2] = new CustomFunctionsError("#REF!");
    const x = await errorOf(similarity(PRODUCTS, err, NONE, invocation(["", "Attr!C5:H8"])));
    expect(x.message).toBe(
      "Attributes row 6, column Colour: holds the Excel error #REF!; fix the formula or the data it refers to",
    );
    const p = await errorOf(similarity([["Name"], ["T1"]], ATTRIBUTES, NONE, invocation()));
    expect(p.message).toMatch(/^Products row 1: no Product column/);
    const loop = await errorOf(
      similarity(
        [["Product"], ["T1"], ["T2"]],
        [
          ["Product", "Category"],
          ["T1", "Tee"],
          ["T2", "Tee"],
        ],
        [[1]],
        invocation(),
      ),
    );
    expect(loop.message).toMatch(
      /^Strength: with a strength of 1, customers of 'T1', 'T2' would pass among them forever/,
    );
  });

  test("beyond 500 products: the From, To, Probability list, warnings in a column of their own, read back whole", async () => {
    const n = 520;
    const ids = Array.from({ length: n }, (_, i) => `SKU-${String(i).padStart(3, "0")}`);
    const products = [
      ["Product", "Price", "Cost", "Demand"],
      ...ids.map((id, i) => [id, 20 + (i % 7), 8, 5 + (i % 11)]),
    ];
    const attributes = [
      ["Product", "Category", "Size"],
      ...ids.slice(0, n - 2).map((id, i) => [id, `Cat ${i % 13}`, ["S", "M", "L"][i % 3]]),
    ];
    const out = await similarity(products, attributes, NONE, invocation());
    expect(out[0]).toEqual(SIMILARITY_LIST_HEADER);
    expect(out[1][4]).toBe(
      `no attributes for products ${ids[n - 2]}, ${ids[n - 1]}: their customers leave when they are missing`,
    );
    const read = readSubstitution(out, ids);
    expect(read.problems).toEqual([]);
    expect(read.layout).toBe("list");
    expect(read.links).toHaveLength(out.length - 1);
    expect(read.links).toHaveLength((n - 2) * 10);
    const plan = await optimize(products, out, [["method", "fluid"]], invocation());
    expect(plan[0]).toEqual(PLAN_HEADER);
  });

  test("a list too big for Excel's 5 MB is refused; warnings fit on the list's rows even when it is short", () => {
    const ids = Array.from({ length: 12000 }, (_, i) => `PRODUCT-NUMBER-${i}`);
    const links = ids.flatMap((from, i) =>
      Array.from({ length: 10 }, (_, k) => ({ from, to: ids[(i + k + 1) % ids.length], probability: 0.05 })),
    );
    expect(() => similarityTable(ids, { links, warnings: [], problems: [] })).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: expect.stringMatching(
          /^Products: 12,000 products give 120,000 substitution links, more than Excel takes back/,
        ),
      }),
    );
    const few = similarityTable(ids.slice(0, 600), {
      links: [{ from: ids[0], to: ids[1], probability: 0.5 }],
      warnings: ["one", "two"],
      problems: [],
    });
    expect(few).toEqual([SIMILARITY_LIST_HEADER, [ids[0], ids[1], 0.5, "", "one | two"]]);
    const none = similarityTable(ids.slice(0, 600), { links: [], warnings: ["one", "two"], problems: [] });
    expect(none).toEqual([["From", "To", "Probability", "", "Warnings: one | two"]]);
    expect(readSubstitution(none, ids.slice(0, 600)).problems).toEqual([]);
  });

  test("in the real worker script it gives what the in-thread fallback gives; Excel can cancel it", async () => {
    const inThread = await similarity(PRODUCTS, ATTRIBUTES, [[0.4]], invocation());
    const client = new EngineClient({ createWorker: inProcessWorker, cancelGraceMs: 10 });
    mockEngine.client = client;
    expect(await similarity(PRODUCTS, ATTRIBUTES, [[0.4]], invocation())).toEqual(inThread);
    const inv = invocation();
    const p = similarity(PRODUCTS, ATTRIBUTES, [[0.4]], inv);
    (inv.onCanceled as () => void)();
    const e = await errorOf(p);
    expect(e.code).toBe("#N/A");
    await new Promise((r) => setTimeout(r, 50));
    expect(client.pendingCount).toBe(0);
    client.dispose();
  });
});
