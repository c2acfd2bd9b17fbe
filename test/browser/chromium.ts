// Which Chromium the browser suite drives (playwright-core never downloads one), and what happens without one.
// ASSORT_CHROMIUM names the executable and, when set, is the only place looked at (so pointing it nowhere hides
// the browser); otherwise the usual install locations are tried. With none found the suite is skipped, unless
// ASSORT_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure so CI always runs it.

import { existsSync } from "fs";
import { delimiter, join } from "path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const FIXED = [
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files\\Chromium\\Application\\chrome.exe",
];

export const HOW_TO_RUN =
  "install Chromium (Debian: apt-get install chromium) or set ASSORT_CHROMIUM=/path/to/chromium or chrome";

/** The Chromium executable to use, or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.ASSORT_CHROMIUM;
  if (named) return existsSync(named) ? named : null;
  const dirs = ["/usr/bin", "/snap/bin", ...(env.PATH ?? "").split(delimiter).filter(Boolean)];
  for (const dir of dirs)
    for (const name of NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
  return FIXED.find((f) => existsSync(f)) ?? null;
}

/** True when a missing browser must fail the run (CI), not skip it. */
export const browserRequired = (env: NodeJS.ProcessEnv = process.env) => env.ASSORT_REQUIRE_BROWSER === "1";

/** Why the suite cannot run, in one line. */
export function missingMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.ASSORT_CHROMIUM ? `ASSORT_CHROMIUM=${env.ASSORT_CHROMIUM} does not exist` : "no Chromium found";
  return `Browser tests (test/browser) skipped: ${where}; to run them ${HOW_TO_RUN}.`;
}

/**
 * For a browser test file: the executable and the `test` to declare its tests with (`test.skip` when there is
 * no browser, so Jest reports them skipped and runs none of their hooks). Throws when the browser is required.
 */
export function browserSuite(): { chromium: string; test: jest.It } {
  const chromium = findChromium();
  if (chromium) return { chromium, test: global.test };
  if (browserRequired())
    throw new Error(`Browser tests required (ASSORT_REQUIRE_BROWSER=1) but ${missingMessage().split(": ")[1]}`);
  return { chromium: "", test: global.test.skip };
}
