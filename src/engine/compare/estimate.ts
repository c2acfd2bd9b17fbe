// A simulated mean with its standard error and 95% interval, the form every reported figure takes.

import type { Estimate } from "./compareTypes";

const Z95 = 1.959963984540054;

export function estimate(mean: number, se: number): Estimate {
  return { mean, se, low: mean - Z95 * se, high: mean + Z95 * se };
}

/** Welford's running mean and variance: one figure per season, its mean and the mean's standard error. */
export class RunningMean {
  count = 0;
  mean = 0;
  private m2 = 0;
  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }
  /** Standard error of the mean (0 with fewer than two seasons, or when every season gave the same figure). */
  get se(): number {
    return this.count > 1 ? Math.sqrt(Math.max(0, this.m2) / (this.count - 1) / this.count) : 0;
  }
  estimate(): Estimate {
    return estimate(this.mean, this.se);
  }
}
