// The products list read on its own: cases the whole-instance tests (validate.test.ts) leave out — an id too
// long for an Excel cell, problems that must not pile up on one product, several products' problems at once,
// and the typed arrays read from a valid list.

import { checkSizes, MAX_ID_LENGTH, readProducts } from "../../../src/engine/model/validateProducts";
import { Collector } from "../../../src/engine/model/validateFields";
import type { ProductInput } from "../../../src/engine/model/instance";

function read(list: unknown[]) {
  const out = new Collector();
  const products = readProducts(out, list as ProductInput[]);
  return { products, problems: out.problems, warnings: out.warnings };
}
const good = (id: unknown, over: Record<string, unknown> = {}) => ({ id, price: 10, cost: 4, demand: 5, ...over });

test("an id longer than an Excel cell holds is named by position, its value cut short", () => {
  const id = "x".repeat(MAX_ID_LENGTH + 1);
  const { problems, products } = read([good("A"), good(id)]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ section: "products", index: 1, field: "id", value: `${"x".repeat(40)}...` });
  expect(problems[0].message).toContain("Product #2 (");
  expect(problems[0].message).toContain("the id is 32,768 characters long; Excel keeps at most 32,767 in a cell");
  expect(products.ids[1]).toBe("#2");
  // Exactly the limit is fine.
  expect(read([good("x".repeat(MAX_ID_LENGTH))]).problems).toEqual([]);
});

test("an unreadable cost gives no salvage problem on top", () => {
  const { problems } = read([good("A", { cost: "n/a", salvage: 9 })]);
  expect(problems.map((p) => p.field)).toEqual(["cost"]);
});

test("mustOffer with minQty above maxQty reports the bounds once, not also a lack of room", () => {
  const { problems } = read([good("A", { mustOffer: true, minQty: 5, maxQty: 3 })]);
  expect(problems).toHaveLength(1);
  expect(problems[0].message).toBe("Product A: minQty 5 is above maxQty 3; the minimum must not exceed the maximum.");
});

test("problems of several products are all collected, each naming its product", () => {
  const { problems } = read([good("A", { price: 0 }), good("B"), good("C", { packSize: 0, size: -1 })]);
  expect(problems.map((p) => [p.productId, p.index, p.field])).toEqual([
    ["A", 0, "price"],
    ["C", 2, "packSize"],
    ["C", 2, "size"],
  ]);
});

test("a valid list: arrays, defaults, names and the total demand", () => {
  const { products, problems } = read([
    good("A", { name: "Tee", salvage: 1, minQty: 2, maxQty: 9, packSize: 3, size: 0.5 }),
    good(7, { demand: 2.5, mustOffer: 1, exclude: 0, name: 42 }),
  ]);
  expect(problems).toEqual([]);
  expect(products.ids).toEqual(["A", "7"]);
  expect(products.names).toEqual(["Tee", ""]);
  expect(products.index.get("7")).toBe(1);
  expect(Array.from(products.salvage)).toEqual([1, 0]);
  expect(Array.from(products.minQty)).toEqual([2, 0]);
  expect(Array.from(products.maxQty)).toEqual([9, Infinity]);
  expect(Array.from(products.packSize)).toEqual([3, 1]);
  expect(Array.from(products.mustOffer)).toEqual([0, 1]);
  expect(Array.from(products.size)).toEqual([0.5, 1]);
  expect(Array.from(products.sizeGiven)).toEqual([1, 0]);
  expect(products.totalDemand).toBe(7.5);
});

test("checkSizes has nothing to say without a capacity", () => {
  const out = new Collector();
  const { products } = read([good("A", { size: 2 }), good("B")]);
  checkSizes(out, products, null);
  expect(out.problems).toEqual([]);
  checkSizes(out, products, 10);
  expect(out.problems.map((p) => p.products)).toEqual([["B"]]);
});
