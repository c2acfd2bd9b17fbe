// Turns an instance (docs/model.md §1) into a Model, or throws an InputError listing every problem found:
// each message names the product, the field and the value, and says what would be allowed. Each section is
// read by its own module (validateProducts, validateSubstitution, validateCustomers, validateConstraints).

import { checkSizes, readProducts } from "./validateProducts";
import { Collector, isRecord, unknownFields } from "./validateFields";
import { InputError, type InstanceInput, type Model } from "./instance";
import { readConstraints } from "./validateConstraints";
import { readCustomers } from "./validateCustomers";
import { readSubstitution } from "./validateSubstitution";
import { checkWalks } from "./validateWalks";
import { validateCurrent } from "./validateCurrent";
import { show } from "../text/format";

const TOP_FIELDS = ["products", "substitution", "customers", "constraints"];

/** The instance must be an object with a non-empty products list; anything else stops validation here. */
function checkShape(out: Collector, input: unknown): InstanceInput {
  if (!isRecord(input)) {
    throw new InputError([
      {
        section: "instance",
        value: input,
        message: `The instance ${show(input)} is not an object with "products" (and optionally "substitution", "customers", "constraints").`,
      },
    ]);
  }
  unknownFields(out, "instance", "Instance", input, TOP_FIELDS, {});
  const inst = input as unknown as InstanceInput;
  if (!Array.isArray(inst.products) || inst.products.length === 0) {
    out.add({
      section: "products",
      value: inst.products,
      message: `Products: ${Array.isArray(inst.products) ? "the list is empty" : inst.products === undefined ? "missing" : `${show(inst.products)} is not a list`}; give at least one product with id, price, cost and demand.`,
    });
    throw new InputError(out.problems);
  }
  return inst;
}

/** Validates an instance and compiles it; throws InputError with every problem if it cannot be used. */
export function validateInstance(input: unknown): Model {
  const out = new Collector();
  const inst = checkShape(out, input);
  const products = readProducts(out, inst.products);
  const substitution = readSubstitution(out, inst.substitution, products.index, products.ids);
  if (out.problems.every((p) => p.section !== "substitution")) checkWalks(out, substitution, products.ids);
  const customers = readCustomers(out, inst.customers, products.totalDemand);
  const constraints = readConstraints(out, inst.constraints);
  checkSizes(out, products, constraints.capacity);
  const { n, ids, minQty, maxQty, packSize, mustOffer, exclude } = products;
  const current = validateCurrent(inst, { n, ids, minQty, maxQty, packSize, mustOffer, exclude }, out.problems);
  if (out.problems.length > 0) throw new InputError(out.problems);
  const { sizeGiven: _given, ...arrays } = products;
  return {
    ...arrays,
    substitution,
    currentUnits: current.currentUnits,
    lock: current.lock,
    customers,
    constraints: current.maxChanges === null ? constraints : { ...constraints, maxChanges: current.maxChanges },
    warnings: out.warnings,
  };
}
