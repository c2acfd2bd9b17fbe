/// <reference types="office-js" />
// "Substitution from a model": the pane's control that turns a Model range (rankings, MNL, nested or mixed
// logit; docs/sheet-layouts.md) into the chain OPTIMIZE plans with, through the worker's "chain" job (the same
// work as =ASSORT.CHAIN), writes the From/To/Probability list to the "Assort substitution" sheet (asking first
// if that sheet holds cells Assort did not write), points the pane's Substitution input at it and shows how
// closely the chain reproduces the model. A Cancel or a failure writes nothing.

import { readValues } from "../excel/readValues";
import { selectedAddress } from "../excel/selection";
import { writeSubstitutionList, type WriteSubstitutionOutcome } from "../excel/writeSubstitutionList";
import type { SheetChain } from "../sheet/chainSheet";
import { JobCancelled, JobTimedOut, type JobHandle } from "../worker/client";
import { engineClient } from "../worker/sharedClient";
import { makeCollapsible } from "./collapsible";
import { byId, element, setDisabled, setValue, valueOf } from "./dom";
import { conversionStage, fidelityRows, modelJob } from "./modelConversion";

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
      // The worker reports each EM iteration; the line is redrawn once a second (a live region: not flooded).
      let latest: string | undefined;
      const tick = () => (stage.textContent = conversionStage(latest, (Date.now() - started) / 1000));
      tick();
      timer = setInterval(tick, 1000);
      this.job = engineClient().submit(job, {
        timeoutMs: CONVERT_TIMEOUT_MS,
        onProgress: (p) => (latest = p.stage),
      }) as JobHandle<SheetChain>;
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
