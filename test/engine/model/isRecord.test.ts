// What counts as a JSON object for every reader of JSON-shaped input: objects yes; null, lists and scalars no.

import { isRecord } from "../../../src/engine/model/isRecord";

test.each([{}, { a: 1 }, Object.create(null), new Date(0)])("accepts the object %p", (v) => {
  expect(isRecord(v)).toBe(true);
});

test.each([null, undefined, [], [1, 2], 0, 1, "", "text", true, false])("rejects %p", (v) => {
  expect(isRecord(v)).toBe(false);
});
