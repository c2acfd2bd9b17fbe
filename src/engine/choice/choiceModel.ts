// Any choice model, as the planner's abstraction layer sees it: for each set of available products, the
// probability that an arriving customer buys each product or leaves. The Markov chain is fitted to these
// probabilities (substitution/chainFromModel.ts), and the planner never sees the model itself.

export interface Purchase {
  /** P_j(S): probability of buying j (0 for j not available). */
  purchase: Float64Array;
  /** P_0(S): probability of leaving without buying. */
  noPurchase: number;
}

export interface ChoiceModel {
  /** Number of products. */
  n: number;
  /** What the model is, in words ("nested logit, 4 nests"). */
  label: string;
  probabilities(available: ArrayLike<number | boolean>): Purchase;
  /**
   * One customer's purchase (a product index, or -1 to leave) from one uniform u, for models that can draw a
   * customer directly (rankings: a type, then her first available product). The simulator of the source
   * model uses it when present; otherwise it draws from probabilities(), recomputed when the stock changes.
   * `missed`, when given, gets a 1 for each product she would have bought before this one had it been there.
   */
  choose?(available: ArrayLike<number | boolean>, u: number, missed?: Uint8Array): number;
  /**
   * Ordered pairs [i, j] where a customer who finds i unavailable may go on to buy j (rankings: i comes
   * before j on some list). The fit keeps links outside them at 0, which is exact for such a model and makes
   * big models fit fast. Absent: every pair may substitute.
   */
  substitutes?(): Array<[number, number]>;
  /** Set when the model is itself a Markov chain (MNL): then the chain is exact. */
  exactChain?: { lambda: Float64Array; rho: Float64Array[] };
}
