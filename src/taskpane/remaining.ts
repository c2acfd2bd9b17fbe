// "About 12 s left" from the share of the run done so far and the time it took: the optimiser reports its
// progress as a fraction of the whole run (search, then final evaluation).

/** Below this share done, an estimate is mostly noise. */
const MIN_FRACTION = 0.03;

export function remainingText(fraction: number, elapsedMs: number): string {
  if (!(fraction >= MIN_FRACTION) || elapsedMs <= 0) return "estimating time left…";
  if (fraction >= 1) return "finishing…";
  const s = Math.max(1, Math.round((elapsedMs * (1 - fraction)) / fraction / 1000));
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}
