/// <reference types="office-js" />
// The pane's setup saved in the workbook (workbook.settings, ExcelApi 1.4): which ranges are the inputs and
// the parameters typed in the pane. Settings travel with the file and are keyed to the manifest Id (docs/office.md
// §0.8), so a colleague who opens the shared workbook with the same add-in sees the same setup. Only
// references and a few parameters are stored, never the data.

import type { InputKey } from "./inputs";

export const SETUP_KEY = "assort.setup";

/** Pane parameters as typed: text, so a blank field stays "use Options or the default". */
export interface Parameters {
  customers: string;
  budget: string;
  maxProducts: string;
  method: string;
  seed: string;
  timeLimit: string;
}

export const BLANK_PARAMETERS: Parameters = {
  customers: "",
  budget: "",
  maxProducts: "",
  method: "",
  seed: "",
  timeLimit: "",
};

export interface Setup {
  inputs: Partial<Record<InputKey, string>>;
  parameters: Parameters;
}

/** Whatever was stored (by an older version, or edited by hand) is read defensively. */
export function parseSetup(raw: unknown): Setup {
  const setup: Setup = { inputs: {}, parameters: { ...BLANK_PARAMETERS } };
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return setup;
    }
  }
  if (typeof value !== "object" || value === null) return setup;
  const v = value as { inputs?: unknown; parameters?: unknown };
  if (typeof v.inputs === "object" && v.inputs !== null) {
    for (const key of ["products", "substitution", "options"] as const) {
      const a = (v.inputs as Record<string, unknown>)[key];
      if (typeof a === "string" && a.length > 0) setup.inputs[key] = a;
    }
  }
  if (typeof v.parameters === "object" && v.parameters !== null) {
    for (const key of Object.keys(BLANK_PARAMETERS) as (keyof Parameters)[]) {
      const p = (v.parameters as Record<string, unknown>)[key];
      if (typeof p === "string" || typeof p === "number") setup.parameters[key] = String(p);
    }
  }
  return setup;
}

export async function loadSetup(context: Excel.RequestContext): Promise<Setup> {
  const item = context.workbook.settings.getItemOrNullObject(SETUP_KEY);
  item.load("isNullObject, value");
  await context.sync();
  return parseSetup(item.isNullObject ? null : item.value);
}

export async function saveSetup(context: Excel.RequestContext, setup: Setup): Promise<void> {
  context.workbook.settings.add(SETUP_KEY, JSON.stringify(setup));
  await context.sync();
}
