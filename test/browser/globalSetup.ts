// Says once per Jest run, loudly, when the browser suite will be skipped (each file then only reports its tests
// as skipped), and only when the run includes test/browser.
import { join } from "path";
import { browserRequired, findChromium, missingMessage } from "./chromium";

const BROWSER_TEST = join(__dirname, "taskpane.test.ts");

export default async function globalSetup(globalConfig: { testPathPatterns?: { patterns?: string[] } }) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  const included = patterns.length === 0 || patterns.some((p) => /browser/.test(p) || new RegExp(p).test(BROWSER_TEST));
  if (!included || findChromium() || browserRequired()) return;
  process.stderr.write(`\n*** ${missingMessage()} ***\n\n`);
}
