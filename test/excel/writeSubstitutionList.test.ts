/// <reference types="office-js" />
// The "Assort substitution" sheet against office-addin-mock: a new sheet gets the header and links as a table
// with ids kept as text; a re-run replaces only the table it wrote; a sheet of that name holding the user's
// cells stops the write (nothing added) until the pane asks and calls again with overwrite.

import {
  SUBSTITUTION_HEADER,
  SUBSTITUTION_TABLE,
  SUBSTITUTION_TABLE_KEY,
  writeSubstitutionList,
} from "../../src/excel/writeSubstitutionList";
import { escapeText } from "../../src/sheet/escape";
import { mockExcel, type MockNode } from "./mockWorkbook";

const prefix = "'Assort substitution'!";
const LINKS = [
  { from: "00123", to: "B", probability: 0.25 },
  { from: "B", to: "=1", probability: 0.5 },
];

describe("writeSubstitutionList", () => {
  test("a new sheet gets From, To, Probability as a table at A1, ids as text, and the table's name saved", async () => {
    const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
    const outcome = await writeSubstitutionList(context, LINKS);
    expect(outcome).toEqual({ written: true, address: `${prefix}A1:C3`, tableName: SUBSTITUTION_TABLE, links: 2 });
    expect(log.sheetsAdded).toEqual(["Assort substitution"]);
    const range = log.ranges.get(`${prefix}A1:C3`) as MockNode;
    expect(range.values).toEqual([SUBSTITUTION_HEADER, ["00123", "B", 0.25], ["B", escapeText("=1"), 0.5]]);
    expect(escapeText("=1")).not.toBe("=1"); // the escape is real: Excel would otherwise read a formula
    expect(range.numberFormat).toEqual([0, 1, 2].map(() => ["@", "@", "General"]));
    expect(log.tablesAdded.map((t) => [t.ref, t.table.name])).toEqual([[`${prefix}A1:C3`, SUBSTITUTION_TABLE]]);
    expect(log.settings[SUBSTITUTION_TABLE_KEY]).toBe(SUBSTITUTION_TABLE);
  });

  test("an empty list is a header over one blank row", async () => {
    const { context, log } = mockExcel({ sheets: { Sheet1: [] } });
    const outcome = await writeSubstitutionList(context, []);
    expect(outcome).toMatchObject({ written: true, address: `${prefix}A1:C2`, links: 0 });
    expect((log.ranges.get(`${prefix}A1:C1`) as MockNode).values).toEqual([SUBSTITUTION_HEADER]);
  });

  test("a re-run replaces the table it wrote without asking", async () => {
    const { context, log } = mockExcel({
      sheets: { "Assort substitution": [SUBSTITUTION_HEADER, ["A", "B", 0.1], ["B", "A", 0.2]] },
      tables: { [SUBSTITUTION_TABLE]: { sheet: "Assort substitution", ref: "A1:C3" } },
      settings: { [SUBSTITUTION_TABLE_KEY]: SUBSTITUTION_TABLE },
    });
    const outcome = await writeSubstitutionList(context, LINKS.slice(0, 1));
    expect(outcome.written).toBe(true);
    expect(log.sheetsAdded).toEqual([]);
    expect(log.tablesDeleted).toEqual([SUBSTITUTION_TABLE]);
    expect(log.tablesAdded.map((t) => t.ref)).toEqual([`${prefix}A1:C2`]);
    // The mock keeps deleted tables by name, so the new one is the next free name; the setting follows it.
    expect(log.settings[SUBSTITUTION_TABLE_KEY]).toBe(log.tablesAdded[0].table.name);
  });

  test.each([
    ["a sheet of that name the user made", {}],
    ["the user's note beside Assort's table", { [SUBSTITUTION_TABLE]: { sheet: "Assort substitution", ref: "A1:C2" } }],
  ])("%s stops the write until overwrite is given", async (_, tables) => {
    const cells = [SUBSTITUTION_HEADER, ["A", "B", 0.1, "my note"]];
    const { context, log } = mockExcel({ sheets: { "Assort substitution": cells }, tables });
    expect(await writeSubstitutionList(context, LINKS)).toEqual({ written: false, used: `${prefix}A1:D2` });
    expect(log.tablesAdded).toEqual([]);
    expect(log.settings[SUBSTITUTION_TABLE_KEY]).toBeUndefined();
    const again = await writeSubstitutionList(context, LINKS, { overwrite: true });
    expect(again).toMatchObject({ written: true, address: `${prefix}A1:C3` });
    expect(log.tablesAdded).toHaveLength(1);
  });
});
