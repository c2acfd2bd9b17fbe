// The pane's Cores field: all cores but one (the default) or one, for every run of this computer's user
// (custom functions too: they share the engine client). Shows what "all but one" means on this machine.

import { coresSetting, machineCores, saveCoresSetting, seasonThreads, type CoresSetting } from "../worker/coresSetting";
import { byId, setValue, valueOf } from "./dom";

function describe(setting: CoresSetting, cores: number): string {
  const workers = seasonThreads("all", cores);
  const all =
    `This computer has ${cores} cores: "All but one" runs the passes on ${workers} season worker${workers === 1 ? "" : "s"}` +
    " and the realistic ceiling beside them";
  return setting === "one"
    ? `${all}; "One" keeps the whole run on one. The same plan either way. Kept on this computer, not in the workbook.`
    : `${all}. The same plan either way. Kept on this computer, not in the workbook.`;
}

export function startCoresField(): void {
  const cores = machineCores();
  const show = (setting: CoresSetting) => {
    setValue("cores", setting);
    byId("cores-help").textContent = describe(setting, cores);
  };
  show(coresSetting());
  byId("cores").addEventListener("change", () => {
    const setting: CoresSetting = valueOf("cores") === "one" ? "one" : "all";
    const kept = saveCoresSetting(setting);
    show(setting);
    if (!kept) byId("cores-help").textContent += " (This host does not keep settings: it lasts until the pane closes.)";
  });
}
