// The worker's chain job reports its progress (stage and fraction) and stops on a cancel, so the pane and
// =ASSORT.CHAIN can show a bar and a Cancel button.

import { OptimizeAborted } from "../../src/engine";
import { runJob, type ChainJob } from "../../src/worker/jobs";

const JOB: ChainJob = {
  kind: "chain",
  productIds: ["A", "B", "C", "D"],
  model: [
    ["Weight", "Ranking"],
    [4, "A > B > C"],
    [2, "B > C > A"],
    [1, "D > A"],
    [2, "C"],
  ],
  firstRow: 1,
  settings: { customers: 100 },
};

test("progress runs from the fit's EM iterations to the fidelity check, fractions rising within 0..1", async () => {
  const seen: { stage: string; fraction: number }[] = [];
  const out = await runJob(JOB, (p) => seen.push(p), { aborted: false });
  expect((out as { route: string }).route).toBe("fitted");
  expect(seen[0].stage).toBe("Converting the model");
  expect(seen.some((p) => /^Fitting the chain \(EM iteration \d+\)$/.test(p.stage))).toBe(true);
  expect(seen[seen.length - 1].stage).toBe("Checking fidelity");
  for (let k = 1; k < seen.length; k++) expect(seen[k].fraction).toBeGreaterThanOrEqual(seen[k - 1].fraction);
  for (const p of seen) expect(p.fraction >= 0 && p.fraction <= 1).toBe(true);
});

test("a cancel during the fit stops it after that iteration and rejects with OptimizeAborted", async () => {
  const signal = { aborted: false };
  let iterations = 0;
  const stages: string[] = [];
  const job = runJob(
    JOB,
    (p) => {
      stages.push(p.stage);
      if (p.stage.startsWith("Fitting")) {
        iterations++;
        signal.aborted = true;
      }
    },
    signal,
  );
  await expect(job).rejects.toBeInstanceOf(OptimizeAborted);
  // Stopped at the first check after the cancel: at most the E-steps of one accelerated step.
  expect(iterations).toBeLessThanOrEqual(3);
  // Nor is the discarded chain's fidelity checked.
  expect(stages).not.toContain("Checking fidelity");
});
