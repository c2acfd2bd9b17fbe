// Generated bad inputs: the examples mutated the ways careless users and hostile files do (cells blanked, text
// in number cells, negative, NaN and infinite values, lists where one value belongs, duplicated ids, wrong
// headers, stray far cells, truncated files, wrong extensions and encodings). Each case must end with the
// expected exit code, a message naming the culprit (product, field, cell, line or entry), no stack trace or
// internal error text, and every file unchanged. Seeded: a failing case reproduces from its name.

import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { runCli, STACK_FRAME, type RunResult } from "../cli/memoryIo";
import { EXAMPLES, runOnDisk, tempFolder } from "../cli/workbookHelpers";
import { mulberry } from "./seeded";

const SEED = 14;
const INTERNAL = [/Cannot read propert/, /\bundefined\b/, /This is a bug/, /unexpected error/, /\bNaN\b.*NaN/];

/** Counted by kind for the report (printed once at the end). */
const counts = new Map<string, number>();
afterAll(() => {
  const lines = [...counts].map(([k, n]) => `  ${k}: ${n}`);
  process.stdout.write(
    `robustness mutations by kind (${[...counts.values()].reduce((a, b) => a + b, 0)}):\n${lines.join("\n")}\n`,
  );
});

interface Case {
  kind: string;
  name: string;
  /** Strings the message must contain (each one: any of the alternatives). */
  culprit: (string | RegExp)[][];
  code?: number;
}

function expectClean(c: Case, r: RunResult): void {
  const where = `${c.kind}: ${c.name}`;
  expect([where, r.code]).toEqual([where, c.code ?? 1]);
  expect([where, STACK_FRAME.test(r.stderr)]).toEqual([where, false]);
  for (const bad of INTERNAL) expect([where, bad.test(r.stderr)]).toEqual([where, false]);
  for (const anyOf of c.culprit) {
    const found = anyOf.some((m) => (typeof m === "string" ? r.stderr.includes(m) : m.test(r.stderr)));
    expect([where, found, r.stderr.slice(0, 400)]).toEqual([where, true, r.stderr.slice(0, 400)]);
  }
  counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
}

function pick<T>(random: () => number, list: readonly T[], k: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

type Json = Record<string, unknown>;
const load = (name: string): Json => JSON.parse(readFileSync(path.join(EXAMPLES, name), "utf8"));

/** Values that no number field accepts, as JSON text (1e400 parses to Infinity). */
const BAD_NUMBERS: { label: string; text: string }[] = [
  { label: "blank", text: "null" },
  { label: "text", text: '"abc"' },
  { label: "NaN as text", text: '"NaN"' },
  { label: "infinite (1e400)", text: "1e400" },
  { label: "a list", text: "[5]" },
  { label: "true", text: "true" },
];

describe("instance JSON mutations (assort bound, in-process)", () => {
  const cases: { c: Case; text: string }[] = [];
  const random = mulberry(SEED);
  for (const file of ["small.json", "fashion.json"]) {
    const base = load(file);
    const products = base.products as Json[];
    const chosen = pick(
      random,
      products.map((_, i) => i),
      4,
    );
    for (const i of chosen) {
      const id = String(products[i].id);
      const named = [`Product ${id}`, `Product #${i + 1}`];
      for (const field of ["price", "cost", "demand", "salvage"]) {
        for (const bad of BAD_NUMBERS) {
          if (field === "salvage" && bad.label === "blank") continue; // salvage may be left out
          const text = JSON.stringify(base).replace(
            new RegExp(`("id":${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},[^}]*?"${field}":)[^,}]+`),
            `$1${bad.text}`,
          );
          cases.push({
            c: {
              kind: "instance: bad number",
              name: `${file} ${id}.${field} = ${bad.label}`,
              culprit: [named, [field]],
            },
            text,
          });
        }
        const negative = structuredClone(base);
        ((negative.products as Json[])[i] as Json)[field] = -5;
        cases.push({
          c: { kind: "instance: negative", name: `${file} ${id}.${field} = -5`, culprit: [named, [field]] },
          text: JSON.stringify(negative),
        });
      }
      const renamed = structuredClone(base);
      const p = (renamed.products as Json[])[i];
      p.prcie = p.price;
      delete p.price;
      cases.push({
        c: { kind: "instance: wrong field name", name: `${file} ${id} price → prcie`, culprit: [named, ["prcie"]] },
        text: JSON.stringify(renamed),
      });
      const j = (i + 1) % products.length;
      const dup = structuredClone(base);
      (dup.products as Json[])[j].id = id;
      cases.push({
        c: {
          kind: "instance: duplicated id",
          name: `${file} #${j + 1} takes ${id}`,
          culprit: [[id], ["already used"]],
        },
        text: JSON.stringify(dup),
      });
      for (const blank of ["", "   ", null]) {
        const noId = structuredClone(base);
        (noId.products as Json[])[i].id = blank;
        cases.push({
          c: {
            kind: "instance: blank id",
            name: `${file} #${i + 1} id ${JSON.stringify(blank)}`,
            culprit: [[`Product #${i + 1}`], ["id"]],
          },
          text: JSON.stringify(noId),
        });
      }
    }
    const links = base.substitution as Json[];
    for (const k of pick(
      random,
      links.map((_, i) => i),
      3,
    )) {
      for (const value of [-0.1, 1.5, "x", null, "NaN"]) {
        const m = structuredClone(base);
        (m.substitution as Json[])[k].probability = value as never;
        cases.push({
          c: {
            kind: "instance: bad probability",
            name: `${file} link ${k + 1} = ${JSON.stringify(value)}`,
            culprit: [[`Substitution entry ${k + 1}`]],
          },
          text: JSON.stringify(m),
        });
      }
      const m = structuredClone(base);
      (m.substitution as Json[])[k].to = "NO-SUCH-ID";
      cases.push({
        c: {
          kind: "instance: unknown link id",
          name: `${file} link ${k + 1} to NO-SUCH-ID`,
          culprit: [[`Substitution entry ${k + 1}`], ["NO-SUCH-ID"]],
        },
        text: JSON.stringify(m),
      });
    }
    // Cut short anywhere: a JSON error naming the file and its line.
    const whole = JSON.stringify(base, null, 2);
    for (let k = 0; k < 6; k++) {
      const at = 1 + Math.floor(random() * (whole.length - 2));
      cases.push({
        c: {
          kind: "instance: truncated",
          name: `${file} cut at ${at}`,
          culprit: [[`'${file}'`], [/line \d+/, /empty/]],
        },
        text: whole.slice(0, at),
      });
    }
  }

  test.each(cases.map((x) => [x.c.name, x] as const))("%s", async (_name, { c, text }) => {
    const file = c.name.split(" ")[0];
    const r = await runCli(["bound", file], { files: { [file]: text } });
    expectClean(c, r);
  });
});

describe("plan JSON mutations (assort evaluate --plan, in-process)", () => {
  const small = path.join(EXAMPLES, "small.json");
  const base = load("small.plan.json");
  const plan = base.plan as Json[];
  const random = mulberry(SEED + 1);
  const cases: { c: Case; text: string }[] = [];
  for (const k of pick(
    random,
    plan.map((_, i) => i),
    4,
  )) {
    const id = String(plan[k].id);
    for (const value of [-5, 2.5, "x", null, Infinity, [3], true]) {
      const m = structuredClone(base);
      (m.plan as Json[])[k].quantity = value as never;
      cases.push({
        c: {
          kind: "plan: bad quantity",
          name: `entry ${k + 1} (${id}) = ${String(JSON.stringify(value) ?? value)}${value === Infinity ? " (1e400)" : ""}`,
          culprit: [[`Plan entry ${k + 1}`]],
        },
        // JSON has no Infinity: written as 1e400, which parses to it.
        text: JSON.stringify(m).replace("null", value === Infinity ? "1e400" : "null"),
      });
    }
    const renamed = structuredClone(base);
    (renamed.plan as Json[])[k].id = `${id}-RENAMED`;
    cases.push({
      c: { kind: "plan: unknown id", name: `entry ${k + 1} renamed`, culprit: [[`${id}-RENAMED`]] },
      text: JSON.stringify(renamed),
    });
  }
  test.each(cases.map((x) => [x.c.name, x] as const))("%s", async (_name, { c, text }) => {
    const r = await runCli(["evaluate", small, "--plan", "p.json", "--reps", "10"], { files: { "p.json": text } });
    expectClean(c, r);
  });
});

describe("history CSV mutations (assort fit, in-process)", () => {
  const text = readFileSync(path.join(EXAMPLES, "small.history.csv"), "utf8");
  const lines = text.split("\n");
  const random = mulberry(SEED + 2);
  const cases: { c: Case; text: string }[] = [];
  const at = pick(
    random,
    lines.slice(1, -1).map((_, i) => i + 1),
    5,
  );
  for (const l of at) {
    const [day, offered] = lines[l].split(",");
    const variants: [string, string, (string | RegExp)[][]][] = [
      ["unknown purchase", `${day},${offered},NO-SUCH-ID`, [[`line ${l + 1}`], ["NO-SUCH-ID"]]],
      ["purchase not offered", `${day},TEE-BLK-M,TEE-WHT-M`, [[`line ${l + 1}`], ["TEE-WHT-M"]]],
      ["blank offered", `${day},,TEE-BLK-M`, [[`line ${l + 1}`]]],
      ["stray quote", `${day},${offered},TEE"BLK`, [[`line ${l + 1}`]]],
    ];
    for (const [label, line, culprit] of variants) {
      const m = [...lines];
      m[l] = line;
      cases.push({ c: { kind: "history: bad row", name: `line ${l + 1} ${label}`, culprit }, text: m.join("\n") });
    }
  }
  cases.push({
    c: { kind: "history: wrong header", name: "Offered → Offred", culprit: [["Offered"], ["'Offred'"]] },
    text: text.replace("Offered", "Offred"),
  });
  cases.push({
    c: {
      kind: "history: separator",
      name: "semicolon rows under a comma header",
      culprit: [["semicolons"], ["line 2"]],
    },
    text: [lines[0], ...lines.slice(1).map((x) => x.replace(/,/g, ";"))].join("\n"),
  });
  cases.push({
    c: { kind: "history: bad record", name: "a 2,000,000-character line", culprit: [["line 2"], ["characters long"]] },
    text: `${lines[0]}\n1,${"A".repeat(2_000_000)},A\n`,
  });
  for (const [label, json] of [
    ["purchased is a list", '[{"offered": ["TEE-BLK-M", "TEE-WHT-M"], "purchased": ["TEE-BLK-M", "TEE-WHT-M"]}]'],
    ["purchased is an object", '[{"offered": ["TEE-BLK-M"], "purchased": {"id": "TEE-BLK-M"}}]'],
    ["count is a list", '[{"offered": ["TEE-BLK-M"], "purchased": "TEE-BLK-M", "count": [2]}]'],
  ]) {
    cases.push({ c: { kind: "history: bad JSON record", name: label, culprit: [["transactions[0]"]] }, text: json });
  }
  test.each(cases.map((x) => [x.c.name, x] as const))("%s", async (_name, { c, text }) => {
    const file = c.kind === "history: bad JSON record" ? "h.json" : "h.csv";
    const r = await runCli(["fit", file], { files: { [file]: text } });
    expectClean(c, r);
  });
});

describe("files on disk: encodings, wrong kinds, workbooks mutated (unchanged after)", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());
  let serial = 0;
  const file = (name: string) => path.join(folder.dir, `${++serial}-${name}`);
  const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
  const snapshot = () => new Map(readdirSync(folder.dir).map((f) => [f, hash(path.join(folder.dir, f))]));

  async function onDisk(c: Case, argv: string[]): Promise<void> {
    const before = snapshot();
    const r = await runOnDisk(argv);
    expectClean(c, r);
    expect([c.name, snapshot()]).toEqual([c.name, before]);
  }

  const history = readFileSync(path.join(EXAMPLES, "small.history.csv"));
  const xlsx = readFileSync(path.join(EXAMPLES, "small.xlsx"));

  test.each([
    [
      "UTF-16 LE with BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(history.toString("utf8"), "utf16le")]),
    ],
    [
      "UTF-16 BE with BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(history.toString("utf8"), "utf16le").swap16()]),
    ],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), history])],
  ])("history in %s is converted and fitted", async (_label, bytes) => {
    const f = file("h.csv");
    writeFileSync(f, bytes);
    const r = await runOnDisk(["fit", f, "--json"]);
    expect(r.stderr).not.toMatch(/problem/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).products).toHaveLength(10);
    counts.set("history: encoding converted", (counts.get("history: encoding converted") ?? 0) + 1);
  });

  test.each([
    ["an .xlsx named .csv", xlsx, ["zip archive", "Excel .xlsx"]],
    [
      "binary bytes",
      Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0x00, 0x01, 0x02, 0x03, 0x0a, 0x41]),
      ["binary file", "line 2"],
    ],
    ["Latin-1 text", Buffer.from("Offered,Purchased\nA;B,\xe9\n", "latin1"), ["not UTF-8", "line 2"]],
    ["an .xls named .csv", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), ["Excel 97-2003"]],
  ] as const)("history that is %s is refused by name", async (label, bytes, culprit) => {
    const f = file("h.csv");
    writeFileSync(f, bytes);
    await onDisk({ kind: "history: wrong kind", name: label, culprit: culprit.map((m) => [m]) }, ["fit", f]);
  });

  test.each(
    (() => {
      const random = mulberry(SEED + 3);
      return Array.from({ length: 8 }, (_, k) => Math.floor((0.02 + 0.96 * random()) * xlsx.length) + k);
    })(),
  )("a workbook cut at byte %i is called damaged or truncated, and nothing is written", async (at) => {
    const f = file("cut.xlsx");
    writeFileSync(f, xlsx.subarray(0, at));
    await onDisk(
      {
        kind: "workbook: truncated",
        name: `cut at ${at}`,
        culprit: [[path.basename(f)], [/damaged|cut short|not an \.xlsx/]],
      },
      ["plan", f, "--method", "fluid"],
    );
  });

  test.each([
    ["CSV text named .xlsx", Buffer.from("Product,Price,Cost,Demand\nA,1,1,1\n"), "not an .xlsx workbook"],
    ["JSON named .xlsx", Buffer.from(readFileSync(path.join(EXAMPLES, "small.json"))), "not an .xlsx workbook"],
    ["HTML named .xlsx", Buffer.from("<html><table><tr><td>1</td></tr></table></html>"), "XML or HTML"],
    ["empty file", Buffer.alloc(0), "empty (0 bytes)"],
  ] as const)("%s is refused by name", async (label, bytes, culprit) => {
    const f = file("book.xlsx");
    writeFileSync(f, bytes);
    await onDisk({ kind: "workbook: wrong kind", name: label, culprit: [[culprit]] }, ["plan", f]);
  });

  // Cells of the Products sheet (header row 1, products from row 2), mutated one at a time.
  const workbookCases: { c: Case; edit: (ws: Worksheet, subs: Worksheet) => void }[] = [];
  {
    const random = mulberry(SEED + 4);
    const columns = [
      { letter: "C", title: "Price" },
      { letter: "D", title: "Cost" },
      { letter: "F", title: "Demand" },
    ];
    for (const row of pick(random, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 3)) {
      for (const col of columns) {
        for (const [label, value] of [
          ["blanked", null],
          ["text", "lots"],
          ["negative", -5],
          ["NaN text", "NaN"],
          ["error value", { error: "#N/A" }],
        ] as const) {
          workbookCases.push({
            c: {
              kind: "workbook: bad cell",
              name: `Products!${col.letter}${row} ${label}`,
              culprit: [[`row ${row}`], [col.title]],
            },
            edit: (ws) => void (ws.getCell(`${col.letter}${row}`).value = value as never),
          });
        }
      }
      workbookCases.push({
        c: {
          kind: "workbook: duplicated id",
          name: `Products!A${row} = A${row === 2 ? 3 : 2}`,
          culprit: [["Products"], [/already|twice|duplicate/i]],
        },
        edit: (ws) => void (ws.getCell(`A${row}`).value = ws.getCell(`A${row === 2 ? 3 : 2}`).value),
      });
    }
    for (const [label, cell] of [["far corner XFD1048576", "XFD1048576"]] as const) {
      workbookCases.push({
        c: { kind: "workbook: stray far cell", name: `Products ${label}`, culprit: [[cell], ["Products"]] },
        edit: (ws) => void (ws.getCell(cell).value = "stray"),
      });
      workbookCases.push({
        c: { kind: "workbook: stray far cell", name: `Substitution ${label}`, culprit: [[cell], ["Substitution"]] },
        edit: (_ws, subs) => void (subs.getCell(cell).value = 0.5),
      });
    }
    // Inside the cap (5,000 × 5,000 cells): read, visiting only the cells the file has, and the row named.
    workbookCases.push({
      c: {
        kind: "workbook: stray far cell",
        name: "Products GJH5000 (inside the cap)",
        culprit: [["row 5000"], ["Products"]],
      },
      edit: (ws) => void (ws.getCell("GJH5000").value = "stray"),
    });
    for (const [from, to] of [
      ["Price", "Prize"],
      ["Demand", "Demnd"],
    ]) {
      workbookCases.push({
        c: { kind: "workbook: wrong header", name: `${from} → ${to}`, culprit: [["Products"], [from, to]] },
        edit: (ws) => {
          ws.getRow(1).eachCell((cell) => {
            if (cell.value === from) cell.value = to;
          });
        },
      });
    }
    workbookCases.push({
      c: { kind: "workbook: bad cell", name: "Substitution!C2 = 1.7", culprit: [["Substitution"], [/row 2|C2/]] },
      edit: (_ws, subs) => void (subs.getCell("C2").value = 1.7),
    });
  }

  test.each(workbookCases.map((x) => [x.c.name, x] as const))("%s", async (_name, { c, edit }) => {
    const wb = new Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    edit(wb.getWorksheet("Products") as Worksheet, wb.getWorksheet("Substitution") as Worksheet);
    const f = file("book.xlsx");
    await wb.xlsx.writeFile(f);
    await onDisk(c, ["plan", f, "--out", file("out.xlsx"), "--method", "fluid"]);
  });
});
