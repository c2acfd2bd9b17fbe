// The work behind =ASSORT.CHAIN and the pane's "Substitution from a model": the Model range read (see
// choiceModelSheet.ts), converted to the chain by the best route (engine chainFromModel), and judged on
// offered sets the conversion did not use (chainFidelity). Plain data out, so it crosses postMessage.

import { chainFidelity, chainFromModel, type ChainFidelity, type ChainRoute } from "../engine";
import { modelFromRange, type ModelProblem, type ModelRangeOptions } from "./choiceModelSheet";

export interface ChainSettings {
  route?: "auto" | ChainRoute;
  /** Expected customers in the season: with it, each product's Demand (share × customers) is given too. */
  customers?: number;
  seed?: number | string;
}

export interface SheetChain {
  problems: ModelProblem[];
  model: string;
  route: ChainRoute | "";
  products: { id: string; share: number; demand?: number }[];
  noPurchaseShare: number;
  links: { from: string; to: string; probability: number }[];
  fittedSets: number;
  cappedRows: string[];
  notes: string[];
  fidelity: ChainFidelity | null;
}

/** Progress for the worker's chain job: a stage in words and 0..1 over the whole conversion. */
export interface ChainProgress {
  onProgress?: (p: { stage: string; fraction: number }) => void;
  shouldStop?: () => boolean;
}

/** Share of the progress bar the fit takes; the fidelity check is the rest. */
const FIT_SHARE = 0.9;

export function chainFromSheet(
  productIds: readonly string[],
  cells: readonly (readonly unknown[])[],
  settings: ChainSettings = {},
  options: ModelRangeOptions = {},
  progress: ChainProgress = {},
): SheetChain {
  const empty: SheetChain = {
    problems: [],
    model: "",
    route: "",
    products: [],
    noPurchaseShare: NaN,
    links: [],
    fittedSets: 0,
    cappedRows: [],
    notes: [],
    fidelity: null,
  };
  const { file, problems } = modelFromRange(cells, productIds, settings.customers ?? 0, options);
  if (!file) return { ...empty, problems };
  const report = progress.onProgress;
  report?.({ stage: "Converting the model", fraction: 0 });
  const chain = chainFromModel(file.model, {
    route: settings.route ?? "auto",
    seed: settings.seed,
    shouldStop: progress.shouldStop,
    // The EM usually stops well before its cap, so the bar jumps to the fidelity check when it converges.
    onProgress:
      report &&
      ((k, max) => report({ stage: `Fitting the chain (EM iteration ${k})`, fraction: (FIT_SHARE * k) / max })),
  });
  // Cancelled: the caller discards this half-fitted chain, so its fidelity check would be wasted time.
  if (progress.shouldStop?.()) return { ...empty, model: file.model.label, route: chain.route };
  report?.({ stage: "Checking fidelity", fraction: FIT_SHARE });
  const fidelity = chainFidelity(file.model, chain);
  return {
    problems: [],
    model: file.model.label,
    route: chain.route,
    products: productIds.map((id, i) => ({
      id,
      share: chain.lambda[i],
      ...(settings.customers !== undefined ? { demand: chain.lambda[i] * settings.customers } : {}),
    })),
    noPurchaseShare: chain.noPurchaseShare,
    links: chain.links.map((l) => ({ from: productIds[l.from], to: productIds[l.to], probability: l.probability })),
    fittedSets: chain.fittedSets,
    cappedRows: chain.cappedRows.map((i) => productIds[i]),
    notes: chain.notes,
    fidelity,
  };
}
