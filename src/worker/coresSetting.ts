// How many cores a run may use: a setting of this computer's user (kept in the add-in's local storage), not
// of the workbook, since colleagues' machines differ and the results do not depend on it (the same seed
// gives the same plan on any number of season workers). "all": all cores but one, which Excel keeps (at most
// 8 season workers for the passes, plus one for the realistic ceiling while it runs); "one": the whole run on
// the engine worker alone.

import { seasonWorkersFor } from "./webSeasonPool";

export type CoresSetting = "all" | "one";

export const CORES_KEY = "assort.cores";

/** Where the setting is kept: window.localStorage, or nothing where the host refuses it (then "all"). */
export interface SettingStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function defaultStore(): SettingStore | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null; // storage blocked by the host's privacy settings
  }
}

// A choice the host would not keep: it stands for this runtime.
let chosen: CoresSetting | null = null;

export function coresSetting(store: SettingStore | null = defaultStore()): CoresSetting {
  if (chosen) return chosen;
  try {
    return store?.getItem(CORES_KEY) === "one" ? "one" : "all";
  } catch {
    return "all";
  }
}

/** False when the host would not keep it (the choice then lasts until the pane closes). */
export function saveCoresSetting(value: CoresSetting, store: SettingStore | null = defaultStore()): boolean {
  try {
    if (store) {
      store.setItem(CORES_KEY, value);
      chosen = null;
      return true;
    }
  } catch {
    // refused (quota, privacy settings): kept in this runtime below
  }
  chosen = value;
  return false;
}

/** This computer's logical cores as the browser reports them (2 when it does not). */
export function machineCores(): number {
  const n = typeof navigator !== "undefined" ? navigator.hardwareConcurrency : NaN;
  return Number.isFinite(n) && n > 0 ? n : 2;
}

/** Season workers a run starts under the setting, on a machine with `cores` cores. */
export function seasonThreads(setting: CoresSetting, cores: number): number {
  return setting === "one" ? 0 : seasonWorkersFor(cores);
}
