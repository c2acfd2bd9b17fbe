// Which edits make the pane re-read its inputs, and when: only edits that can change them, once a burst of
// edits settles, and only while the pane is shown.

import { RECHECK_DELAY_MS, Rechecker, editTouchesInputs } from "../../src/taskpane/recheck";

const INPUTS = ["Products!A1:F301", "Substitution!A1:C1371", "Sheet1!B2:C4"];

test("edits inside an input, or just below or right of it (a table growing), touch it", () => {
  expect(editTouchesInputs({ sheet: "Products", address: "C5" }, INPUTS, true)).toBe(true);
  expect(editTouchesInputs({ sheet: "Products", address: "A302" }, INPUTS, true)).toBe(true);
  expect(editTouchesInputs({ sheet: "Products", address: "G1:G3" }, INPUTS, true)).toBe(true);
  expect(editTouchesInputs({ sheet: "sheet1", address: "A1:B2" }, INPUTS, true)).toBe(true); // sheet names ignore case
  expect(editTouchesInputs({ sheet: "Products", address: "A:A" }, INPUTS, true)).toBe(true); // a column inserted
});

test("edits elsewhere do not: another sheet, or cells away from the inputs on their sheet", () => {
  expect(editTouchesInputs({ sheet: "Assort plan", address: "A1:I301" }, INPUTS, true)).toBe(false);
  expect(editTouchesInputs({ sheet: "Products", address: "H1" }, INPUTS, true)).toBe(false);
  expect(editTouchesInputs({ sheet: "Products", address: "A303:F310" }, INPUTS, true)).toBe(false);
  expect(editTouchesInputs({ sheet: "Sheet1", address: "Z50" }, INPUTS, true)).toBe(false);
});

test("while Products is missing, or the sheet is unknown, every edit counts", () => {
  expect(editTouchesInputs({ sheet: "Anything", address: "Z50" }, [], false)).toBe(true);
  expect(editTouchesInputs({ address: "Z50" }, INPUTS, true)).toBe(true);
});

describe("Rechecker", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("checks once, RECHECK_DELAY_MS after the last edit of a burst", () => {
    const check = jest.fn();
    const r = new Rechecker(check);
    r.edited();
    jest.advanceTimersByTime(RECHECK_DELAY_MS - 1);
    r.edited();
    jest.advanceTimersByTime(RECHECK_DELAY_MS - 1);
    expect(check).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
  });

  test("while hidden, edits wait; showing the pane checks once (and not at all without edits)", () => {
    const check = jest.fn();
    const shown = jest.fn();
    const r = new Rechecker(check, shown);
    r.setVisible(false);
    r.setVisible(true);
    expect(check).not.toHaveBeenCalled();
    expect(shown).toHaveBeenCalledTimes(1);
    r.setVisible(false);
    r.edited();
    r.edited();
    jest.advanceTimersByTime(10 * RECHECK_DELAY_MS);
    expect(check).not.toHaveBeenCalled();
    r.setVisible(true);
    expect(check).toHaveBeenCalledTimes(1);
  });

  test("a check pending when the pane is hidden runs when it is shown again, not before", () => {
    const check = jest.fn();
    const r = new Rechecker(check);
    r.edited();
    r.setVisible(false);
    jest.advanceTimersByTime(10 * RECHECK_DELAY_MS);
    expect(check).not.toHaveBeenCalled();
    r.setVisible(true);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
