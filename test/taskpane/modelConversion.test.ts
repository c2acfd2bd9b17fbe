// The pane's "Substitution from a model" without a browser: the worker job built from the Products and Model
// ranges (ids, the Model's first sheet row for messages, the pane's seed), and the figures shown after the
// conversion. The job is run as the worker runs it; an MNL model must come back as its exact chain, checked
// against the closed form ρ(i→j) = v_j / (v_0 + Σ_k v_k − v_i).

import type { SheetChain } from "../../src/sheet/chainSheet";
import { conversionStage, fidelityRows, modelJob } from "../../src/taskpane/modelConversion";
import { runJob } from "../../src/worker/jobs";

const PRODUCTS = [
  ["Product", "Price"],
  ["A", 10],
  ["B", 12],
  ["C", 9],
];
const WEIGHTS: Record<string, number> = { A: 3, B: 2, C: 1 };
const MNL = [["Product", "Weight"], ...Object.entries(WEIGHTS), ["No purchase", 4]];

async function convert(job: NonNullable<ReturnType<typeof modelJob>["job"]>): Promise<SheetChain> {
  return (await runJob(job, () => undefined, { aborted: false })) as SheetChain;
}

describe("modelJob", () => {
  test("an MNL Model range gives its exact chain, and the figures say so", async () => {
    const { job, problems } = modelJob(
      { address: "Products!A1:B4", values: PRODUCTS },
      { address: "Model!D5:E9", values: MNL },
      "7",
    );
    expect(problems).toEqual([]);
    expect(job).toMatchObject({ kind: "chain", productIds: ["A", "B", "C"], firstRow: 5, settings: { seed: 7 } });
    const chain = await convert(job!);
    expect(chain.problems).toEqual([]);
    expect(chain.route).toBe("exact");
    const total = 4 + 3 + 2 + 1;
    expect(chain.links).toHaveLength(6);
    for (const l of chain.links) expect(l.probability).toBeCloseTo(WEIGHTS[l.to] / (total - WEIGHTS[l.from]), 12);
    const rows = fidelityRows(chain);
    expect(rows.find((r) => r[0] === "Route")?.[1]).toMatch(/^exact/);
    expect(rows.find((r) => r[0] === "Links")?.[1]).toBe("6");
    const mean = rows.find((r) => r[0] === "Mean TV distance");
    expect(mean?.[1]).toMatch(/^0\.00%$/); // an exact chain reproduces the model
    expect(rows.find((r) => r[0] === "Verdict")?.[1]).toBe(chain.fidelity?.verdict);
  });

  test("a bad Model row is named by its sheet row", async () => {
    const model = [
      ["Type", "Weight", "Ranking"],
      ["t1", 1, "A > B"],
      ["t2", 1, "A > Z"],
    ];
    const { job } = modelJob(
      { address: "Products!A1:B4", values: PRODUCTS },
      { address: "Model!A3:C5", values: model },
      "",
    );
    expect(job?.settings.seed).toBeUndefined();
    const chain = await convert(job!);
    expect(chain.problems.map((p) => p.message).join(" ")).toMatch(/Model row 5.*Z/);
  });

  test("missing or bad Products and an empty Model are said before any work", () => {
    const model = { address: "Model!A1:B5", values: MNL };
    expect(modelJob({}, model, "").problems[0]).toMatch(/^Products: not found/);
    const dup = [["Product"], ["A"], ["A"]];
    expect(modelJob({ address: "P!A1:A3", values: dup }, model, "").problems[0]).toMatch(/row 3.*already used/);
    expect(
      modelJob({ values: PRODUCTS }, { address: "Model!A1:B1", values: [["Product", "Weight"]] }, "").problems[0],
    ).toMatch(/Model \(Model!A1:B1\): a header row and at least one row/);
  });

  test("a ranking model is fitted, and the figures give the route, TV distances and verdict in words", async () => {
    const model = [
      ["Type", "Weight", "Ranking"],
      ["t1", 2, "A > B"],
      ["t2", 1, "B > C"],
      ["t3", 1, "C"],
    ];
    const { job } = modelJob({ values: PRODUCTS }, { address: "Model!A1:C4", values: model }, "");
    const chain = await convert(job!);
    const rows = fidelityRows(chain);
    const labels = rows.map((r) => r[0]);
    expect(labels.slice(0, 6)).toEqual(["Model", "Route", "Links", "Mean TV distance", "Worst TV distance", "Verdict"]);
    const f = chain.fidelity!;
    expect(rows[3][1]).toBe(`${(100 * f.meanTv).toFixed(f.meanTv < 0.001 ? 2 : 1)}%`);
    expect(rows[3][2]).toBe(`on ${f.sets} ranges the chain was not fitted on`);
    expect(f.maxTv).toBeGreaterThanOrEqual(f.meanTv);
  });
});

describe("conversionStage", () => {
  test("the line under the bar follows the worker's EM iterations, with the seconds so far", async () => {
    const model = [
      ["Type", "Weight", "Ranking"],
      ["t1", 2, "A > B"],
      ["t2", 1, "B > C"],
      ["t3", 1, "C > A"],
    ];
    const { job } = modelJob({ values: PRODUCTS }, { address: "Model!A1:C4", values: model }, "");
    const lines: string[] = [];
    await runJob(job!, (p) => lines.push(conversionStage(p.stage, 3.4)), { aborted: false });
    expect(lines.some((l) => /^Fitting the chain \(EM iteration \d+\) \(3 s\)…$/.test(l))).toBe(true);
    expect(conversionStage(undefined, 0)).toBe("Converting the model to a chain (0 s)…");
  });
});
