// CHAIN's [Options]: two columns, Name and Value (a header row is optional): route (auto, fitted, removal,
// exact), customers (the season's expected customers: then Demand is given per product) and seed. As in
// OPTIMIZE's Options, a value left blank or 0 keeps its default.

import { show } from "../engine";
import { numberOf, textOf } from "../sheet/cells";
import type { ChainSettings } from "../sheet/chainSheet";
import { optionProblem, readNameValues } from "../sheet/nameValue";
import { RANGE_ORIGIN, type Origin } from "../sheet/address";
import type { SheetProblem } from "../sheet/sheetProblem";

type Key = "route" | "customers" | "seed";

const NAMES: Record<Key, string[]> = {
  route: ["route", "method", "conversion"],
  customers: ["customers", "traffic", "customerspreseason", "expectedcustomers"],
  seed: ["seed", "randomseed"],
};
const TITLES: Record<Key, string> = { route: "route", customers: "customers", seed: "seed" };
const ROUTES = ["auto", "fitted", "removal", "exact"];

export function readChainOptions(
  raw: unknown[][] | null | undefined,
  origin: Origin = RANGE_ORIGIN,
): { settings: ChainSettings; problems: SheetProblem[] } {
  const read = readNameValues<Key>(raw, { names: NAMES, titles: TITLES, owner: "ASSORT.CHAIN" }, origin);
  const settings: ChainSettings = {};
  for (const key of Object.keys(read.values) as Key[]) {
    const raw = read.values[key];
    if (key === "route") {
      const t = (textOf(raw) ?? "").trim().toLowerCase();
      if (!ROUTES.includes(t))
        read.problems.push(optionProblem(read, key, `${show(raw)} is not a route; use one of ${ROUTES.join(", ")}.`));
      else settings.route = t as ChainSettings["route"];
    } else if (key === "customers") {
      const v = numberOf(raw);
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
        read.problems.push(
          optionProblem(
            read,
            key,
            `${show(raw)} is not a number of customers; give the season's expected customers, e.g. 1200.`,
          ),
        );
      else settings.customers = v;
    } else {
      const v = numberOf(raw);
      settings.seed = typeof v === "number" ? v : String(textOf(raw) ?? raw);
    }
  }
  return { settings, problems: read.problems };
}
