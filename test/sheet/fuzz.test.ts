// Bad input never crashes: random ranges (numbers, text, ids, yes/no words, blanks, Excel errors, value objects,
// ragged rows) given to every reader either work or raise a SheetInputError whose every problem is a sentence.

import {
  boundFromSheet,
  choiceFromSheet,
  prepareEvaluate,
  prepareOptimize,
  substitutionFromSheet,
} from "../../src/sheet/requests";
import { SheetInputError } from "../../src/sheet/sheetProblem";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HEADERS = [
  "Product",
  "Price",
  "Cost",
  "Demand",
  "Salvage",
  "Min",
  "Max",
  "Pack",
  "Core",
  "Exclude",
  "Size",
  "Units",
  "From",
  "To",
  "Probability",
  "Name",
  "Value",
  "budget",
  "cv",
  "customers",
  "No purchase",
];
const IDS = ["A", "B", "C", "=D", "E"];

function cell(r: () => number): unknown {
  const k = Math.floor(r() * 14);
  switch (k) {
    case 0:
      return null;
    case 1:
      return "";
    case 2:
      return 0;
    case 3:
      return Math.round(r() * 50);
    case 4:
      return r() - 0.3;
    case 5:
      return IDS[Math.floor(r() * IDS.length)];
    case 6:
      return HEADERS[Math.floor(r() * HEADERS.length)];
    case 7:
      return ["#N/A", "#DIV/0!", "#VALUE!"][Math.floor(r() * 3)];
    case 8:
      return r() < 0.5;
    case 9:
      return ["yes", "x", "no", "maybe"][Math.floor(r() * 4)];
    case 10:
      return { type: "Double", basicValue: r() * 10 };
    case 11:
      return [NaN, Infinity, -1e308][Math.floor(r() * 3)];
    case 12:
      return "12%";
    default:
      return undefined;
  }
}

function range(r: () => number, header?: string[]): unknown[][] {
  const rows = 1 + Math.floor(r() * 6);
  const cols = 1 + Math.floor(r() * 6);
  const out: unknown[][] = header ? [header.slice(0, cols)] : [];
  for (let i = 0; i < rows; i++) {
    const n = r() < 0.1 ? cols - 1 : cols; // sometimes ragged
    out.push(Array.from({ length: n }, () => cell(r)));
  }
  return out;
}

let accepted = 0;

/** A products table that is valid except, sometimes, one random cell. */
function nearlyValidProducts(r: () => number): unknown[][] {
  const n = 1 + Math.floor(r() * IDS.length);
  const rows: unknown[][] = [["Product", "Price", "Cost", "Demand", "Units", "Core"]];
  for (let i = 0; i < n; i++)
    rows.push([
      IDS[i],
      10 + Math.round(r() * 10),
      2 + Math.round(r() * 5),
      Math.round(r() * 30),
      Math.round(r() * 20),
      r() < 0.2 ? "x" : "",
    ]);
  if (r() < 0.4) rows[1 + Math.floor(r() * n)][Math.floor(r() * 6)] = cell(r);
  return rows;
}

function expectHandled(f: () => unknown): void {
  try {
    const out = f();
    accepted++;
    if (Array.isArray(out)) for (const row of out) expect(row).toHaveLength((out[0] as unknown[]).length);
  } catch (e) {
    if (!(e instanceof SheetInputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems)
      expect(p.message).toMatch(/^(Products|Substitution|Options|Units|Available|Weights)\b.*\S/);
  }
}

test("300 random workbooks: no crash, only located problems", () => {
  const r = rng(20261125);
  for (let k = 0; k < 300; k++) {
    const products =
      r() < 0.5
        ? nearlyValidProducts(r)
        : range(r, r() < 0.8 ? ["Product", "Price", "Cost", "Demand", "Units", "Core"] : undefined);
    const substitution = r() < 0.3 ? null : range(r, r() < 0.5 ? ["From", "To", "Probability"] : undefined);
    const options = r() < 0.5 ? null : range(r);
    const other = r() < 0.2 ? null : range(r);
    const addresses = { products: r() < 0.5 ? "S!B2:H9" : undefined };
    expectHandled(() => prepareOptimize({ products, substitution, options, addresses }));
    expectHandled(() => prepareEvaluate({ products, substitution, options, units: other }));
    expectHandled(() => boundFromSheet({ products, substitution, options }).table);
    expectHandled(() => choiceFromSheet({ products, substitution, available: other }));
    expectHandled(() => substitutionFromSheet(products, r() < 0.3 ? ((cell(r) as number) ?? null) : other));
  }
  // Some random workbooks are valid, so the success paths (and their output shapes) are exercised too.
  expect(accepted).toBeGreaterThan(20);
});
