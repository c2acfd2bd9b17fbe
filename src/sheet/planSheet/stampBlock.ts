// How this plan was made, beside the table, so a colleague can reproduce it: when, with which method, seed and
// seasons, from which ranges and settings, by which version; a surface adds what only it knows (the CLI: the
// input file, its checksum and the command).

import type { OptimizeResult } from "../../engine";
import type { SheetValue } from "./sheetSpec";

export interface PlanStamp {
  time: Date;
  version: string;
  /** Each input's address ("Products!A1:P301"). */
  inputs: { products?: string; substitution?: string; options?: string };
  /** What the settings line is called: "Pane settings" in the add-in, "Settings" on the command line. */
  settingsLabel: string;
  /** The settings applied, on one line. */
  settings: string;
  /** Lines a surface adds at the end. */
  extra?: [string, string | number][];
}

export const STAMP_TITLE = "How this plan was made";

export function stampRows(result: OptimizeResult, stamp: PlanStamp): SheetValue[][] {
  return [
    [STAMP_TITLE, null],
    ["Run at", stamp.time.toISOString().replace("T", " ").slice(0, 19) + " UTC"],
    ["Method", result.method],
    ["Seed", result.seed],
    ["Seasons simulated", result.evaluation.reps],
    ["Run time (s)", Math.round(result.elapsedMs / 100) / 10],
    ["Products range", stamp.inputs.products ?? "(none)"],
    ["Substitution range", stamp.inputs.substitution ?? "(none)"],
    ["Options range", stamp.inputs.options ?? "(none)"],
    [stamp.settingsLabel, stamp.settings || "(defaults)"],
    ["Assort version", stamp.version],
    ...(stamp.extra ?? []),
  ];
}
