// The sweep's progress line on standard error: a bar, the points done and the time left. Drawn only on a
// terminal, after a moment, at most ten times a second; erased before results are printed.

import type { SweepProgress } from "../engine";
import type { Io } from "./io";
import { formatNumber } from "./table";

const WIDTH = 24;

export function sweepProgressLine(io: Io): { update(p: SweepProgress): void; done(): void } {
  const now = io.now ?? Date.now;
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (!io.isTTY || t - start < 400 || t - last < 100) return;
      last = t;
      const full = Math.round(Math.min(1, p.fraction) * WIDTH);
      const left = Number.isFinite(p.remainingMs) ? `, about ${formatNumber(p.remainingMs / 1000, 0)} s left` : "";
      io.stderr(
        `\rSweep [${"#".repeat(full)}${"-".repeat(WIDTH - full)}] ${p.pointsDone}/${p.points} points${left}: ${p.stage}\x1b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) io.stderr("\r\x1b[K");
      drawn = false;
    },
  };
}
