// `npm run build` (webpack --mode production) as a user runs it, into a scratch folder: the shared-runtime page
// loads Office.js then both bundles, functions.json lists the five functions with their parameters, the
// functions bundle registers them, the engine worker is its own chunk, and the manifest and icons are copied.

import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
let out: string;

interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
  options?: { cancelable?: boolean; requiresParameterAddresses?: boolean };
}
let functions: FunctionMeta[];

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "assort-build-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ASSORT_PUBLIC_URL: "https://assort.example.com/app" },
  });
  functions = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")).functions;
}, 90000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test("functions.json lists the five functions with their parameters", () => {
  const byId = new Map(functions.map((f) => [f.id, f]));
  expect([...byId.keys()].sort()).toEqual(["BOUND", "CHOICE", "EVALUATE", "OPTIMIZE", "SUBSTITUTION"]);
  const params = (id: string) => (byId.get(id) as FunctionMeta).parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
  expect(params("OPTIMIZE")).toEqual(["products", "substitution", "options?"]);
  expect(params("EVALUATE")).toEqual(["products", "substitution", "units?", "options?"]);
  expect(params("BOUND")).toEqual(["products", "substitution", "options?"]);
  expect(params("CHOICE")).toEqual(["products", "substitution", "available?"]);
  expect(params("SUBSTITUTION")).toEqual(["products", "weights"]);
  for (const f of functions) {
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.result.dimensionality).toBe("matrix");
    expect(f.helpUrl).toBe("https://assort.example.com/app/README.md#in-excel");
    expect(f.options?.requiresParameterAddresses).toBe(true);
    for (const p of f.parameters) {
      expect(p.dimensionality).toBe("matrix"); // a range, not a repeating or scalar argument
      expect(p.description.length).toBeGreaterThan(10);
    }
  }
  for (const id of ["OPTIMIZE", "EVALUATE", "BOUND", "CHOICE"]) expect(byId.get(id)?.options?.cancelable).toBe(true);
});

test("the functions bundle registers every function", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  for (const f of functions) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("taskpane.html is the shared runtime: Office.js first, then the task pane and functions bundles", () => {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const pane = html.indexOf("taskpane.js");
  const fns = html.indexOf("functions.js");
  expect(office).toBeGreaterThan(0);
  expect(pane).toBeGreaterThan(office);
  expect(fns).toBeGreaterThan(office);
});

test("the engine worker is a separate chunk with the optimiser in it", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  expect(js).toMatch(/new Worker\(new URL\(/);
  const chunks = readdirSync(out).filter((f) => /^\d+\.js$/.test(f));
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.some((c) => readFileSync(join(out, c), "utf8").includes("The optimisation was cancelled."))).toBe(true);
});

test("manifest (with the public address) and icons are copied", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("https://assort.example.com/app/functions.json");
  for (const size of [16, 32, 64, 80]) expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
});
