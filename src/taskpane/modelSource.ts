/// <reference types="office-js" />
// "Substitution from a model": the pane's control that turns a Model range (rankings, MNL, nested or mixed
// logit; docs/sheet-layouts.md) into the chain OPTIMIZE plans with, through the worker's "chain" job (the same
// work as =ASSORT.CHAIN), writes the From/To/Probability list to the "Assort substitution" sheet (asking first
// if that sheet holds cells Assort did not write), points the pane's Substitution input at it and shows how
// closely the chain reproduces the model. A Cancel or a failure writes nothing.

import { readValues } from "../excel/readValues";
import { selectedAddress } from "../excel/selection";
import { writeSubstitutionList, type WriteSubstitutionOutcome } from "../excel/writeSubstitutionList";
import { originOf } from "../sheet/address";
import type { SheetChain } from "../sheet/chainSheet";
import { readProductIds } from "../sheet/productIds";
import { SheetInputError } from "../sheet/sheetProblem";
import { JobCancelled, JobTimedOut, type JobHandle } from "../worker/client";
import type { ChainJob } from "../worker/jobs";
import { engineClient } from "../worker/sharedClient";
import { makeCollapsible } from "./collapsible";
import { byId, element, setDisabled, setValue, valueOf } from "./dom";

/** Where the Model range's address is kept in the workbook (like the inputs, only the reference). */
export const MODEL_RANGE_KEY = "assort.modelRange";
/** The EM on big models takes seconds to minutes (docs/choice-models.md); beyond this it is stuck. */
export const CONVERT_TIMEOUT_MS = 600000;

/** What the pane lends this control. */
export interface ModelSourceHost {
  /** The Products input's address, if found. */
  productsAddress(): string | undefined;
  /** The pane's Seed parameter as typed ("" = default). */
  seed(): string;
  /** Makes `address` the Substitution input (saved in the setup) and checks the inputs again. */
  useSubstitution(address: string): Promise<void>;
}

/** The worker job for a Model range, or the messages that stop it (naming the range, row and column). */
export function modelJob(
  products: { address?: string; values?: unknown[][] },
  model: { address: string; values: unknown[][] },
  seed: string,
): { job?: ChainJob; problems: string[] } {
  if (!products.values)
    return { problems: ["Products: not found; the model's ids must be those of the Products range."] };
  let ids: string[];
  try {
    ids = readProductIds(products.values, originOf(products.address)).ids;
  } catch (err) {
    if (err instanceof SheetInputError) return { problems: err.problems.map((p) => p.message) };
    throw err;
  }
  if (model.values.length < 2)
    return { problems: [`Model (${model.address}): a header row and at least one row below it are needed.`] };
  const s = seed.trim();
  const settings: ChainJob["settings"] = { route: "auto" };
  if (s !== "") settings.seed = Number.isFinite(Number(s)) ? Number(s) : s;
  return {
    job: { kind: "chain", productIds: ids, model: model.values, firstRow: originOf(model.address)?.row ?? 1, settings },
    problems: [],
  };
}

const ROUTE_WORDS = {
  exact: "exact (the model is itself a chain)",
  fitted: "maximum likelihood on the model's choice probabilities",
  removal: "one-removal construction",
  "": "",
} as const;

function percent(x: number): string {
  return `${(100 * x).toFixed(x < 0.001 ? 2 : 1)}%`;
}

/** The figures shown under the control: label, value and an optional note. */
export function fidelityRows(chain: SheetChain): [string, string, string][] {
  const route = chain.route === "fitted" ? `${ROUTE_WORDS.fitted} (${chain.fittedSets} offered sets)` : "";
  const rows: [string, string, string][] = [
    ["Model", chain.model, ""],
    ["Route", route || ROUTE_WORDS[chain.route], ""],
    ["Links", chain.links.length.toLocaleString("en-US"), ""],
  ];
  const f = chain.fidelity;
  if (f) {
    rows.push(
      ["Mean TV distance", percent(f.meanTv), `on ${f.sets} ranges the chain was not fitted on`],
      ["Worst TV distance", percent(f.maxTv), ""],
      ["Verdict", f.verdict, ""],
    );
  }
  for (const note of chain.notes) rows.push(["Note", note, ""]);
  return rows;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const named = (err: unknown, name: string) => err instanceof Error && err.name === name;

export class ModelSource {
  private job: JobHandle<SheetChain> | undefined;
  private answer: ((overwrite: boolean) => void) | undefined;

  constructor(private readonly host: ModelSourceHost) {}

  async start(): Promise<void> {
    makeCollapsible("model-heading");
    byId("use-model").addEventListener("click", () => void this.useSelection());
    byId("model-address").addEventListener("change", () => void this.saveAddress());
    byId("convert-model").addEventListener("click", () => void this.convert());
    byId("cancel-model").addEventListener("click", () => this.job?.cancel());
    byId("model-overwrite").addEventListener("click", () => this.answer?.(true));
    byId("model-keep").addEventListener("click", () => this.answer?.(false));
    try {
      await Excel.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(MODEL_RANGE_KEY);
        item.load("isNullObject, value");
        await context.sync();
        if (!item.isNullObject && typeof item.value === "string") setValue("model-address", item.value);
      });
    } catch {
      // No saved Model range: the field stays blank.
    }
  }

  private say(text: string): void {
    byId("model-message").textContent = text;
  }

  private async saveAddress(): Promise<void> {
    try {
      await Excel.run(async (context) => {
        context.workbook.settings.add(MODEL_RANGE_KEY, valueOf("model-address").trim());
        await context.sync();
      });
    } catch (err) {
      this.say(`Could not save the Model range in the workbook: ${message(err)}`);
    }
  }

  private async useSelection(): Promise<void> {
    try {
      setValue("model-address", await Excel.run((context) => selectedAddress(context)));
      await this.saveAddress();
    } catch (err) {
      this.say(`Could not use the selection: ${message(err)}`);
    }
  }

  private setRunning(running: boolean): void {
    setDisabled("convert-model", running);
    setDisabled("use-model", running);
    setDisabled("cancel-model", !running);
    byId("model-progress-area").hidden = !running;
  }

  async convert(): Promise<void> {
    if (this.job) return;
    const address = valueOf("model-address").trim();
    if (address === "") return this.say("Give the Model range first: select it and press Use selection.");
    this.setRunning(true);
    this.say("");
    byId("model-result").replaceChildren();
    const stage = byId("model-stage");
    stage.textContent = "Reading the Model range…";
    let timer: ReturnType<typeof setInterval> | undefined;
    try {
      await this.saveAddress();
      const productsAddress = this.host.productsAddress();
      const read = await Excel.run(async (context) => ({
        products: productsAddress ? (await readValues(context, productsAddress)).values : undefined,
        model: await readValues(context, address),
      }));
      const { job, problems } = modelJob(
        { address: productsAddress, values: read.products },
        { address: read.model.address, values: read.model.values },
        this.host.seed(),
      );
      if (!job) return this.say(problems.join(" "));
      const started = Date.now();
      const tick = () =>
        (stage.textContent = `Converting the model to a chain (${Math.round((Date.now() - started) / 1000)} s)…`);
      tick();
      timer = setInterval(tick, 1000);
      this.job = engineClient().submit(job, { timeoutMs: CONVERT_TIMEOUT_MS }) as JobHandle<SheetChain>;
      const chain = await this.job.result;
      this.job = undefined;
      clearInterval(timer);
      if (chain.problems.length > 0) return this.say(chain.problems.map((p) => p.message).join(" "));
      setDisabled("cancel-model", true);
      stage.textContent = "Writing the substitution list…";
      const written = await this.writeAsking(chain);
      if (!written.written)
        return this.say(
          `Nothing was written: your cells on ${written.used} were kept. Rename or move that sheet, then convert again.`,
        );
      this.renderResult(chain);
      await this.host.useSubstitution(written.address);
      this.say(
        `${written.links.toLocaleString("en-US")} links written to ${written.address}; Substitution now uses it.`,
      );
    } catch (err) {
      if (err instanceof JobCancelled || named(err, "JobCancelled")) this.say("Cancelled. Nothing was written.");
      else if (err instanceof JobTimedOut || named(err, "JobTimedOut"))
        this.say(
          `The conversion did not finish within ${CONVERT_TIMEOUT_MS / 1000} s and was stopped; nothing was written. Convert fewer products at a time, or run assort chain on the command line.`,
        );
      else this.say(`The conversion did not finish: ${message(err)}`);
    } finally {
      if (timer) clearInterval(timer);
      this.job = undefined;
      this.setRunning(false);
    }
  }

  /** Writes the list; if the sheet holds cells Assort did not write, asks in the pane first. */
  private async writeAsking(chain: SheetChain): Promise<WriteSubstitutionOutcome> {
    const first = await Excel.run((context) => writeSubstitutionList(context, chain.links));
    if (first.written) return first;
    byId("model-confirm-text").textContent =
      `The sheet already holds cells Assort did not write (${first.used}). Replace them with the substitution list?`;
    byId("model-confirm").hidden = false;
    byId("model-keep").focus(); // the safe answer first
    byId("model-stage").textContent = "Waiting for your answer…";
    const overwrite = await new Promise<boolean>((resolve) => (this.answer = resolve));
    this.answer = undefined;
    byId("model-confirm").hidden = true;
    if (!overwrite) return first;
    return Excel.run((context) => writeSubstitutionList(context, chain.links, { overwrite: true }));
  }

  private renderResult(chain: SheetChain): void {
    const list = byId("model-result");
    for (const [label, value, note] of fidelityRows(chain)) {
      const dd = element("dd", value);
      if (note) dd.append(element("small", note));
      list.append(element("dt", label), dd);
    }
  }
}
