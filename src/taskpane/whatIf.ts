/// <reference types="office-js" />
// The pane's What if section: a sweep of one rule (budget, capacity, max products) from the fields, run in
// the Web Worker with progress and a Cancel that writes nothing; the curve of expected profit with its 95%
// band and the upper bound as an accessible SVG chart and a table; a click on a point (or its row's button)
// writes that point's plan to the plan sheet through the pane's own plan-writing path; and the curve to the
// "Assort scenarios" sheet with a native line chart. The inputs and parameters come from the pane (host).

import { DEFAULT_TIME_LIMIT_MS } from "../engine";
import type { Model, OptimizeOptions, OptimizeProgress, OptimizeResult, SweepResult, SweepRule } from "../engine";
import type { WritePlanOutcome } from "../excel/writePlan";
import { writeScenarios } from "../excel/writeScenarios";
import type { PlanSheet } from "../sheet/planSheet";
import { scenariosSheet } from "../sheet/scenariosSheet";
import { ruleLabel } from "../sheet/sweepTable";
import { JobCancelled, TIMEOUT_MARGIN_MS, type JobHandle } from "../worker/client";
import { engineClient } from "../worker/sharedClient";
import { byId, setDisabled, valueOf } from "./dom";
import { whatIfChartSvg, whatIfTable, type ChartLabels, type CurvePoint } from "./whatIfChart";
import { readWhatIf } from "./whatIfForm";

/** What the section needs from the pane. */
export interface WhatIfHost {
  /** The inputs with the pane's parameters, or the sentence saying what to fix first. */
  prepare(): Promise<
    | { model: Model; options: OptimizeOptions; planSheet(result: OptimizeResult): PlanSheet; version: string }
    | { problem: string }
  >;
  /** Writes a plan sheet as Optimize does (asking before other people's cells). */
  writePlan(data: PlanSheet): Promise<WritePlanOutcome>;
  isBusy(): boolean;
  setBusy(busy: boolean): void;
}

interface Curve {
  model: Model;
  options: OptimizeOptions;
  result: SweepResult;
  planSheet(result: OptimizeResult): PlanSheet;
  version: string;
  time: Date;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isCancel(err: unknown): boolean {
  return err instanceof JobCancelled || (err instanceof Error && err.name === "JobCancelled");
}

function money(v: number): string {
  return v.toLocaleString("en-US", { maximumFractionDigits: 0 });
}

/** Markup built from escaped strings, parsed (never innerHTML), so nothing in it can run. */
function parsed(markup: string, type: DOMParserSupportedType): Element {
  const doc = new DOMParser().parseFromString(markup, type);
  const el = type === "text/html" ? doc.body.firstElementChild : doc.documentElement;
  return document.importNode(el as Element, true);
}

export class WhatIf {
  private job: JobHandle<unknown> | undefined;
  private curve: Curve | undefined;

  constructor(private readonly host: WhatIfHost) {}

  start(): void {
    byId("w-run").addEventListener("click", () => void this.run());
    byId("w-cancel").addEventListener("click", () => this.job?.cancel());
    byId("w-write").addEventListener("click", () => void this.writeCurve());
    const pick = (e: Event) => {
      const at = (e.target as Element | null)?.closest?.("[data-point]");
      const i = at ? Number(at.getAttribute("data-point")) : NaN;
      if (Number.isInteger(i)) void this.writePoint(i);
    };
    byId("w-chart").addEventListener("click", pick);
    byId("w-chart").addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pick(e);
      }
    });
    byId("w-table").addEventListener("click", (e) => {
      if ((e.target as Element | null)?.closest?.("button")) pick(e);
    });
  }

  private say(text: string): void {
    byId("w-message").textContent = text;
  }

  private setRunning(running: boolean, what = "What-if progress"): void {
    this.host.setBusy(running);
    setDisabled("w-run", running);
    setDisabled("w-write", running || !this.curve);
    setDisabled("w-cancel", !running);
    byId("w-progress-area").hidden = !running;
    byId("w-progress").setAttribute("aria-label", what);
    if (running) {
      byId("w-progress").setAttribute("value", "0");
      byId("w-stage").textContent = "Reading the inputs…";
    }
  }

  private progress(p: OptimizeProgress & { pointsDone?: number; points?: number; remainingMs?: number }): void {
    const pct = Math.max(0, Math.min(100, Math.round(100 * p.fraction)));
    byId("w-progress").setAttribute("value", String(pct));
    const points = p.points !== undefined ? `, ${p.pointsDone ?? 0} of ${p.points} points` : "";
    const left =
      p.remainingMs !== undefined && Number.isFinite(p.remainingMs)
        ? `, about ${Math.max(1, Math.round(p.remainingMs / 1000))} s left`
        : "";
    byId("w-stage").textContent = `${p.stage}: ${pct}%${points}${left}`;
  }

  async run(): Promise<void> {
    if (this.host.isBusy()) return;
    const form = readWhatIf({
      rule: valueOf("w-rule"),
      from: valueOf("w-from"),
      to: valueOf("w-to"),
      points: valueOf("w-points"),
    });
    if (!form.request) return this.say(form.problems.join(" "));
    const { rule, values } = form.request;
    this.say("");
    this.setRunning(true);
    try {
      const prepared = await this.host.prepare();
      if ("problem" in prepared) return this.say(prepared.problem);
      // As ASSORT.SWEEP: each point gets the run's time limit.
      const limitMs = (prepared.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) * values.length;
      const options = { ...prepared.options, timeLimitMs: limitMs };
      this.job = engineClient().submit(
        { kind: "sweep", model: prepared.model, rule, values, options },
        { timeoutMs: 2 * limitMs + TIMEOUT_MARGIN_MS, onProgress: (p) => this.progress(p) },
      );
      const result = (await this.job.result) as SweepResult;
      this.curve = { ...prepared, options: prepared.options, result, time: new Date() };
      this.render(rule, result);
      const first = result.points[0];
      const last = result.points[result.points.length - 1];
      this.say(
        `${result.points.length} points: expected profit ${money(first.expectedProfit.mean)} at ${ruleLabel(rule).toLowerCase()} ` +
          `${money(first.value)} to ${money(last.expectedProfit.mean)} at ${money(last.value)}. ` +
          "Click a point, or Write in its row, to write its plan to the plan sheet." +
          (result.warnings.length > 0 ? ` ${result.warnings.join(" ")}` : ""),
      );
    } catch (err) {
      this.say(isCancel(err) ? "Cancelled. Nothing was written." : `What if did not finish: ${message(err)}`);
    } finally {
      this.job = undefined;
      this.setRunning(false);
    }
  }

  private render(rule: SweepRule, result: SweepResult): void {
    const label = ruleLabel(rule);
    const labels: ChartLabels = {
      x: label,
      y: "Expected profit",
      title: `Expected profit against ${label.toLowerCase()}`,
    };
    const points: CurvePoint[] = result.points.map((p) => ({
      x: p.value,
      mean: p.expectedProfit.mean,
      low: p.expectedProfit.low,
      high: p.expectedProfit.high,
      bound: p.bound,
    }));
    byId("w-chart").replaceChildren(parsed(whatIfChartSvg(points, labels), "image/svg+xml"));
    byId("w-table").replaceChildren(parsed(whatIfTable(points, labels), "text/html"));
    byId("w-result").hidden = false;
  }

  /** The point's plan, evaluated under its rule in the worker, written as Optimize writes a plan. */
  async writePoint(i: number): Promise<void> {
    const curve = this.curve;
    const point = curve?.result.points[i];
    if (!curve || !point || this.host.isBusy()) return;
    const label = `${ruleLabel(curve.result.rule)} ${money(point.value)}`;
    this.say("");
    this.setRunning(true, `Writing the plan at ${label}`);
    byId("w-stage").textContent = `Evaluating the plan at ${label}…`;
    try {
      this.job = engineClient().submit(
        {
          kind: "sweepPoint",
          model: curve.model,
          rule: curve.result.rule,
          value: point.value,
          units: Array.from(point.plan),
          options: curve.options,
        },
        { timeoutMs: 2 * DEFAULT_TIME_LIMIT_MS + TIMEOUT_MARGIN_MS, onProgress: (p) => this.progress(p) },
      );
      const result = (await this.job.result) as OptimizeResult;
      this.job = undefined;
      setDisabled("w-cancel", true);
      byId("w-stage").textContent = "Writing the plan…";
      const written = await this.host.writePlan(curve.planSheet(result));
      this.say(
        written.written
          ? `The plan at ${label} was written to ${written.table}.`
          : "The plan was not written: your cells were kept. Clear them or move them, then try again.",
      );
    } catch (err) {
      this.say(
        isCancel(err) ? "Cancelled. Nothing was written." : `Could not write the plan at ${label}: ${message(err)}`,
      );
    } finally {
      this.job = undefined;
      this.setRunning(false);
    }
  }

  /** The curve to the Assort scenarios sheet (the layout `assort sweep` writes), with a native line chart. */
  async writeCurve(): Promise<void> {
    const curve = this.curve;
    if (!curve || this.host.isBusy()) return;
    const r = curve.result;
    this.say("");
    const how =
      `What if in the task pane, ${curve.time.toISOString().slice(0, 19).replace("T", " ")} UTC: ${r.rule} at ` +
      `${r.points.length} points, seed ${String(r.seed)}, every plan played on the same ${r.seasons} seasons; Assort ${curve.version}.`;
    try {
      const out = await Excel.run((context) => writeScenarios(context, scenariosSheet(curve.model, r, how)));
      this.say(`The curve was written to ${out.table}, with a line chart beside it.`);
    } catch (err) {
      this.say(`Could not write the curve: ${message(err)}`);
    }
  }
}
