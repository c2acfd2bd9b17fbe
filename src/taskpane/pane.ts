/// <reference types="office-js" />
// The task pane's behaviour: find and check the inputs, keep the setup in the workbook, run Optimize in the
// Web Worker with progress and Cancel, write the plan (asking before touching cells that are not ours),
// keep plans for comparison. Every Excel call goes through src/excel; every failure ends as a message in the
// pane, never as an unhandled rejection.

import { DEFAULT_TIME_LIMIT_MS } from "../engine";
import type { Model, OptimizeOptions, OptimizeProgress, OptimizeResult, Relaxation } from "../engine";
import { VERSION } from "./version";
import { findInputs } from "../excel/findInputs";
import { INPUT_KEYS, INPUT_TITLES, type FoundInputs, type InputKey } from "../excel/inputs";
import { insertSample } from "../excel/insertSample";
import { planRecord } from "../excel/planRecord";
import { readValues } from "../excel/readValues";
import {
  CURRENT,
  PREVIOUS,
  loadScenarios,
  saveScenarios,
  withNamed,
  withNewPlan,
  type PlanRecord,
} from "../excel/scenarios";
import { selectCell } from "../excel/selectCell";
import { selectedAddress } from "../excel/selection";
import { BLANK_PARAMETERS, loadSetup, saveSetup, type Parameters, type Setup } from "../excel/setup";
import { writePlan, type WritePlanOutcome } from "../excel/writePlan";
import { buildPlanSheet, type PlanSheet } from "../sheet/planSheet";
import { JobCancelled, JobTimedOut, TIMEOUT_MARGIN_MS, type JobHandle } from "../worker/client";
import { engineClient } from "../worker/sharedClient";
import { byId, setDisabled, setValue, valueOf } from "./dom";
import { checkInputs, type InputCheck, type InputValues } from "./inputCheck";
import { renderAddresses, renderCheck, renderHints } from "./inputsView";
import { describeParameters, parameterHints, readParameters } from "./parameters";
import { startCoresField } from "./coresField";
import { EVALUATION_FROM, remainingText } from "./remaining";
import { renderComparison, fillPlanSelect, renderSummary } from "./resultView";
import { resultSummary, type RuleValues } from "./resultSummary";
import { runRequest } from "./runRequest";
import { ModelSource } from "./modelSource";
import { Rechecker, editTouchesInputs } from "./recheck";
import { followOfficeTheme } from "./theme";
import { WhatIf } from "./whatIf";

const PARAMETER_KEYS = Object.keys(BLANK_PARAMETERS) as (keyof Parameters)[];
/** Longest interval between updates of the progress text. */
const TEXT_EVERY_MS = 1000;
/** A run's request: the model with the pane's parameters, and how its plan sheet is stamped. */
interface Prepared {
  model: Model;
  options: OptimizeOptions;
  check: InputCheck;
  planSheet(result: OptimizeResult, time?: Date, relaxations?: Relaxation[]): PlanSheet;
  version: string;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class Pane {
  private setup: Setup = { inputs: {}, parameters: { ...BLANK_PARAMETERS } };
  private found: FoundInputs = {};
  private job: JobHandle<unknown> | undefined;
  private busy = false;
  private readonly rechecker = new Rechecker(
    () => this.check(),
    () => followOfficeTheme(),
  );
  /** Worksheet id -> name, for the change events (which name the sheet by id). */
  private sheetNames = new Map<string, string>();
  private plans: PlanRecord[] = [];
  private answer: ((overwrite: boolean) => void) | undefined;

  async start(): Promise<void> {
    for (const key of INPUT_KEYS) {
      byId(`use-${key}`).addEventListener("click", () => void this.useSelection(key));
      byId(`forget-${key}`).addEventListener("click", () => void this.forget(key));
    }
    byId("sample").addEventListener("click", () => void this.insertSample());
    byId("recheck").addEventListener("click", () => void this.check());
    byId("optimize").addEventListener("click", () => void this.optimize());
    byId("cancel").addEventListener("click", () => this.job?.cancel());
    byId("confirm-overwrite").addEventListener("click", () => this.answer?.(true));
    byId("confirm-keep").addEventListener("click", () => this.answer?.(false));
    byId("keep").addEventListener("click", () => void this.keepScenario());
    for (const id of ["compare-a", "compare-b"]) byId(id).addEventListener("change", () => this.showComparison());
    for (const key of PARAMETER_KEYS) byId(`p-${key}`).addEventListener("change", () => void this.saveParameters());
    startCoresField();
    new WhatIf({
      prepare: () => this.prepare("What if"),
      writePlan: (data) => this.writeAsking(data),
      isBusy: () => this.busy,
      setBusy: (busy) => this.setRunning(busy, false),
    }).start();
    void new ModelSource({
      productsAddress: () => this.found.products?.address,
      seed: () => this.setup.parameters.seed,
      useSubstitution: (address) => this.useAddress("substitution", address),
    }).start();
    try {
      await Excel.run(async (context) => {
        this.setup = await loadSetup(context);
        this.plans = await loadScenarios(context);
      });
      for (const key of PARAMETER_KEYS) setValue(`p-${key}`, this.setup.parameters[key]);
      await this.refreshPlanSelects(PREVIOUS, CURRENT);
      await this.watchChanges();
    } catch (err) {
      this.say(`Could not read this workbook's Assort setup: ${message(err)}`);
    }
    await this.check();
  }

  /**
   * Re-checks the inputs after edits that touch them, while the pane is shown (ExcelApi 1.9; older hosts have
   * the Check again button).
   */
  private async watchChanges(): Promise<void> {
    this.rechecker.listen();
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (event) => {
          if (this.busy) return;
          const sheet = await this.sheetName(event.worksheetId);
          const inputs = INPUT_KEYS.flatMap((k) => (this.found[k] ? [this.found[k].address] : []));
          if (editTouchesInputs({ sheet, address: event.address }, inputs, Boolean(this.found.products)))
            this.rechecker.edited();
        });
        await context.sync();
      });
    } catch {
      // No change events here: the check runs on open, after each action, and on Check again.
    }
  }

  /** The name of a sheet by its id (one round trip the first time; sheets can be renamed, so misses reload). */
  private async sheetName(id: string | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    if (!this.sheetNames.has(id)) {
      try {
        await Excel.run(async (context) => {
          const sheets = context.workbook.worksheets.load("items/id,items/name");
          await context.sync();
          this.sheetNames = new Map(sheets.items.map((s) => [s.id, s.name]));
        });
      } catch {
        return undefined;
      }
    }
    return this.sheetNames.get(id);
  }

  private say(text: string): void {
    byId("run-message").textContent = text;
  }

  /** Finds the inputs and reads their values (a block at a time for big ranges). */
  private async readInputs(): Promise<InputValues> {
    return Excel.run(async (context) => {
      this.found = await findInputs(context, this.setup.inputs);
      const values: InputValues = {};
      for (const key of INPUT_KEYS) {
        const f = this.found[key];
        if (f) values[key] = await readValues(context, f.address);
      }
      return values;
    });
  }

  async check(): Promise<InputCheck | undefined> {
    this.sheetNames.clear(); // sheets may have been renamed or added since the last check
    try {
      const values = await this.readInputs();
      renderAddresses(this.found);
      const check = checkInputs(values);
      renderCheck(check, (cell) => void this.select(cell));
      renderHints(parameterHints(check.sheet?.options));
      return check;
    } catch (err) {
      byId("check-summary").textContent = `Could not read the inputs: ${message(err)}`;
      return undefined;
    }
  }

  private async select(cell: string): Promise<void> {
    try {
      await Excel.run((context) => selectCell(context, cell));
    } catch (err) {
      this.say(`Could not select ${cell}: ${message(err)}`);
    }
  }

  private async useSelection(key: InputKey): Promise<void> {
    try {
      await this.useAddress(key, await Excel.run((context) => selectedAddress(context)));
    } catch (err) {
      this.say(`Could not use the selection: ${message(err)}`);
      await this.check();
    }
  }

  private async useAddress(key: InputKey, address: string): Promise<void> {
    try {
      this.setup.inputs[key] = address;
      await Excel.run((context) => saveSetup(context, this.setup));
      this.say(`${INPUT_TITLES[key]} is now ${address}.`);
    } catch (err) {
      this.say(`Could not save the change: ${message(err)}`);
    }
    await this.check();
  }

  /** Drops a chosen range, so the table or named range of that name is used again. */
  private async forget(key: InputKey): Promise<void> {
    delete this.setup.inputs[key];
    try {
      await Excel.run((context) => saveSetup(context, this.setup));
      this.say(`${INPUT_TITLES[key]}: looking for a table or range named ${INPUT_TITLES[key]} again.`);
    } catch (err) {
      this.say(`Could not save the change: ${message(err)}`);
    }
    await this.check();
  }

  private async saveParameters(): Promise<void> {
    for (const key of PARAMETER_KEYS) this.setup.parameters[key] = valueOf(`p-${key}`);
    try {
      await Excel.run((context) => saveSetup(context, this.setup));
    } catch (err) {
      this.say(`Could not save the parameters in the workbook: ${message(err)}`);
    }
  }

  private async insertSample(): Promise<void> {
    try {
      const outcome = await Excel.run((context) => insertSample(context));
      this.say(
        outcome.inserted
          ? `Sample data inserted: sheets ${outcome.sheets.join(", ")}. Press Optimize.`
          : `Sample data not inserted: this workbook already has ${outcome.existing.join(", ")}.`,
      );
    } catch (err) {
      this.say(`Could not insert the sample data: ${message(err)}`);
    }
    await this.check();
  }

  /** Optimize and What if share the worker and the plan sheet: one runs at a time. */
  private setRunning(running: boolean, optimizing = true): void {
    this.busy = running;
    setDisabled("optimize", running);
    setDisabled("sample", running);
    setDisabled("w-run", running);
    if (!optimizing) return;
    setDisabled("cancel", !running);
    byId("progress-area").hidden = !running;
  }

  /** The inputs read and checked, with the pane's parameters laid over them; or what to fix first. */
  private async prepare(action: string): Promise<Prepared | { problem: string }> {
    await this.saveParameters();
    const params = { ...this.setup.parameters };
    const { overrides, problems } = readParameters(params);
    if (problems.length > 0) return { problem: problems.join(" ") };
    const check = await this.check();
    if (!check?.sheet) return { problem: `Fix the problems listed under Inputs, then press ${action} again.` };
    const sheet = check.sheet;
    const prepared = runRequest(sheet, overrides);
    if (!prepared.request) return { problem: prepared.problems.join(" ") };
    const { model, options } = prepared.request;
    const inputs: Partial<Record<InputKey, string>> = {};
    for (const key of INPUT_KEYS) inputs[key] = this.found[key]?.address;
    const planSheet = (result: OptimizeResult, time = new Date(), relaxations: Relaxation[] = []) =>
      buildPlanSheet({
        model,
        result,
        extras: sheet.productExtras,
        relaxations,
        stamp: { time, inputs, settingsLabel: "Pane settings", settings: describeParameters(params), version: VERSION },
      });
    return { model, options, check, planSheet, version: VERSION };
  }

  /** Progress of the running job; the clock of the final evaluation starts with its first report. */
  private progressReporter(limitMs: number): (p: OptimizeProgress) => void {
    const started = Date.now();
    let evaluationStart: number | undefined;
    let lastStage = "";
    let lastText = -Infinity;
    return (p) => {
      const elapsed = Date.now() - started;
      if (p.fraction >= EVALUATION_FROM && evaluationStart === undefined) evaluationStart = elapsed;
      const pct = Math.max(0, Math.min(100, Math.round(100 * p.fraction)));
      byId("progress").setAttribute("value", String(pct));
      // The stage line is a live region: a new stage at once, otherwise at most once a second, so a screen
      // reader is not flooded.
      if (p.stage === lastStage && elapsed - lastText < TEXT_EVERY_MS) return;
      lastStage = p.stage;
      lastText = elapsed;
      byId("stage").textContent =
        `${p.stage}: ${pct}%, ${remainingText(p.fraction, elapsed, limitMs, evaluationStart)}`;
    };
  }

  async optimize(): Promise<void> {
    if (this.busy) return;
    this.setRunning(true);
    this.say("");
    byId("stage").textContent = "Reading the inputs…";
    byId("progress").setAttribute("value", "0");
    try {
      const prepared = await this.prepare("Optimize");
      if ("problem" in prepared) return this.say(prepared.problem);
      const { model, options } = prepared;
      const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
      const timeoutMs = 2 * limitMs + TIMEOUT_MARGIN_MS;
      const job = engineClient().submit(
        { kind: "optimize", model, options },
        { timeoutMs, onProgress: this.progressReporter(limitMs) },
      ) as JobHandle<OptimizeResult>;
      this.job = job;
      const result = await job.result;
      this.job = undefined;
      const ruleValues = await this.valueRules(model, result, limitMs);
      setDisabled("cancel", true);
      byId("stage").textContent = "Writing the plan…";
      const time = new Date();
      const data = prepared.planSheet(result, time, ruleValues.relaxations);
      renderSummary(resultSummary(model, result, ruleValues));
      const written = await this.writeAsking(data);
      this.plans = withNewPlan(this.plans, planRecord(CURRENT, result, time));
      await Excel.run((context) => saveScenarios(context, this.plans));
      await this.refreshPlanSelects(PREVIOUS, CURRENT);
      const unvalued = ruleValues.missing
        ? ` The value of relaxing its rules was not measured: ${ruleValues.missing}`
        : "";
      this.say(
        (written.written
          ? `Plan written to ${written.table}.`
          : "The plan was not written: your cells were kept. Clear them or move them, then optimize again.") + unvalued,
      );
    } catch (err) {
      // By name too: the engine client may come from the functions bundle, with its own copy of the class.
      const cancelled = err instanceof JobCancelled || (err instanceof Error && err.name === "JobCancelled");
      this.say(cancelled ? "Cancelled. Nothing was written." : `Optimize did not finish: ${message(err)}`);
    } finally {
      this.job = undefined;
      this.setRunning(false);
    }
  }

  /**
   * What relaxing each rule the plan binds on is worth (the Rules block's last columns, as `assort plan`
   * writes them), in the worker, within the time limit. The plan is kept whatever happens here: a Cancel or a
   * failure leaves those columns out and says why.
   */
  private async valueRules(model: Model, result: OptimizeResult, limitMs: number): Promise<RuleValues> {
    if (!result.rules.some((u) => u.binding)) return { relaxations: [] };
    byId("stage").textContent = "Valuing the binding rules (Cancel skips this and keeps the plan)…";
    byId("progress").setAttribute("value", "0");
    // The re-optimisations take half the limit in all; comparing the plans on shared seasons comes on top.
    const timeoutMs = limitMs + TIMEOUT_MARGIN_MS;
    const job = engineClient().submit(
      { kind: "relax", model, base: result, options: { seed: result.seed, timeLimitMs: limitMs } },
      { timeoutMs, onProgress: this.progressReporter(limitMs / 2) },
    );
    this.job = job;
    try {
      return { relaxations: await job.result };
    } catch (err) {
      const named = (name: string) => err instanceof Error && err.name === name;
      if (err instanceof JobCancelled || named("JobCancelled")) return { relaxations: [], missing: "cancelled." };
      if (err instanceof JobTimedOut || named("JobTimedOut"))
        return { relaxations: [], missing: `it did not finish within ${Math.round(timeoutMs / 1000)} s.` };
      return { relaxations: [], missing: message(err) };
    } finally {
      this.job = undefined;
    }
  }

  /** Writes the plan; if other non-empty cells are in the way, asks in the pane first. */
  private async writeAsking(data: PlanSheet): Promise<WritePlanOutcome> {
    const first = await Excel.run((context) => writePlan(context, data));
    if (first.written) return first;
    const more = first.conflictCount - first.conflicts.length;
    byId("confirm-text").textContent =
      `The plan would overwrite ${first.conflictCount} non-empty cell${first.conflictCount === 1 ? "" : "s"} that Assort did not write: ` +
      first.conflicts.join(", ") +
      (more > 0 ? ` and ${more} more` : "") +
      ". Overwrite them?";
    byId("confirm").hidden = false;
    byId("confirm-keep").focus(); // the safe answer first, for keyboard and screen-reader users
    byId("stage").textContent = "Waiting for your answer…";
    const overwrite = await new Promise<boolean>((resolve) => (this.answer = resolve));
    this.answer = undefined;
    byId("confirm").hidden = true;
    if (!overwrite) return first;
    return Excel.run((context) => writePlan(context, data, { overwrite: true }));
  }

  private async keepScenario(): Promise<void> {
    const name = valueOf("scenario-name").trim();
    if (name === "" || name === CURRENT || name === PREVIOUS)
      return this.say(`Give the plan a name other than '${CURRENT}' or '${PREVIOUS}'.`);
    if (!this.plans.some((p) => p.name === CURRENT))
      return this.say("Optimize first: there is no current plan to keep.");
    this.plans = withNamed(this.plans, name);
    try {
      await Excel.run((context) => saveScenarios(context, this.plans));
    } catch (err) {
      return this.say(`Could not keep the plan: ${message(err)}`);
    }
    await this.refreshPlanSelects(name, CURRENT);
    this.say(`Kept the current plan as '${name}'.`);
  }

  private async refreshPlanSelects(a: string, b: string): Promise<void> {
    byId("compare").hidden = this.plans.length === 0;
    await Promise.all([fillPlanSelect("compare-a", this.plans, a), fillPlanSelect("compare-b", this.plans, b)]);
    this.showComparison();
  }

  private showComparison(): void {
    const find = (id: string) => this.plans.find((p) => p.name === valueOf(id));
    const a = find("compare-a");
    const b = find("compare-b");
    renderComparison(a && b && a !== b ? a : undefined, a && b && a !== b ? b : undefined);
  }
}
