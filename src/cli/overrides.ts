// What-if overrides on the command line: --budget, --capacity, --max-products, --max-changes, --customers and
// --cv replace the instance's (or the Options sheet's) values for one run, and the output says where each
// setting came from (the flag, the Options row or the instance file, or the default), as the plan stamp does.

import { withRule, type CustomerDistribution, type Model, type RuleName } from "../engine";
import { decimalOption, integerOption, stringOption, type ParsedArgs } from "./args";
import type { OptionSpec } from "./args";
import { UsageError } from "./errors";
import { formatNumber } from "./table";

export const OVERRIDE_OPTIONS: OptionSpec[] = [
  { name: "budget", value: "B", description: "what if the buy budget were B (replaces the instance's; 0 or more)" },
  { name: "capacity", value: "C", description: "what if the space were C (replaces the instance's)" },
  { name: "max-products", value: "K", description: "what if at most K products could be carried" },
  {
    name: "max-changes",
    value: "K",
    description: "what if at most K products could be added or dropped (needs the current range)",
  },
  { name: "customers", value: "D", description: "season traffic: poisson, fixed or negbin" },
  { name: "cv", value: "X", description: "coefficient of variation of the traffic (with negbin; > 0)" },
];

const DISTRIBUTIONS: readonly CustomerDistribution[] = ["poisson", "fixed", "negbin"];

export interface Overrides {
  budget?: number;
  capacity?: number;
  maxProducts?: number;
  maxChanges?: number;
  customers?: CustomerDistribution;
  cv?: number;
}

const RULE_FLAGS: [RuleName, string][] = [
  ["budget", "--budget"],
  ["capacity", "--capacity"],
  ["maxProducts", "--max-products"],
  ["maxChanges", "--max-changes"],
];

export function readOverrides(args: ParsedArgs, command: string): Overrides {
  const o: Overrides = {
    budget: decimalOption(args, "budget", command, { min: 0, what: "budget" }),
    capacity: decimalOption(args, "capacity", command, { min: 0, what: "capacity" }),
    maxProducts: integerOption(args, "max-products", command, { min: 0, what: "number of products" }),
    maxChanges: integerOption(args, "max-changes", command, { min: 0, what: "number of changes" }),
    cv: decimalOption(args, "cv", command, { min: 0, what: "coefficient of variation" }),
  };
  const raw = stringOption(args, "customers");
  if (raw !== undefined) {
    const d = raw.toLowerCase() as CustomerDistribution;
    if (!DISTRIBUTIONS.includes(d))
      throw new UsageError(`--customers '${raw}' is not a distribution; use poisson, fixed or negbin`, command);
    o.customers = d;
  }
  if (o.cv !== undefined && o.cv <= 0) throw new UsageError(`--cv must be above 0 (got ${o.cv})`, command);
  return o;
}

/** The model with the overrides applied; a rule the model cannot take (maxChanges without a range) is a usage error. */
export function applyOverrides(model: Model, o: Overrides, command: string): Model {
  let m = model;
  for (const [rule, flag] of RULE_FLAGS) {
    const v = o[rule];
    if (v === undefined) continue;
    try {
      m = withRule(m, rule, v);
    } catch (err) {
      throw new UsageError(`${flag}: ${err instanceof Error ? err.message : String(err)}`, command);
    }
  }
  if (o.customers !== undefined || o.cv !== undefined) {
    const distribution = o.customers ?? (o.cv !== undefined ? "negbin" : m.customers.distribution);
    const cv = distribution === "negbin" ? (o.cv ?? m.customers.cv) : 0;
    if (o.cv !== undefined && distribution !== "negbin")
      throw new UsageError(`--cv goes with --customers negbin (got --customers ${distribution})`, command);
    if (distribution === "negbin" && !(cv > 0))
      throw new UsageError("--customers negbin needs --cv X (the coefficient of variation, above 0)", command);
    m = { ...m, customers: { distribution, cv } };
  }
  return m;
}

/** Where a setting the user did not override came from: "Options row 4", "instance file", or undefined. */
export type SettingOrigin = (key: RuleName | "customers" | "cv") => string | undefined;

export interface SettingLine {
  name: string;
  value: string;
  source: string;
}

/** Every what-if setting with its value and where it came from, for the summary and --json. */
export function settingLines(model: Model, o: Overrides, origin: SettingOrigin): SettingLine[] {
  const lines: SettingLine[] = [];
  const constraints = model.constraints as unknown as Record<string, number | null | undefined>;
  for (const [rule, flag] of RULE_FLAGS) {
    const v = constraints[rule];
    if (v === undefined) continue;
    const given = o[rule] !== undefined;
    lines.push({
      name: rule,
      value: v === null ? "none" : formatNumber(v, Number.isInteger(v) ? 0 : 2),
      source: given ? flag : v === null ? "default" : (origin(rule) ?? "default"),
    });
  }
  const c = model.customers;
  lines.push({
    name: "customers",
    value: c.distribution + (c.distribution === "negbin" ? ` (cv ${formatNumber(c.cv, 2)})` : ""),
    source:
      o.customers !== undefined || o.cv !== undefined
        ? [o.customers !== undefined ? "--customers" : "", o.cv !== undefined ? "--cv" : ""].filter(Boolean).join(" ")
        : (origin("customers") ?? "default"),
  });
  return lines;
}

/** One summary line: "budget 50,000 (--budget); capacity none (default); ...". */
export function settingsText(lines: SettingLine[]): string {
  return lines.map((l) => `${l.name} ${l.value} (${l.source})`).join("; ");
}

/** Sources for a JSON instance: what the file gives. */
export function instanceOrigin(json: unknown): SettingOrigin {
  const j = (json ?? {}) as { constraints?: Record<string, unknown>; customers?: Record<string, unknown> };
  return (key) => {
    if (key === "customers" || key === "cv")
      return j.customers?.distribution !== undefined ? "instance file" : undefined;
    return j.constraints?.[key] !== undefined && j.constraints?.[key] !== null ? "instance file" : undefined;
  };
}

/** Sources for a workbook: the Options sheet's rows. */
export function optionsOrigin(rows: Partial<Record<string, { row: number }>>): SettingOrigin {
  return (key) => {
    const r = rows[key];
    return r !== undefined ? `Options row ${r.row}` : undefined;
  };
}
