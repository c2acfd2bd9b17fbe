// Non-fatal remarks (a price below cost, a plan over budget) go to stderr in human mode, so they are seen
// but never mixed into results; JSON mode returns them in a "warnings" list instead.

import type { Problem } from "../engine";
import type { Io } from "./io";

/** Beyond this many, one line says how many more there are (all of them are in --json output). */
const SHOWN = 10;

export function printWarnings(io: Io, warnings: readonly Problem[]): void {
  for (const w of warnings.slice(0, SHOWN)) io.stderr(`warning: ${w.message}\n`);
  if (warnings.length > SHOWN) io.stderr(`warning: ... and ${warnings.length - SHOWN} more (--json lists them all)\n`);
}
