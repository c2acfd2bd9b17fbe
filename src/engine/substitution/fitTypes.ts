// The shapes of a Markov chain fit (fitMarkovChain.ts): the records it reads, its options and its result.

/** One customer (or `count` identical customers): what was offered and what she bought. */
export interface Transaction {
  /** Product indices available to her (no duplicates). */
  offered: ArrayLike<number>;
  /** Product index bought, or -1 when she left without buying. */
  purchased: number;
  /** Number of identical customers (default 1; any positive number, e.g. expected counts). */
  count?: number;
}

/** Sales of one period in which the set of available products did not change. */
export interface PeriodSales {
  /** 1 (true) where the product was available, per product index. */
  available: ArrayLike<number | boolean>;
  /** Units sold per product index (0 where unavailable). */
  sales: ArrayLike<number>;
  /** Customers who came, when counted (door counter, sessions); the rest of them left without buying. */
  customers?: number;
  /** Length or traffic weight of the period (default 1); customers arrive in proportion to it. */
  exposure?: number;
}

/** An earlier estimate to start the EM from (FitOptions.start). */
export interface FitStartPoint {
  /** First-choice shares λ_i per product. */
  lambda: ArrayLike<number>;
  /** λ_0 (ignored when the data cannot estimate it). */
  noPurchaseShare: number;
  /** ρ as links; links outside the fit's support are ignored, allowed links missing here start small. */
  links: readonly FitLink[];
}

export interface FitOptions {
  /** Stop after this many EM iterations, counted as E-steps (default 5,000). */
  maxIterations?: number;
  /** Converged when the log-likelihood per customer improves by less than this in one iteration (default 1e-9). */
  tolerance?: number;
  /** Allowed substitution links [from, to]; default every ordered pair. Links outside stay 0. */
  support?: ReadonlyArray<readonly [number, number]>;
  /** A product whose row rests on fewer expected customers than this is reported as weakly identified (default 20). */
  minVisits?: number;
  /** Wall-clock limit in milliseconds: the best estimate so far is returned, marked unconverged (default none). */
  timeLimitMs?: number;
  /** Called after each E-step with the number done so far (progress for long fits). */
  onIteration?: (evaluations: number) => void;
  /** Checked after each E-step: true stops the fit at the best point so far, marked time-limited (cancel). */
  shouldStop?: () => boolean;
  /**
   * Start from this earlier estimate (e.g. the fit before a few offered sets were added) rather than the
   * uniform point: a refit then needs far fewer iterations to the same maximum (see fitStart.ts).
   */
  start?: FitStartPoint;
  /** SQUAREM acceleration (default true); false runs plain EM, one E-step per iteration. */
  accelerate?: boolean;
}

export interface FitLink {
  from: number;
  to: number;
  probability: number;
}

export interface FitDiagnostics {
  /** The minimum behind weaklyIdentifiedRows (FitOptions.minVisits). */
  minVisits: number;
  /** Products in no offered set: their λ can only be inferred through substitutes. */
  neverOffered: number[];
  /** Products offered but never bought. */
  neverPurchased: number[];
  /** Products never unavailable to a customer who could have wanted them: their ρ row is unknown (returned empty). */
  unidentifiedRows: number[];
  /** Rows estimated from fewer than `minVisits` expected customers. */
  weaklyIdentifiedRows: number[];
  /** Expected customers who found each product unavailable and moved on or left (the data behind row i). */
  visitsWhileUnavailable: Float64Array;
  /**
   * Counted customers (records with a no-purchase, or periods with a customer count) offered sets without
   * product i, and how many of them bought nothing; the same with i on offer. Straight from the data: the
   * no-exit remark compares the two shares, so it does not hang on how far EM has crept towards rows of 1.
   */
  customersWithout: Float64Array;
  leftWithout: Float64Array;
  customersWith: Float64Array;
  leftWith: Float64Array;
}

export interface FitResult {
  n: number;
  /** First-choice probabilities λ_i of an arriving customer; Σλ + noPurchaseShare = 1. */
  lambda: Float64Array;
  /** λ_0: customers who want none of the products. */
  noPurchaseShare: number;
  /** Whether λ_0 could be estimated (false for sales-only periods: then it is 0 by definition). */
  noPurchaseEstimated: boolean;
  /** ρ as links with probability > 0, ordered by (from, to). */
  links: FitLink[];
  /** Dense ρ, row = from. */
  rho: Float64Array[];
  /** Log-likelihood at each accepted point, the start first and the returned estimate last (non-decreasing). */
  logLikelihoodTrace: number[];
  logLikelihood: number;
  /** EM iterations (E-steps after the first, including those at rejected jumps). */
  iterations: number;
  converged: boolean;
  /** True when the time limit ended the iterations (then converged is false). */
  timeLimited: boolean;
  /** Customers in the data (for sales-only periods: units sold plus the estimated customers who left). */
  customers: number;
  /** Estimated customers per unit of exposure who want some product (sales-only periods only; else NaN). */
  arrivalRate: number;
  diagnostics: FitDiagnostics;
}

/** A record the estimator cannot use (an index out of range, a purchase of a product not offered, ...). */
export class HistoryError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
    this.name = "HistoryError";
  }
}
