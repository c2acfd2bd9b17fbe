// The progress bar goes to stderr, only when stderr is a terminal, and is erased before the results; stdout
// stays clean either way (so `--json > out.json` is always valid JSON).

import { runCli, SMALL, SMALL_PLAN } from "./memoryIo";

/** A clock that moves a second every time it is read: every progress update is due for a redraw. */
function fastClock(): () => number {
  let t = 0;
  return () => (t += 1000);
}

const ARGS = ["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "1000", "--seed", "2"];

test("on a terminal: a bar with a percentage on stderr, erased at the end, nothing of it on stdout", async () => {
  const r = await runCli(ARGS, { isTTY: true, now: fastClock() });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/\rSimulating 1,000 seasons \[[#-]{30}\] \d+%/);
  expect(r.stderr).toMatch(/100%/);
  expect(r.stderr.endsWith("\r\x1b[K")).toBe(true);
  expect(r.stdout).not.toContain("\r");
  expect(r.stdout).not.toContain("\x1b");
  expect(r.stdout).toMatch(/^Expected profit/);
});

test("with --json on a terminal, stdout is still exactly the JSON", async () => {
  const r = await runCli([...ARGS, "--json"], { isTTY: true, now: fastClock() });
  expect(r.stderr).toMatch(/Simulating/);
  expect(() => JSON.parse(r.stdout)).not.toThrow();
  const plain = await runCli([...ARGS, "--json"]);
  expect(r.stdout).toBe(plain.stdout);
});

test("not a terminal (pipe, log, CI): no bar at all", async () => {
  const r = await runCli(ARGS, { isTTY: false, now: fastClock() });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
});

test("a short run on a terminal draws nothing (it would only flicker)", async () => {
  // A real clock: 50 seasons of the small example take a few milliseconds, under the 400 ms threshold.
  const r = await runCli(["evaluate", SMALL, "--plan", SMALL_PLAN, "--reps", "50"], { isTTY: true });
  expect(r.stderr).toBe("");
});
