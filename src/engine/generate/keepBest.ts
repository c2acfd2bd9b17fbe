// The k best of a stream of scored candidates, kept in rank order as they come: what sorting them all and
// taking the first k gives, in O(k) per candidate. The generator scores every product of a category as a
// substitute; with one category of 10,000 the full sorts took 22 s.

export interface Scored {
  j: number;
  score: number;
}

/** True when (score, j) ranks before x: a higher score, or the same score and a lower index. */
function ranksBefore(score: number, j: number, x: Scored): boolean {
  return score > x.score || (score === x.score && j < x.j);
}

/** Inserts (j, score) into `best` (at most k, by score descending then j ascending) if it belongs there. */
export function keepBest(best: Scored[], k: number, j: number, score: number): void {
  if (k <= 0) return;
  if (best.length === k && !ranksBefore(score, j, best[k - 1])) return;
  if (best.length === k) best.pop();
  let t = best.length;
  best.push({ j, score });
  while (t > 0 && ranksBefore(score, j, best[t - 1])) {
    best[t] = best[t - 1];
    t--;
  }
  best[t] = { j, score };
}
