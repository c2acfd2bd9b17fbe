// The pane's few parameters (customers model, budget, max products, method, seed, time limit) read from
// their fields. A blank field keeps what the Options range says, or the default; a filled one overrides
// Options for this run. Each bad value gets a sentence naming the field.

import { DEFAULT_TIME_LIMIT_MS, METHODS } from "../engine";
import type { CustomerDistribution, Method, OptimizeOptions } from "../engine";
import type { Parameters } from "../excel/setup";
import type { OptionsSheet } from "../sheet/options";

export interface Overrides {
  distribution?: CustomerDistribution;
  budget?: number;
  maxProducts?: number;
  optimize: OptimizeOptions;
}

const DISTRIBUTIONS: CustomerDistribution[] = ["poisson", "fixed", "negbin"];
const MAX_TIME_LIMIT_S = 3600;
const DEFAULT_TIME_LIMIT_S = DEFAULT_TIME_LIMIT_MS / 1000;

/** "50,000", " 50000 " and "50 000" are all 50000. */
function numberText(s: string): number {
  const t = s.trim().replace(/[,\s]/g, "");
  return t === "" ? NaN : Number(t);
}

export function readParameters(p: Parameters): { overrides: Overrides; problems: string[] } {
  const o: Overrides = { optimize: {} };
  const problems: string[] = [];
  const customers = p.customers.trim().toLowerCase();
  if (customers !== "") {
    if ((DISTRIBUTIONS as string[]).includes(customers)) o.distribution = customers as CustomerDistribution;
    else problems.push(`Customers: '${p.customers}' is not a model; use poisson, fixed or negbin.`);
  }
  if (p.budget.trim() !== "") {
    const b = numberText(p.budget);
    if (Number.isFinite(b) && b > 0) o.budget = b;
    else problems.push(`Budget: '${p.budget}' is not a budget; give an amount above 0, or leave it blank for none.`);
  }
  if (p.maxProducts.trim() !== "") {
    const m = numberText(p.maxProducts);
    if (Number.isInteger(m) && m >= 1) o.maxProducts = m;
    else
      problems.push(
        `Max products: '${p.maxProducts}' is not a number of products; give a whole number, 1 or more, or leave it blank for no limit.`,
      );
  }
  const method = p.method.trim().toLowerCase();
  if (method !== "") {
    if ((METHODS as readonly string[]).includes(method)) o.optimize.method = method as Method;
    else problems.push(`Method: '${p.method}' is not a method; use one of ${METHODS.join(", ")}.`);
  }
  const seed = p.seed.trim();
  if (seed !== "") {
    const n = Number(seed);
    o.optimize.seed = /^-?\d+$/.test(seed) && Number.isSafeInteger(n) ? n : seed;
  }
  if (p.timeLimit.trim() !== "") {
    const t = numberText(p.timeLimit);
    if (Number.isFinite(t) && t > 0 && t <= MAX_TIME_LIMIT_S) o.optimize.timeLimitMs = Math.round(t * 1000);
    else
      problems.push(
        `Time limit: '${p.timeLimit}' is not a time limit; give seconds, above 0 and at most ${MAX_TIME_LIMIT_S}.`,
      );
  }
  return { overrides: o, problems };
}

/** For the run's stamp: the fields that were filled in. */
export function describeParameters(p: Parameters): string {
  const parts: string[] = [];
  const add = (label: string, v: string) => {
    if (v.trim() !== "") parts.push(`${label} ${v.trim()}`);
  };
  add("customers", p.customers);
  add("budget", p.budget);
  add("max products", p.maxProducts);
  add("method", p.method);
  add("seed", p.seed);
  add("time limit", p.timeLimit);
  return parts.join("; ");
}

/**
 * What a blank field stands for, shown in it: the Options range's value when it has one, else the default.
 * Select fields get the text of their blank choice.
 */
export function parameterHints(options: OptionsSheet | undefined): Parameters {
  const c = options?.constraints;
  const o = options?.optimize ?? {};
  const fromOptions = (v: string) => `${v} from Options`;
  const distribution = options?.customers?.distribution;
  return {
    customers: distribution !== undefined ? `From Options (${String(distribution)})` : "From Options (default poisson)",
    budget: typeof c?.budget === "number" ? fromOptions(c.budget.toLocaleString("en-US")) : "no budget",
    maxProducts: typeof c?.maxProducts === "number" ? fromOptions(String(c.maxProducts)) : "no limit",
    method: o.method !== undefined ? `From Options (${o.method})` : "From Options (default auto)",
    seed: o.seed !== undefined ? fromOptions(String(o.seed)) : "1",
    timeLimit: o.timeLimitMs !== undefined ? fromOptions(String(o.timeLimitMs / 1000)) : String(DEFAULT_TIME_LIMIT_S),
  };
}
