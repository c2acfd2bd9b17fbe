// Validation of the customers section (docs/model.md §1): the traffic distribution and, for negbin, its cv.

import { Collector, isRecord, numberField, unknownFields } from "./validateFields";
import type { Customers } from "./instance";
import { show } from "../text/format";

const CUSTOMER_FIELDS = ["distribution", "cv"];
const DEFAULT: Customers = { distribution: "poisson", cv: 0 };

/** The negbin's cv must exceed the Poisson's own variability 1/√ΣD (variance ≥ mean). */
function negbinCv(out: Collector, raw: Record<string, unknown>, totalDemand: number): Customers {
  const cv = numberField(
    out,
    "customers",
    "Customers",
    "cv",
    raw.cv,
    { greaterThan: 0, allowed: "negbin needs a coefficient of variation above 0 (e.g. 0.3)" },
    {},
  );
  if (cv === null) return { distribution: "negbin", cv: 0 };
  const minCv = totalDemand > 0 ? 1 / Math.sqrt(totalDemand) : 0;
  if (cv <= minCv) {
    out.add({
      section: "customers",
      field: "cv",
      value: cv,
      message: `Customers, cv: ${cv} is not above the Poisson's own variability ${minCv.toPrecision(3)} for ${totalDemand} expected customers; use a larger cv or distribution poisson.`,
    });
  }
  return { distribution: "negbin", cv };
}

export function readCustomers(out: Collector, raw: unknown, totalDemand: number): Customers {
  if (raw === undefined || raw === null) return { ...DEFAULT };
  if (!isRecord(raw)) {
    out.add({
      section: "customers",
      value: raw,
      message: `Customers: ${show(raw)} is not an object like {"distribution": "poisson"}.`,
    });
    return { ...DEFAULT };
  }
  unknownFields(out, "customers", "Customers", raw, CUSTOMER_FIELDS, {});
  const d = raw.distribution ?? "poisson";
  const name = typeof d === "string" ? d.trim().toLowerCase() : d;
  if (name !== "poisson" && name !== "fixed" && name !== "negbin") {
    out.add({
      section: "customers",
      field: "distribution",
      value: d,
      message: `Customers, distribution: ${show(d)} is not a known model; use poisson, fixed or negbin.`,
    });
    return { ...DEFAULT };
  }
  if (name === "negbin") return negbinCv(out, raw, totalDemand);
  if (raw.cv !== undefined && raw.cv !== null) {
    out.add({
      section: "customers",
      field: "cv",
      value: raw.cv,
      message: `Customers, cv: a coefficient of variation applies only to negbin, not to ${name}; remove it or set distribution to negbin.`,
    });
  }
  return { distribution: name, cv: 0 };
}
