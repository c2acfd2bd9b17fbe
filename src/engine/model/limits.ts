// The limits that keep every run bounded (docs/limits.md explains each to users). One place, so messages,
// checks and documentation agree.

/** A substitution row summing to at least this means customers almost never leave: a warning names it. */
export const NEAR_CLOSED_ROW = 0.999;

/**
 * The longest expected walk (products visited by a customer who finds every product out of stock) that an
 * instance may have; beyond it the walk cannot end in practice and validation refuses the substitution.
 */
export const MAX_EXPECTED_WALK = 1e5;

/**
 * The simulator's hard cap on one customer's moves: she leaves after this many (the capped walks are
 * counted and reported). With expected walks at most MAX_EXPECTED_WALK, a walk passes 2·t·k steps with
 * probability at most 2^−k (Markov's inequality, restarted every 2·t steps), so at 100 times the longest
 * allowed expected walk the cap is reached with probability below 2^−50 per customer.
 */
export const WALK_CAP = 100 * MAX_EXPECTED_WALK;

/**
 * Expected customers in one season (Σ demand). Per-season counters are 32-bit (at most 2^31 − 1): with
 * Poisson or negative binomial traffic of mean ≤ 1e9, a season's count stays below that for any sensible
 * cv, and a season takes seconds, not hours.
 */
export const MAX_SEASON_CUSTOMERS = 1e9;

/** Units of one product in a plan: stock is counted in 32-bit integers. */
export const MAX_UNITS = 2147483647;

/**
 * CPU time the work budget assumes for one customer: her first choice, her first visit, the sale. Below the
 * fastest measured, 16.4 ns (N = 1,000, seasons of 1e7 customers at the fluid plan, 1.01 visits each,
 * `npm run bench:engine`, bench/results/engine.md), with a margin for a faster machine.
 */
export const SECONDS_PER_CUSTOMER = 15e-9;
/**
 * CPU time it assumes for each further visit, after a product without stock: below the fastest measured,
 * 23.8 ns (rows of 0.99, nothing stocked, 100 visits a customer; 24–32 ns elsewhere), with a margin. A visit costs more than a
 * customer's share of one, so one rate per visit (the budget's earlier 7e7 a second, 14 ns) took long walks for
 * 1.6–1.7 times faster than they run (bench/results/engine.md, "Two rates").
 */
export const SECONDS_PER_EXTRA_VISIT = 22e-9;
