// The planning instance: the JSON shape users and surfaces hand in (docs/model.md §1), and the compiled,
// validated form the engine computes on (typed arrays, substitution in compressed sparse rows).

/** One product as written in an instance file or read from a sheet. */
export interface ProductInput {
  id: unknown;
  price: unknown;
  cost: unknown;
  demand: unknown;
  salvage?: unknown;
  minQty?: unknown;
  maxQty?: unknown;
  packSize?: unknown;
  mustOffer?: unknown;
  exclude?: unknown;
  size?: unknown;
  /** Free text shown beside the id (ignored by the engine). */
  name?: unknown;
  /** Units bought today, without Assort (0 or absent = not carried now): the current range. */
  currentUnits?: unknown;
  /** Keep the current units exactly. */
  lock?: unknown;
}

/** One substitution link: a customer who finds `from` unavailable moves to `to` with this probability. */
export interface SubstitutionLink {
  from: unknown;
  to: unknown;
  probability: unknown;
}

/** Substitution as a square matrix: row = from, column = to, both in the order of `ids`. */
export interface SubstitutionMatrix {
  ids: unknown[];
  matrix: unknown[][];
}

export type SubstitutionInput = SubstitutionLink[] | SubstitutionMatrix;

export type CustomerDistribution = "poisson" | "fixed" | "negbin";

export interface CustomersInput {
  distribution?: unknown;
  /** Coefficient of variation of the season's total traffic (negbin only). */
  cv?: unknown;
}

export interface ConstraintsInput {
  maxProducts?: unknown;
  budget?: unknown;
  capacity?: unknown;
  /** At most this many products added or dropped relative to the current range. */
  maxChanges?: unknown;
}

export interface InstanceInput {
  products: ProductInput[];
  substitution?: SubstitutionInput;
  customers?: CustomersInput;
  constraints?: ConstraintsInput;
}

/** Substitution in compressed sparse rows: the links out of product i are col/prob[rowStart[i] .. rowStart[i+1]). */
export interface SparseSubstitution {
  rowStart: Int32Array;
  col: Int32Array;
  prob: Float64Array;
  /** Σ_j ρ[i][j]; the customer leaves with 1 − rowSum[i]. */
  rowSum: Float64Array;
  /** The same links by column (who flows into j): sources/probs in [colStart[j], colStart[j+1]). */
  colStart: Int32Array;
  colSource: Int32Array;
  colProb: Float64Array;
}

export interface Customers {
  distribution: CustomerDistribution;
  /** Coefficient of variation of the total number of customers (negbin only; 0 otherwise). */
  cv: number;
}

export interface Constraints {
  maxProducts: number | null;
  budget: number | null;
  capacity: number | null;
  /** At most this many products added or dropped relative to the current range (absent or null = no limit). */
  maxChanges?: number | null;
}

/** The products of a validated instance, each array indexed by product position 0..n-1 (the input order). */
export interface ProductFields {
  n: number;
  ids: string[];
  names: string[];
  index: Map<string, number>;
  price: Float64Array;
  cost: Float64Array;
  salvage: Float64Array;
  demand: Float64Array;
  /** Minimum units when carried (0 = none). */
  minQty: Int32Array;
  /** Maximum units (Infinity = none). */
  maxQty: Float64Array;
  packSize: Int32Array;
  mustOffer: Uint8Array;
  exclude: Uint8Array;
  /** Space per unit (1 when no product gives a size). */
  size: Float64Array;
}

/** A validated instance: its products, substitution, customers and rules. */
export interface Model extends ProductFields {
  substitution: SparseSubstitution;
  /** Units bought today per product (the current range), or null when the input gives none. */
  currentUnits: Int32Array | null;
  /** 1 where the plan must keep the current units exactly. */
  lock: Uint8Array;
  customers: Customers;
  constraints: Constraints;
  /** Σ D_i: expected customers in the season. */
  totalDemand: number;
  /** Non-fatal remarks (e.g. a product whose price does not cover its cost). */
  warnings: Problem[];
}

export type Section = "instance" | "products" | "substitution" | "customers" | "constraints" | "plan";

/** One thing wrong with an input, precise enough for any surface to point at the culprit. */
export interface Problem {
  section: Section;
  /** Human sentence: names the product, field and value, and says what is allowed. */
  message: string;
  /** products: position in the products list; substitution: position in the list or matrix row. */
  index?: number;
  /** substitution matrix column position. */
  column?: number;
  productId?: string;
  field?: string;
  value?: unknown;
  /** Products involved (closed loops, conflicts). */
  products?: string[];
}

/** Thrown when an input cannot be used; carries every problem found, not just the first. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const head = problems.length === 1 ? "1 problem in the input" : `${problems.length} problems in the input`;
    super(`${head}:\n` + problems.map((p) => `  - ${p.message}`).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}
