// `assort generate` streams its JSON (a row of links at a time): the text must be exactly what one
// JSON.stringify of the whole instance gives, whatever the chunking.

import { generateInstance } from "../../src/engine";
import { StreamedList, toJson, toJsonChunks } from "../../src/cli/json";
import { runCli } from "./memoryIo";

describe("toJsonChunks", () => {
  test.each([
    ["lists, values, nested objects", { a: [1, { b: [2, 3] }], s: "x\ny", n: NaN, e: [], o: {} }],
    ["no fields", {}],
    ["undefined and typed arrays", { u: undefined, t: new Float64Array([1.5, Infinity]), last: null }],
  ])("%s: the same text as toJson", (_label, value) => {
    const streamed = Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? new StreamedList(v) : v]),
    );
    expect([...toJsonChunks(streamed)].join("")).toBe(toJson(value));
    expect([...toJsonChunks(value)].join("")).toBe(toJson(value));
  });

  test("a long list comes in several chunks", () => {
    const items = Array.from({ length: 30000 }, (_, i) => ({ id: `P${i}`, price: i / 7 }));
    const chunks = [...toJsonChunks({ items: new StreamedList(items) })];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(toJson({ items }));
  });
});

describe("assort generate", () => {
  test("the streamed instance is the engine's generateInstance, byte for byte", async () => {
    const r = await runCli(["generate", "--products", "300", "--substitutes", "4", "--seed", "7"]);
    expect(r.code).toBe(0);
    const { instance } = generateInstance({
      n: 300,
      totalDemand: 20 * 300,
      tailExponent: 1,
      substitutes: 4,
      margin: "high",
      categorySize: 25,
      seed: 7,
    });
    expect(r.stdout).toBe(toJson(instance));
    expect((instance.substitution as unknown[]).length).toBeGreaterThan(1000);
  });
});
