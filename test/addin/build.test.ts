// `npm run build` (webpack --mode production) as a user runs it, into a scratch folder: the shared-runtime page
// loads Office.js then both bundles, functions.json lists the nine functions with their parameters, the
// functions bundle registers them, the engine worker is its own chunk, and the manifest and icons are copied.

import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { createContext, runInContext } from "vm";

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
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ASSORT_PUBLIC_URL: "https://assort.example.com/app" },
    },
  );
  functions = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")).functions;
}, 300000); // the build takes minutes on a busy machine

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test("error values in input ranges reach the functions, so they can say which cell holds them", () => {
  const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
  expect(metadata.allowErrorForDataTypeAny).toBe(true);
  expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
});

test("functions.json lists the nine functions with their parameters", () => {
  const byId = new Map(functions.map((f) => [f.id, f]));
  expect([...byId.keys()].sort()).toEqual([
    "BOUND",
    "CHAIN",
    "CHOICE",
    "EVALUATE",
    "FIT",
    "OPTIMIZE",
    "SIMILARITY",
    "SUBSTITUTION",
    "SWEEP",
  ]);
  const params = (id: string) =>
    (byId.get(id) as FunctionMeta).parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
  expect(params("OPTIMIZE")).toEqual(["products", "substitution", "options?"]);
  expect(params("EVALUATE")).toEqual(["products", "substitution", "units?", "options?"]);
  expect(params("BOUND")).toEqual(["products", "substitution", "options?"]);
  expect(params("CHOICE")).toEqual(["products", "substitution", "available?"]);
  expect(params("SUBSTITUTION")).toEqual(["products", "weights"]);
  expect(params("FIT")).toEqual(["history", "products?", "options?"]);
  expect(params("SIMILARITY")).toEqual(["products", "attributes", "strength?"]);
  expect(params("CHAIN")).toEqual(["products", "model", "options?"]);
  expect(params("SWEEP")).toEqual(["products", "substitution", "rule", "values", "options?"]);
  for (const f of functions) {
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.result.dimensionality).toBe("matrix");
    expect(f.helpUrl).toBe(`https://assort.example.com/app/help/functions/${f.id.toLowerCase()}.html`);
    expect(f.options?.requiresParameterAddresses).toBe(true);
    for (const p of f.parameters) {
      expect(p.dimensionality).toBe("matrix"); // a range, not a repeating or scalar argument
      expect(p.description.length).toBeGreaterThan(10);
    }
  }
  for (const id of ["OPTIMIZE", "EVALUATE", "BOUND", "CHOICE", "FIT", "SIMILARITY", "CHAIN"])
    expect(byId.get(id)?.options?.cancelable).toBe(true);
});

test("the functions bundle registers every function", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  for (const f of functions) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("taskpane.html is the shared runtime: Office.js first, then the task pane and functions bundles", () => {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const pane = html.search(/taskpane\.[0-9a-f]{10}\.js/);
  const fns = html.search(/functions\.[0-9a-f]{10}\.js/);
  expect(office).toBeGreaterThan(0);
  expect(pane).toBeGreaterThan(office);
  expect(fns).toBeGreaterThan(office);
});

test("the engine worker is a separate chunk with the optimiser in it", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  expect(js).toMatch(/new Worker\(new URL\(/);
  const chunks = readdirSync(out).filter((f) => /^engine-worker\.[0-9a-f]{10}\.js$/.test(f));
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.some((c) => readFileSync(join(out, c), "utf8").includes("The optimisation was cancelled."))).toBe(true);
});

test("every script but the manifest's fixed functions.js has a content hash in its name", () => {
  const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
  expect(scripts.filter((f) => !/^[a-z-]+\.[0-9a-f]{10}\.js$/.test(f))).toEqual(["functions.js"]);
  expect(scripts.filter((f) => f.startsWith("taskpane.")).length).toBe(1);
  // functions.js is the hashed functions bundle under the name the manifest gives (Functions.Script.Url).
  const hashed = scripts.find((f) => /^functions\.[0-9a-f]{10}\.js$/.test(f)) as string;
  const same = readFileSync(join(out, "functions.js")).equals(readFileSync(join(out, hashed)));
  expect(same ? "the same bytes" : `functions.js differs from ${hashed}`).toBe("the same bytes");
  // The page loads only hashed bundles, so a cached page and a new worker never meet.
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const loaded = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith("http"));
  expect(loaded.length).toBe(2);
  for (const src of loaded) expect(src).toMatch(/^[a-z-]+\.[0-9a-f]{10}\.js$/);
});

/** The ids of a built help page (the minifier may drop the quotes). */
function idsOf(file: string): Set<string> {
  return new Set([...readFileSync(file, "utf8").matchAll(/\sid="?([^"\s>]+)/g)].map((m) => m[1]));
}

/** A URL at the public address, as the file in the build it names, and its anchor. */
function builtFile(url: string): { file: string; anchor: string } {
  const u = new URL(url);
  expect(u.origin + u.pathname).toMatch(/^https:\/\/assort\.example\.com\/app\//);
  return { file: join(out, u.pathname.replace(/^\/app\//, "")), anchor: decodeURIComponent(u.hash.slice(1)) };
}

test("every help URL (functions.json, SupportUrl, LearnMoreUrl) is a page in the build, with its anchor", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)?.[1] as string;
  const learnMore = /id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/.exec(manifest)?.[1] as string;
  expect(support).toMatch(/\/help\/support\.html$/);
  expect(learnMore).toMatch(/\/help\/excel\.html$/);
  for (const url of [...functions.map((f) => f.helpUrl), support, learnMore]) {
    const { file, anchor } = builtFile(url);
    expect(existsSync(file) ? file : `missing ${url}`).toBe(file);
    expect(readFileSync(file, "utf8")).toMatch(/^<!doctype html>/i);
    if (anchor) expect(idsOf(file).has(anchor) ? anchor : `no #${anchor} in ${url}`).toBe(anchor);
  }
  const optimize = readFileSync(builtFile(functions.find((f) => f.id === "OPTIMIZE")!.helpUrl).file, "utf8");
  expect(optimize).toContain("ASSORT.OPTIMIZE");
});

test("links between help pages reach a page and an anchor that exist", () => {
  const pages: string[] = [];
  const walk = (dir: string) =>
    readdirSync(dir, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".html") && pages.push(join(dir, e.name)),
    );
  walk(join(out, "help"));
  expect(pages.length).toBeGreaterThan(15);
  let checked = 0;
  for (const page of pages) {
    for (const m of readFileSync(page, "utf8").matchAll(/<a href="?([^" >]+)/g)) {
      const href = m[1].replace(/&amp;/g, "&");
      if (/^[a-z]+:/.test(href)) continue;
      const [path, anchor] = href.split("#");
      const target = path ? join(page, "..", path) : page;
      // Pages that other branches add (docs/index.md lists them) are not in every build.
      if (!existsSync(target) && /help\/(decisions|report|what-if|optimizer|bounds|limits|files)\.html$/.test(target))
        continue;
      expect(existsSync(target) ? target : `${page}: ${href} is missing`).toBe(target);
      if (anchor) expect(idsOf(target).has(anchor) ? anchor : `${page}: no #${anchor} in ${path}`).toBe(anchor);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(50);
});

test("manifest (with the public address) and icons are copied", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("https://assort.example.com/app/functions.json");
  for (const size of [16, 32, 64, 80]) expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
});

/**
 * Loads the built functions.js as the shared runtime would (CustomFunctions, a document, Web Workers), with each
 * worker running the built worker chunk in its own context behind structured-clone messages.
 */
function loadBundle(dir: string): Record<string, (...args: unknown[]) => Promise<unknown[][]>> {
  const registered: Record<string, (...args: unknown[]) => Promise<unknown[][]>> = {};
  class CFError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  class BundleWorker {
    onmessage: ((ev: { data: unknown }) => void) | null = null;
    onerror: ((ev: unknown) => void) | null = null;
    private readonly scope: {
      onmessage?: (ev: { data: unknown }) => void;
      postMessage(m: unknown): void;
      self?: unknown;
      location: { href: string };
    };
    constructor(url: URL) {
      this.scope = {
        postMessage: (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) }), 0),
        location: { href: String(url) },
      };
      this.scope.self = this.scope;
      const context = createContext({ self: this.scope, setTimeout, clearTimeout, console, structuredClone });
      runInContext(readFileSync(join(dir, new URL(String(url)).pathname), "utf8"), context);
    }
    postMessage(m: unknown) {
      setTimeout(() => this.scope.onmessage?.({ data: structuredClone(m) }), 0);
    }
    terminate() {}
  }
  const page: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, f: (...args: unknown[]) => Promise<unknown[][]>) => (registered[id] = f),
      Error: CFError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
    document: {
      currentScript: { src: "https://localhost:3000/functions.js", tagName: "SCRIPT" },
      baseURI: "https://localhost:3000/taskpane.html",
    },
    location: { href: "https://localhost:3000/taskpane.html" },
    navigator: { hardwareConcurrency: 2 },
    Worker: BundleWorker,
    setTimeout,
    clearTimeout,
    console,
    URL,
    structuredClone,
  };
  page.self = page;
  runInContext(readFileSync(join(dir, "functions.js"), "utf8"), createContext(page));
  return registered;
}

test("the built functions.js registers all nine and OPTIMIZE runs in the built worker chunk", async () => {
  const fns = loadBundle(out);
  expect(Object.keys(fns).sort()).toEqual([
    "BOUND",
    "CHAIN",
    "CHOICE",
    "EVALUATE",
    "FIT",
    "OPTIMIZE",
    "SIMILARITY",
    "SUBSTITUTION",
    "SWEEP",
  ]);
  const products = [
    ["Product", "Price", "Cost", "Demand"],
    ["A", 10, 4, 30],
    ["B", 12, 5, 20],
  ];
  const invocation = { parameterAddresses: ["Sheet1!A1:D3"], onCanceled: null };
  const plan = JSON.parse(JSON.stringify(await fns.OPTIMIZE(products, [[null]], [["method", "fluid"]], invocation)));
  expect(plan[0]).toEqual(["Product", "Carry", "Units", "Expected sales", "Stock-out risk", "Decision reason"]);
  expect(plan.slice(1, 3).map((r: unknown[]) => r[0])).toEqual(["A", "B"]);
  expect(typeof invocation.onCanceled).toBe("function");
  const bad = [
    ["Product", "Price", "Cost", "Demand"],
    ["A", "ten", 4, 30],
  ];
  await expect(fns.BOUND(bad, [[null]], null, { parameterAddresses: ["Sheet1!A1:D2"] })).rejects.toMatchObject({
    code: "#VALUE!",
    message: "Products row 2 (A), column Price: 'ten' is not a number; the selling price must be a number above 0.",
  });
});

test("FIT and SIMILARITY run in the built worker chunk; FIT's first three columns feed OPTIMIZE", async () => {
  const fns = loadBundle(out);
  const history = [
    ["Offered", "Purchased", "Count"],
    ["A;B", "A", 50],
    ["A;B", "B", 30],
    ["A;B", 0, 20],
    ["A", "A", 70],
    ["A", 0, 30],
    ["B", "B", 45],
    ["B", 0, 55],
  ];
  const products = [
    ["Product", "Price", "Cost", "Demand"],
    ["A", 10, 4, 30],
    ["B", 12, 5, 20],
  ];
  const invocation = { parameterAddresses: ["Sheet1!A1:C8"], onCanceled: null };
  const fitted = JSON.parse(
    JSON.stringify(
      await fns.FIT(
        history,
        null,
        [
          ["tolerance", 1e-13],
          ["max iterations", 50000],
        ],
        invocation,
      ),
    ),
  ) as unknown[][];
  expect(typeof invocation.onCanceled).toBe("function");
  expect(fitted[0].slice(0, 3)).toEqual(["From", "To", "Probability"]);
  const ba = fitted.find((r) => r[0] === "B" && r[1] === "A") as unknown[];
  expect(ba[2]).toBeCloseTo(2 / 3, 5);
  const plan = JSON.parse(
    JSON.stringify(
      await fns.OPTIMIZE(
        products,
        fitted.map((r) => r.slice(0, 3)),
        [["method", "fluid"]],
        { parameterAddresses: [], onCanceled: null },
      ),
    ),
  );
  expect(plan[0][0]).toBe("Product");
  await expect(
    fns.FIT(
      [
        ["Offered", "Purchased"],
        ["A", "B"],
      ],
      null,
      null,
      { parameterAddresses: ["Sheet1!A4:B5"] },
    ),
  ).rejects.toMatchObject({
    code: "#VALUE!",
    message: "History row 5, column Purchased: 'B' was bought but not offered to this customer (offered: A)",
  });
  const matrix = JSON.parse(
    JSON.stringify(
      await fns.SIMILARITY(
        products,
        [
          ["Product", "Category"],
          ["A", "Tee"],
          ["B", "Tee"],
        ],
        [[0.4]],
        { parameterAddresses: [], onCanceled: null },
      ),
    ),
  );
  expect(matrix).toEqual([
    ["From \\ To", "A", "B"],
    ["A", 0, 0.4],
    ["B", 0.4, 0],
  ]);
});
