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
 * Customer-steps a second the work budget assumes: above the fastest the simulator was measured to run,
 * 61.5 million steps per CPU second (N = 1,000, seasons of 1e7 customers at the fluid plan; 23–61 million
 * over walks of 1 to 100 steps, `npm run bench:engine`, bench/results/engine.md, 2 December 2026). A run
 * refused for needing more than its time limit at this speed could not have finished in it; the check errs
 * towards running, and the deadline keeps the limit once the least work is done.
 */
export const STEPS_PER_SECOND = 7e7;
