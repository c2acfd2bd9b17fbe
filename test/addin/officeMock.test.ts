// The Excel test double works under Jest: office-addin-mock loads through the office-addin-manifest stub
// (jest.config.js moduleNameMapper) and catches a read without load/sync, as the task pane's Excel I/O tests
// rely on. Here it carries a sheet layout through the same reader the functions use.

import { OfficeMockObject } from "office-addin-mock";
import { readSheetInstance } from "../../src/sheet/sheetInstance";

const seed = {
  context: {
    workbook: {
      range: {
        address: "Plan!B3:E5",
        values: [
          ["Product", "Price", "Cost", "Demand"],
          ["A", 10, "abc", 30],
          ["B", 12, 5, 20],
        ],
      },
      getRange() {
        return this.range;
      },
    },
  },
};

test("a range read through the mock gives sheet rows in messages", async () => {
  const mock = new OfficeMockObject(seed) as unknown as {
    context: {
      workbook: {
        getRange(): { values: unknown[][]; address: string; load(p: string): void };
        sync?: () => Promise<void>;
      };
    };
    sync(): Promise<void>;
  };
  const range = mock.context.workbook.getRange();
  expect(range.values).toBe("Error, property was not loaded");
  range.load("values, address");
  await (mock.context as unknown as { sync(): Promise<void> }).sync();
  expect(() => readSheetInstance({ products: range.values, addresses: { products: range.address } })).toThrow(
    "Products row 4 (A), column Cost: 'abc' is not a number; the unit cost must be a number, 0 or more.",
  );
});
