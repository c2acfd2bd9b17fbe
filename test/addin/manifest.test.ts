// manifest.xml checked offline (office-addin-manifest validate needs Microsoft's service, docs/office.md §4.4): the
// shared-runtime wiring that, when wrong, makes every function show #NAME? or #N/A in Excel.

import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { XMLParser } from "fast-xml-parser";

const ROOT = join(__dirname, "..", "..");
const TEXT = readFileSync(join(ROOT, "manifest.xml"), "utf8");
type Node = Record<string, unknown>;
// preserveOrder keeps element order (the XSD fixes it); attributes under ":@".
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true }).parse(
  TEXT,
) as Node[];
const doc = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["bt:Image", "bt:Url", "bt:String", "Set", "Runtime", "ExtensionPoint", "Host"].includes(name),
}).parse(TEXT) as Node;
const app = doc.OfficeApp as Node;

/** Every element carrying `attr`, anywhere below `node`. */
function allWith(node: unknown, attr: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => allWith(n, attr, out));
  else if (node && typeof node === "object") {
    if (attr in (node as Node)) out.push(node as Node);
    Object.values(node as Node).forEach((v) => allWith(v, attr, out));
  }
  return out;
}

const resources = (app.VersionOverrides as Node).Resources as Node;
const ids = new Map<string, string>();
for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
  const g = resources[group] as Node;
  for (const item of (g["bt:Image"] ?? g["bt:Url"] ?? g["bt:String"]) as Node[])
    ids.set(item.id as string, item.DefaultValue as string);
}
const host = (((app.VersionOverrides as Node).Hosts as Node).Host as Node[])[0];
const customFunctions = ((host.AllFormFactors as Node).ExtensionPoint as Node[]).find(
  (e) => e["xsi:type"] === "CustomFunctions",
) as Node;

test("keeps the add-in Id (workbook settings are keyed to it)", () => {
  expect(app.Id).toBe("5f0c8a52-3a3e-4c1e-9a63-8b6d1f1b7a10");
});

test("functions appear as ASSORT.*", () => {
  const ns = (customFunctions.Namespace as Node).resid as string;
  expect(ids.get(ns)).toBe("ASSORT");
});

test("one long-lived runtime, used by the functions page, the function file and the task pane button", () => {
  const runtimes = (host.Runtimes as Node).Runtime as Node[];
  expect(runtimes).toHaveLength(1);
  expect(runtimes[0].lifetime).toBe("long");
  const runtime = runtimes[0].resid;
  expect(((customFunctions.Page as Node).SourceLocation as Node).resid).toBe(runtime);
  const desktop = host.DesktopFormFactor as Node;
  expect((desktop.FunctionFile as Node).resid).toBe(runtime);
  const actions = allWith(desktop, "xsi:type").filter((n) => n["xsi:type"] === "ShowTaskpane");
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect((a.SourceLocation as Node).resid).toBe(runtime);
  expect(ids.get(runtime as string)).toMatch(/\/taskpane\.html$/);
  expect(((app.DefaultSettings as Node).SourceLocation as Node).DefaultValue).toBe(ids.get(runtime as string));
});

test("functions script and metadata point at the built functions.js and functions.json", () => {
  expect(ids.get(((customFunctions.Script as Node).SourceLocation as Node).resid as string)).toMatch(
    /\/functions\.js$/,
  );
  expect(ids.get(((customFunctions.Metadata as Node).SourceLocation as Node).resid as string)).toMatch(
    /\/functions\.json$/,
  );
});

test("requires the SharedRuntime set", () => {
  const sets = ((app.Requirements as Node).Sets as Node).Set as Node[];
  expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
});

test("every resid resolves to a resource, and every resource is used", () => {
  const used = allWith(app, "resid").map((n) => n.resid as string);
  for (const r of used) expect(ids.has(r) ? r : `missing resource ${r}`).toBe(r);
  for (const id of ids.keys()) expect(used.includes(id) ? id : `unused resource ${id}`).toBe(id);
});

test("all URLs are https on one origin, and icons exist in assets/", () => {
  const urls = [...TEXT.matchAll(/DefaultValue="([a-z]+:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  expect(origins.size).toBe(1);
  for (const u of urls.filter((x) => x.includes("/assets/"))) readFileSync(join(ROOT, new URL(u).pathname));
});

test("top-level elements in the order the XSD requires", () => {
  const root = ordered.find((n) => "OfficeApp" in n) as Node;
  const names = (root.OfficeApp as Node[])
    .map((n) => Object.keys(n).find((k) => k !== ":@"))
    .filter((k) => k !== "#comment");
  const order = [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ];
  const positions = names.map((n) => order.indexOf(n as string));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Inside the workbook host: Runtimes, then AllFormFactors, then DesktopFormFactor.
  const hostOrder = Object.keys(host).filter((k) => !k.startsWith("xsi"));
  expect(hostOrder).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  expect(Object.keys(resources)).toEqual(["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
});

test("office-addin-manifest reads it", () => {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "office-addin-manifest", "cli.js"), "info", join(ROOT, "manifest.xml")],
    { encoding: "utf8", env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" } },
  );
  expect(out).toContain("Id: 5f0c8a52-3a3e-4c1e-9a63-8b6d1f1b7a10");
  expect(out).toContain("Hosts: Workbook");
  expect(out).toContain("Source Location: https://localhost:3000/taskpane.html");
});

describe("manifest.dev.xml, the sideloading copy", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifests = require("../../scripts/manifests.js") as {
    PROD_ID: string;
    DEV_ID: string;
    devManifest(xml: string): string;
    manifestVersion(v: string): string;
  };
  const DEV = readFileSync(join(ROOT, "manifest.dev.xml"), "utf8");
  const dev = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(DEV).OfficeApp as Node;
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

  test("is what scripts/manifests.js makes from manifest.xml (run `npm run manifest:dev` after editing it)", () => {
    expect(DEV).toBe(manifests.devManifest(TEXT));
  });

  test("has its own Id, the name Assort (dev) and the ASSORTDEV namespace, so it installs beside production", () => {
    expect(dev.Id).toBe(manifests.DEV_ID);
    expect(dev.Id).not.toBe(app.Id);
    expect(dev.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((dev.DisplayName as Node).DefaultValue).toBe("Assort (dev)");
    expect((app.DisplayName as Node).DefaultValue).toBe("Assort");
    expect(DEV).toContain('<bt:String id="Functions.Namespace" DefaultValue="ASSORTDEV"/>');
  });

  test("differs from manifest.xml only in those lines (the same wiring, URLs and resources)", () => {
    const strip = (t: string) =>
      t
        .replace(/<!--[\s\S]*?-->/, "")
        .split("\n")
        .filter((l) => !/<Id>|<DisplayName|Functions\.Namespace|Group\.Label|GetStarted\.Description/.test(l));
    expect(strip(DEV)).toEqual(strip(TEXT));
  });

  test("both carry package.json's version as <Version>, which `npm version` updates", () => {
    expect(manifests.manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(manifests.manifestVersion("1.2.3-beta.1")).toBe("1.2.3.0");
    expect(app.Version).toBe(manifests.manifestVersion(version));
    expect(dev.Version).toBe(app.Version);
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.version).toContain("scripts/manifests.js");
    expect(scripts.start).toContain("manifest.dev.xml");
  });

  test("office-addin-manifest reads it", () => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "office-addin-manifest", "cli.js"), "info", join(ROOT, "manifest.dev.xml")],
      { encoding: "utf8", env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" } },
    );
    expect(out).toContain(`Id: ${manifests.DEV_ID}`);
    expect(out).toContain("Name: Assort (dev)");
  });
});
