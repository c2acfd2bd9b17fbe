// Goodness of fit for the samplers' tests: Pearson's chi-square with cells merged until each expects at
// least 5, and a critical value with a tail of about 1e-4 so a correct sampler almost never fails.

/** Chi-square statistic after merging neighbouring cells until each expects at least 5; and its df. */
export function chiSquare(observed: number[], expected: number[]): { stat: number; df: number } {
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < expected.length; k++) {
    o += observed[k];
    e += expected[k];
    if (e >= 5) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  obs[obs.length - 1] += o;
  exp[exp.length - 1] += e;
  let stat = 0;
  for (let k = 0; k < exp.length; k++) stat += (obs[k] - exp[k]) ** 2 / exp[k];
  return { stat, df: exp.length - 1 };
}

/** Chi-square(df) upper point with tail probability about 1e-4 (Wilson–Hilferty). */
export function chiSquareCritical(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 3.719 * Math.sqrt(a)) ** 3;
}
