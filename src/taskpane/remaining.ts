// The time left shown beside the progress bar. The optimiser reports its progress by stage (search up to
// 0.85, then the final evaluation), not by time, so during the search the honest figure is what is left of
// its time limit (a search may also finish early); during the final evaluation its share done is a fair clock.

/** Where the optimiser's final evaluation starts on its progress scale. */
export const EVALUATION_FROM = 0.85;
/** Below this share of the evaluation done, an estimate is mostly noise. */
const MIN_SHARE = 0.05;

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * @param fraction progress of the whole run, 0..1
 * @param elapsedMs time since the run started
 * @param limitMs the search's time limit
 * @param evaluationStartMs when the final evaluation started (undefined while searching)
 */
export function remainingText(
  fraction: number,
  elapsedMs: number,
  limitMs: number,
  evaluationStartMs?: number,
): string {
  if (fraction >= 1) return "finishing…";
  if (fraction < EVALUATION_FROM || evaluationStartMs === undefined) {
    return `search: at most ${seconds(Math.max(0, limitMs - elapsedMs))} left`;
  }
  const share = (fraction - EVALUATION_FROM) / (1 - EVALUATION_FROM);
  const spent = elapsedMs - evaluationStartMs;
  if (share < MIN_SHARE || spent <= 0) return "final evaluation: estimating time left…";
  return `about ${seconds((spent * (1 - share)) / share)} left`;
}
