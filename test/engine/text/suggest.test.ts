// "Did you mean …?" for mistyped field names.

import { suggest } from "../../../src/engine/text/suggest";

const FIELDS = ["id", "price", "cost", "demand", "salvage", "minQty", "maxQty", "packSize", "mustOffer", "exclude"];

test("typos within a third of the word's length find the field; a swap of two letters is one edit", () => {
  expect(suggest("prcie", FIELDS)).toBe("price");
  expect(suggest("Demnad", FIELDS)).toBe("demand");
  expect(suggest("maxqty", FIELDS)).toBe("maxQty");
  expect(suggest("cots", FIELDS)).toBe("cost");
  expect(suggest("packsze", FIELDS)).toBe("packSize");
});

test("words that are not close to any field get no suggestion", () => {
  expect(suggest("colour", FIELDS)).toBeUndefined();
  expect(suggest("zz", FIELDS)).toBeUndefined();
  expect(suggest("anything", [])).toBeUndefined();
});
