// Safe writes (src/cli/safeWrite.ts), checked on a real disk: an input is never written over (same name, symlink,
// hard link), an existing output only with --force, a failed or raced write leaves the old file whole and no
// temporary file, and the commands that write (optimize --out, generate --out, plan) go through it.

import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { FileError, UsageError } from "../../src/cli/errors";
import { writeFileSafely, type OutputOptions } from "../../src/cli/safeWrite";
import { EXAMPLES, runOnDisk, tempFolder } from "../cli/workbookHelpers";

const folder = tempFolder();
afterAll(() => folder.cleanup());

let serial = 0;
function fresh(name: string): string {
  serial += 1;
  return path.join(folder.dir, `${serial}-${name}`);
}

function hash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function temporaries(): string[] {
  return readdirSync(folder.dir).filter((f) => f.endsWith(".tmp"));
}

const OPTIONS: OutputOptions = { command: "test", what: "the output" };

describe("writeFileSafely", () => {
  test("writes a new file whole, from text, bytes or chunks", async () => {
    const a = fresh("a.txt");
    await writeFileSafely(a, "hello", OPTIONS);
    expect(readFileSync(a, "utf8")).toBe("hello");
    const b = fresh("b.bin");
    await writeFileSafely(b, new Uint8Array([1, 2, 3]), OPTIONS);
    expect([...readFileSync(b)]).toEqual([1, 2, 3]);
    const c = fresh("c.csv");
    async function* rows() {
      yield "x,y\n";
      yield Buffer.from("1,2\n");
    }
    await writeFileSafely(c, rows(), OPTIONS);
    expect(readFileSync(c, "utf8")).toBe("x,y\n1,2\n");
    expect(temporaries()).toEqual([]);
  });

  test("an existing file is refused without force and replaced whole with it", async () => {
    const out = fresh("out.json");
    writeFileSync(out, "mine");
    await expect(writeFileSafely(out, "new", OPTIONS)).rejects.toThrow(
      new UsageError(`'${out}' already exists; pass --force to replace it, or --out to write elsewhere`),
    );
    expect(readFileSync(out, "utf8")).toBe("mine");
    await writeFileSafely(out, "new", { ...OPTIONS, force: true });
    expect(readFileSync(out, "utf8")).toBe("new");
    expect(temporaries()).toEqual([]);
  });

  test("an input is refused even with force: by name, through a symlink and through a hard link", async () => {
    const input = fresh("in.json");
    writeFileSync(input, "input");
    const sym = fresh("sym.json");
    symlinkSync(input, sym);
    const hard = fresh("hard.json");
    linkSync(input, hard);
    const options = { ...OPTIONS, force: true, inputs: [{ path: input, what: "instance file" }] };
    await expect(writeFileSafely(input, "x", options)).rejects.toThrow(/is the instance file; assort never writes/);
    await expect(writeFileSafely(sym, "x", options)).rejects.toThrow(/the same file through a link/);
    await expect(writeFileSafely(hard, "x", options)).rejects.toThrow(/the same file through a link/);
    // The same name in another case is one file on Windows and macOS: refused everywhere.
    await expect(writeFileSafely(input.toUpperCase(), "x", options)).rejects.toThrow(/is the instance file/);
    expect(readFileSync(input, "utf8")).toBe("input");
  });

  test("a dangling symlink counts as an existing output", async () => {
    const link = fresh("dangling.json");
    symlinkSync(path.join(folder.dir, "nowhere"), link);
    await expect(writeFileSafely(link, "x", OPTIONS)).rejects.toThrow(/already exists/);
  });

  test("an error while writing leaves the old file whole and no temporary file", async () => {
    const out = fresh("keep.json");
    writeFileSync(out, "precious");
    async function* failing() {
      yield "half a plan";
      throw new Error("the disk went away");
    }
    await expect(writeFileSafely(out, failing(), { ...OPTIONS, force: true })).rejects.toThrow(
      new FileError(`cannot write the output '${out}': the disk went away; nothing was written`),
    );
    expect(readFileSync(out, "utf8")).toBe("precious");
    expect(temporaries()).toEqual([]);
  });

  test("a missing folder is named as such", async () => {
    const out = path.join(folder.dir, "missing", "x.json");
    await expect(writeFileSafely(out, "x", OPTIONS)).rejects.toThrow(
      `cannot write the output '${out}': its folder does not exist; nothing was written`,
    );
  });

  test("two writes racing for one new file: exactly one wins, the other says so", async () => {
    const out = fresh("race.json");
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    async function* slow(tag: string) {
      for (let k = 0; k < 5; k++) {
        yield `${tag}${k}\n`;
        await tick();
      }
    }
    const results = await Promise.allSettled([
      writeFileSafely(out, slow("a"), OPTIONS),
      writeFileSafely(out, slow("b"), OPTIONS),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String(lost[0].reason.message)).toMatch(/was created by another program .* nothing was written/);
    const whole = (tag: string) => [0, 1, 2, 3, 4].map((k) => `${tag}${k}\n`).join("");
    expect([whole("a"), whole("b")]).toContain(readFileSync(out, "utf8"));
    expect(temporaries()).toEqual([]);
  });
});

describe("the commands write through it", () => {
  const small = path.join(EXAMPLES, "small.json");

  test("optimize --out: the instance itself is refused, an existing plan kept without --force", async () => {
    const instance = fresh("small.json");
    copyFileSync(small, instance);
    const before = hash(instance);
    const self = await runOnDisk(["optimize", instance, "--out", instance, "--force", "--method", "fluid"]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("is the instance file; assort never writes over its input");
    expect(hash(instance)).toBe(before);

    const plan = fresh("plan.json");
    writeFileSync(plan, '{"plan": []}\n');
    const kept = await runOnDisk(["optimize", instance, "--out", plan, "--method", "fluid"]);
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain(`'${plan}' already exists; pass --force to replace it`);
    expect(readFileSync(plan, "utf8")).toBe('{"plan": []}\n');
    const replaced = await runOnDisk(["optimize", instance, "--out", plan, "--method", "fluid", "--force"]);
    expect(replaced.code).toBe(0);
    expect(JSON.parse(readFileSync(plan, "utf8")).plan).toHaveLength(10);
    expect(temporaries()).toEqual([]);
  });

  test("generate --out: an existing file kept without --force", async () => {
    const out = fresh("gen.json");
    writeFileSync(out, "hand-made");
    const kept = await runOnDisk(["generate", "--products", "5", "--out", out]);
    expect(kept.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("hand-made");
    const forced = await runOnDisk(["generate", "--products", "5", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).products).toHaveLength(5);
  });

  test("plan: the input through a symlink is refused before any work", async () => {
    const book = fresh("small.xlsx");
    copyFileSync(path.join(EXAMPLES, "small.xlsx"), book);
    const link = fresh("link.xlsx");
    symlinkSync(book, link);
    const before = hash(book);
    const r = await runOnDisk(["plan", book, "--out", link, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(the same file through a link); assort never writes over its input");
    expect(hash(book)).toBe(before);
    expect(existsSync(link)).toBe(true);
  });
});

describe("workbooks real tools write", () => {
  test("table parts addressed by absolute OPC paths (as openpyxl writes them) are read", async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(EXAMPLES, "fashion.xlsx")));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
      const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
      zip.file(
        name,
        xml
          .replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/')
          .replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'),
      );
    }
    const book = fresh("absolute.xlsx");
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
    expect(readFileSync(book).toString("latin1")).toContain('Target="/xl/tables/table1.xml"');
    const r = await runOnDisk(["plan", book, "--out", fresh("absolute.out.xlsx"), "--method", "fluid", "--json"]);
    expect(r.stderr).not.toContain("damaged");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).products).toHaveLength(300);
  });

  test("a part that unpacks past the limit is refused by name before it is unpacked", async () => {
    const bytes = Buffer.from(readFileSync(path.join(EXAMPLES, "small.xlsx")));
    // The central directory entry of xl/sharedStrings.xml claims 600 MB once unpacked.
    const name = Buffer.from("xl/sharedStrings.xml");
    let at = bytes.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]));
    while (at >= 0 && !bytes.subarray(at + 46, at + 46 + name.length).equals(name))
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(600 * 1024 * 1024, at + 24);
    const book = fresh("huge.xlsx");
    writeFileSync(book, bytes);
    const r = await runOnDisk(["plan", book, "--out", fresh("huge.out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("its part xl/sharedStrings.xml (the text of the cells) unpacks to 600 MB");
  });
});

test("an Excel table's Totals row is left out of Products, with a note", async () => {
  const source = new Workbook();
  await source.xlsx.readFile(path.join(EXAMPLES, "small.xlsx"));
  const ws = source.getWorksheet("Products") as Worksheet;
  const rows: unknown[][] = [];
  ws.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
  source.removeWorksheet(ws.id);
  source.addWorksheet("Products").addTable({
    name: "Products",
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    columns: (rows[0] as string[]).map((h, k) => ({
      name: String(h),
      totalsRowFunction: k === 0 ? "none" : "sum",
      totalsRowLabel: k === 0 ? "Total" : undefined,
    })) as never,
    rows: rows.slice(1) as never,
  });
  const book = fresh("totals.xlsx");
  await source.xlsx.writeFile(book);
  const r = await runOnDisk(["plan", book, "--out", fresh("totals.out.xlsx"), "--method", "fluid"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("Products: the table's Totals row (row 12) is left out");
  expect(r.stdout).toContain("10 products (Products!A1:G11, table Products)");
});
