// The browser suite without a browser, run as a user would (Jest in a child process): skipped with one loud
// line on a machine without Chromium, failed when CI requires it (ASSORT_REQUIRE_BROWSER=1).

import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

function runPaneSuite(extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASSORT_CHROMIUM: join(ROOT, "no-such-chromium"), ...extra };
  if (!("ASSORT_REQUIRE_BROWSER" in extra)) delete env.ASSORT_REQUIRE_BROWSER;
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "jest", "bin", "jest.js"), "test/browser/taskpane.test.ts", "--json", "--ci"],
    { cwd: ROOT, env, encoding: "utf8", timeout: 110000 },
  );
  const report = JSON.parse(run.stdout) as {
    success: boolean;
    numTotalTests: number;
    numPendingTests: number;
    numFailedTestSuites: number;
    testResults: { message: string }[];
  };
  return { status: run.status, stderr: run.stderr, report };
}

test("with ASSORT_CHROMIUM pointing nowhere the pane suite is reported skipped, with one line on how to run it", () => {
  const { status, stderr, report } = runPaneSuite({});
  expect(status).toBe(0);
  expect(report.success).toBe(true);
  expect(report.numTotalTests).toBeGreaterThan(5);
  expect(report.numPendingTests).toBe(report.numTotalTests);
  const lines = stderr.split("\n").filter((l) => l.includes("Browser tests (test/browser) skipped"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain("does not exist; to run them install Chromium");
  expect(lines[0]).toContain("ASSORT_CHROMIUM=");
});

test("with ASSORT_REQUIRE_BROWSER=1 (as .ci/run sets) a missing Chromium fails the run", () => {
  const { status, report } = runPaneSuite({ ASSORT_REQUIRE_BROWSER: "1" });
  expect(status).not.toBe(0);
  expect(report.success).toBe(false);
  expect(report.numFailedTestSuites).toBe(1);
  expect(report.testResults[0].message).toContain("Browser tests required (ASSORT_REQUIRE_BROWSER=1)");
});
