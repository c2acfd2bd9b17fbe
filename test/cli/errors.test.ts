// Bad input never produces a stack trace: each case exits non-zero (2 for the command line, 1 for files),
// prints nothing on stdout, and names the culprit (file, product, field, option or value) on stderr.

import { problemCount, problemLines } from "../../src/cli/errors";
import { runCli, SMALL, SMALL_PLAN, STACK_FRAME, type RunResult } from "./memoryIo";

function expectFailure(r: RunResult, code: number, ...culprits: (string | RegExp)[]): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toMatch(/unexpected error|TypeError|ReferenceError/);
  for (const c of culprits) expect(r.stderr).toMatch(c);
}

describe("input files (exit 1)", () => {
  test("missing instance file", async () => {
    expectFailure(await runCli(["bound", "nowhere/instance.json"]), 1, "'nowhere/instance.json'", /no such file/);
  });

  test("missing plan file", async () => {
    expectFailure(
      await runCli(["evaluate", SMALL, "--plan", "no-plan.json"]),
      1,
      /plan file 'no-plan.json'/,
      /no such file/,
    );
  });

  test("invalid JSON: the file, line and column", async () => {
    const text = '{\n  "products": [\n    {"id": "A", "price": 10 "cost": 4}\n  ]\n}\n';
    expectFailure(
      await runCli(["bound", "broken.json"], { files: { "broken.json": text } }),
      1,
      "'broken.json'",
      /not valid JSON/,
      /line 3, column 29/,
    );
  });

  test("invalid instance: every problem, each naming the product and field", async () => {
    const bad = JSON.stringify({
      products: [
        { id: "A", price: -1, cost: 2, demand: 3 },
        { id: "B", price: 10, cost: 2, demand: "lots" },
        { id: "B", price: 10, cost: 2, demand: 1 },
      ],
    });
    const r = await runCli(["bound", "bad.json"], { files: { "bad.json": bad } });
    expectFailure(r, 1, "'bad.json'", /3 problems/, /A.*price.*-1/, /B.*demand.*lots/, /duplicate|already|twice/i);
  });

  test("a closed substitution loop names its products", async () => {
    const loop = JSON.stringify({
      products: [
        { id: "X", price: 10, cost: 2, demand: 3 },
        { id: "Y", price: 10, cost: 2, demand: 3 },
      ],
      substitution: [
        { from: "X", to: "Y", probability: 1 },
        { from: "Y", to: "X", probability: 1 },
      ],
    });
    expectFailure(
      await runCli(["bound", "loop.json"], { files: { "loop.json": loop } }),
      1,
      /X/,
      /Y/,
      /loop|way out|exit/i,
    );
  });

  test("unknown product in the plan", async () => {
    const plan = '{"plan": [{"id": "TEE-BLK-M", "quantity": 3}, {"id": "TEE-PNK-XL", "quantity": 2}]}';
    expectFailure(
      await runCli(["evaluate", SMALL, "--plan", "p.json"], { files: { "p.json": plan } }),
      1,
      "'p.json'",
      /'TEE-PNK-XL' is not in the instance/,
    );
  });

  test("a bad quantity in the plan", async () => {
    const plan = '{"plan": [{"id": "TEE-BLK-M", "quantity": 2.5}]}';
    expectFailure(
      await runCli(["evaluate", SMALL, "--plan", "p.json"], { files: { "p.json": plan } }),
      1,
      /TEE-BLK-M/,
      /2\.5/,
      /whole number/,
    );
  });

  test("a plan that is not a plan", async () => {
    expectFailure(
      await runCli(["evaluate", SMALL, "--plan", "p.json"], { files: { "p.json": "[1, 2]" } }),
      1,
      "'p.json'",
      /"plan"/,
    );
  });
});

describe("command line (exit 2, with a usage hint)", () => {
  const evaluate = ["evaluate", SMALL, "--plan", SMALL_PLAN];

  test.each([
    [["--reps", "0"], /--reps '0'/],
    [["--reps", "abc"], /--reps 'abc'/],
    [["--reps", "1.5"], /--reps '1.5'/],
    [["--reps", "99999999999"], /--reps '99999999999'/],
    [["--seed", "-1"], /--seed '-1'/],
    [["--seed", "x"], /--seed 'x'/],
    [["--top", "0"], /--top '0'/],
    [["--reps"], /--reps needs a value/],
    [["--sed", "3"], /unknown option '--sed'; did you mean --seed\?/],
    [["--json=yes"], /--json takes no value/],
  ])("evaluate %p", async (extra, culprit) => {
    const r = await runCli([...evaluate, ...(extra as string[])]);
    expectFailure(r, 2, culprit as RegExp, /Usage: assort evaluate/);
  });

  test("missing --plan", async () => {
    expectFailure(await runCli(["evaluate", SMALL]), 2, /missing --plan/);
  });

  test("missing or extra instance argument", async () => {
    expectFailure(await runCli(["bound"]), 2, /missing <instance.json>/);
    expectFailure(await runCli(["bound", SMALL, "other.json"]), 2, /unexpected argument 'other.json'/);
  });

  test("unknown command, with a suggestion", async () => {
    expectFailure(
      await runCli(["bond", SMALL]),
      2,
      /unknown command 'bond'; did you mean 'bound'\? Commands: optimize, evaluate, bound/,
    );
    expectFailure(await runCli(["frobnicate"]), 2, /unknown command 'frobnicate'\. Commands:/);
  });

  test("no command: the help, on stderr", async () => {
    const r = await runCli([]);
    expectFailure(r, 2, /Usage: assort <command>/, /bound/, /evaluate/);
  });
});

describe("help and version (exit 0, on stdout)", () => {
  test("--help lists the commands; <command> --help its options", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/bound\s+the fluid upper bound/);
    expect(top.stdout).toMatch(/evaluate\s+simulate a plan/);
    const ev = await runCli(["evaluate", "--help"]);
    expect(ev.code).toBe(0);
    for (const o of ["--plan", "--reps", "--seed", "--json", "--top"]) expect(ev.stdout).toContain(o);
    expect((await runCli(["help", "bound"])).stdout).toMatch(/Usage: assort bound <instance.json>/);
  });

  test("--version prints package.json's version", async () => {
    const { version } = (await import("../../package.json")) as { version: string };
    const r = await runCli(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

test("problems are listed one a line, the first few, then how many more", () => {
  expect(problemCount(1)).toBe("a problem");
  expect(problemCount(3)).toBe("3 problems");
  expect(problemLines(["a", "b"], 2)).toBe("  - a\n  - b");
  expect(problemLines(["a", "b", "c"], 2)).toBe("  - a\n  - b\n  ... and 1 more");
  // Only the first problems may have been kept: the total says how many there were.
  expect(problemLines(["a"], 2, 40)).toBe("  - a\n  ... and 39 more");
});
