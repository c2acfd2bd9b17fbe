// A progress bar on standard error for long simulations. Drawn only when stderr is a terminal (never in
// logs or pipes, never on stdout, so `--json > out.json` stays clean), only once a run has lasted long
// enough to be worth watching, and at most a few times a second.

import type { Io } from "./io";

/** Runs shorter than this finish before a bar would help; drawing one would just flicker. */
const SHOW_AFTER_MS = 400;
const REDRAW_EVERY_MS = 100;
const WIDTH = 30;

export interface Progress {
  /** The share done, 0..1. */
  update(fraction: number): void;
  /** Erases the bar (call before printing results). */
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function progressBar(io: Io, label: string): Progress {
  if (!io.isTTY) return silent;
  const now = io.now ?? Date.now;
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(fraction) {
      const t = now();
      if (t - start < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = t;
      const f = Math.min(1, Math.max(0, fraction));
      const full = Math.round(f * WIDTH);
      // \r returns to the start of the line and \x1b[K clears what an older, longer line left behind.
      io.stderr(`\r${label} [${"#".repeat(full)}${"-".repeat(WIDTH - full)}] ${Math.floor(100 * f)}%\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr("\r\x1b[K");
      drawn = false;
    },
  };
}

/** A bar per stage for runs that report (stage, fraction): a new label redraws the bar. */
export function stagedProgress(io: Io): { update(p: { stage: string; fraction: number }): void; done(): void } {
  let bar: Progress | undefined;
  let stage = "";
  return {
    update(p) {
      if (p.stage !== stage) {
        bar?.done();
        stage = p.stage;
        bar = progressBar(io, p.stage);
      }
      bar?.update(p.fraction);
    },
    done() {
      bar?.done();
    },
  };
}
