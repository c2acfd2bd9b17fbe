// The task pane in a real browser: `npm run build`'s output served on 127.0.0.1 and opened in headless
// Chromium (found by ./chromium.ts, driven by playwright-core; no browser is downloaded), 320 px wide as
// in Excel, with fakeOffice.js standing in for the Office host (office.js itself is answered with an empty
// script; every other outside request is refused). A user's session: insert the sample, optimize through the
// real Web Worker, answer the question about a cell in the way, re-run, cancel a run, click a problem.

import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { columnLetter } from "../../src/sheet/address";
import { generateInstance } from "../../src/engine/generate/generateInstance";
import { validateInstance } from "../../src/engine/model/validate";
import { DROPPED_COLOR, OWN_HEADERS } from "../../src/sheet/planSheet";
import { browserSuite } from "./chromium";
import { serve } from "./staticServer";

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test", "artifacts");
const { chromium: CHROMIUM, test } = browserSuite();
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const SAMPLE = JSON.parse(readFileSync(join(ROOT, "examples", "fashion.json"), "utf8")) as {
  products: { id: string }[];
};

interface FakeTable {
  address: string;
  values: unknown[][];
  numberFormat: string[][];
}

/** Column letter of a 0-based column. */
const letterOf = (c: number) => columnLetter(c + 1);

let out: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const workers: string[] = [];
const pageErrors: string[] = [];

/** Runs in the page: the fake workbook's inspection hooks. */
function fake<T>(fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) =>
      (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel[f as string](
        ...(a as unknown[]),
      ),
    [fn, args] as const,
  ) as Promise<T>;
}

const text = (selector: string) => page.locator(selector).innerText();

// Long enough for an Optimize and, when the budget binds, valuing it (a second optimisation) on a loaded machine.
async function waitForText(selector: string, pattern: RegExp, timeout = 90000): Promise<string> {
  await page.waitForFunction(
    ([s, p]) =>
      new RegExp(p as string).test((document.querySelector(s as string) as HTMLElement | null)?.innerText ?? ""),
    [selector, pattern.source],
    { timeout },
  );
  return text(selector);
}

async function setField(id: string, value: string): Promise<void> {
  await page.fill(`#${id} input`, value);
  await page.locator(`#${id} input`).press("Tab"); // commits the value: the pane saves on change
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "assort-pane-"));
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out],
    { cwd: ROOT, encoding: "utf8" },
  );
  server = await serve(out);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  page.on("worker", (w) => workers.push(w.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.request().url().startsWith("https://appsforoffice.microsoft.com/")
      ? route.fulfill({
          status: 200,
          contentType: "application/javascript",
          body: "// office.js: the test's fake host is already in place",
        })
      : route.abort(),
  );
  await page.addInitScript({ path: join(__dirname, "fakeOffice.js") });
  await page.goto(server.url + "taskpane.html");
}, 300000); // the build takes minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

test("an empty workbook: no inputs found, and Insert sample data makes the three tables Optimize needs", async () => {
  expect(await waitForText("#problems", /No Products found/)).toContain("insert the sample data");
  // By keyboard, as a screen-reader user would.
  await page.focus("#sample");
  await page.keyboard.press("Enter");
  expect(await waitForText("#check-summary", /Ready/)).toBe(
    "300 products, 1,370 substitution links. Ready to optimize.",
  );
  expect(await fake<string[]>("sheetNames")).toEqual(["Sheet1", "Products", "Substitution", "Options"]);
  const products = await fake<FakeTable>("table", "Products");
  expect(products.address).toBe("Products!A1:F301");
  expect(products.values[0]).toEqual(["Product", "Name", "Price", "Cost", "Salvage", "Demand"]);
  expect(products.values.slice(1).map((r) => r[0])).toEqual(SAMPLE.products.map((p) => p.id));
  expect((await fake<FakeTable>("table", "Options")).values.map((r) => r[0])).toContain("budget");
  expect(await text("#address-products")).toBe("Products!A1:F301 (table)");
  expect(await text("#address-substitution")).toBe("Substitution!A1:C1371 (table)");
  // Blank parameter fields show what the sample's Options say.
  expect(await page.locator("#p-budget").getAttribute("placeholder")).toMatch(/^[\d,]+ from Options$/);
  expect(await page.locator("#p-timeLimit").getAttribute("placeholder")).toBe("10 from Options");
  expect(await page.locator("#p-maxProducts").getAttribute("placeholder")).toBe("no limit");
  // A second click must not touch the user's (now existing) sheets.
  await page.click("#sample");
  expect(await waitForText("#run-message", /not inserted/)).toContain("sheet Products");
});

test("Optimize asks before writing over a cell it did not write, and keeps it when told to", async () => {
  await fake("setValues", "Assort plan", "A5", [["my note"]]);
  // 4 s: at 2 s the search can be cut before the plan spends 99% of the budget, and the next test needs it binding.
  await setField("p-timeLimit", "4");
  await page.click("#optimize");
  expect(await waitForText("#confirm-text", /Overwrite them/)).toContain("'Assort plan'!A5");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("confirm-keep");
  // The result is known before the question; nothing is on the sheet yet.
  expect(await page.locator("#result").isVisible()).toBe(true);
  await page.click("#confirm-keep");
  expect(await waitForText("#run-message", /not written/)).toContain("your cells were kept");
  expect(await fake("values", "Assort plan", "A5")).toEqual([["my note"]]);
  expect(await fake("table", "AssortPlan")).toBeNull();
});

test("Optimize runs in the Web Worker and writes the plan table, summary, stamp and long-tail chart", async () => {
  await page.click("#optimize");
  // Progress while it runs: stage, share and time left, with Cancel enabled.
  expect(await waitForText("#stage", /%, (search: at most|about|final evaluation)/)).toMatch(/^[A-Z][^:]+: \d+%, /);
  expect(await page.locator("#cancel").getAttribute("disabled")).toBeNull();
  await waitForText("#confirm-text", /Overwrite them/);
  // The question's text is still there from the last test: wait for the question itself (after the valuing).
  await page.locator("#confirm-overwrite").click({ timeout: 90000 });
  const written = await waitForText("#run-message", /Plan written/);
  expect(workers.some((u) => u.startsWith(server.url) && u.endsWith(".js"))).toBe(true);

  const plan = await fake<FakeTable>("table", "AssortPlan");
  expect(written).toBe(`Plan written to ${plan.address}.`);
  // Under the figures at the top: header row, then 300 products.
  const m = /^'Assort plan'!A(\d+):([A-Z]+)(\d+)$/.exec(plan.address) as RegExpExecArray;
  const top = Number(m[1]);
  expect(Number(m[3]) - top).toBe(300);
  expect(top).toBeGreaterThan(4);
  const header = plan.values[0] as string[];
  expect(header).toEqual(OWN_HEADERS.filter((h) => h !== "Current units"));
  const col = (h: string) => header.indexOf(h);
  const body = plan.values.slice(1);
  expect(body.map((r) => r[0])).toEqual(SAMPLE.products.map((_, k) => k + 1));
  expect(new Set(body.map((r) => r[1]))).toEqual(new Set(SAMPLE.products.map((p) => p.id)));
  const demand = body.map((r) => r[col("First-choice demand")] as number);
  for (let k = 1; k < demand.length; k++) expect(demand[k]).toBeLessThanOrEqual(demand[k - 1]);
  body.forEach((r, k) => {
    const units = r[col("Units")] as number;
    expect(Number.isInteger(units)).toBe(true);
    expect(r[col("Action")]).toBe(units > 0 ? "Carry" : "Not carried");
    expect(typeof r[col("Reason")]).toBe("string");
    // Buy value is the formula Units × Cost of its own row.
    const row = top + 1 + k;
    expect(r[col("Buy value")]).toBe(`=${letterOf(col("Units"))}${row}*${letterOf(col("Cost"))}${row}`);
  });
  expect(plan.numberFormat[0][col("Units")]).toBe("#,##0");
  expect(plan.numberFormat[0][col("Stock-out risk")]).toBe("0%");
  expect(plan.numberFormat[0][col("Buy value")]).toBe("#,##0.00");
  const carried = body.filter((r) => r[col("Action")] === "Carry").length;
  expect(carried).toBeGreaterThan(50);
  expect(carried).toBeLessThan(300);
  const droppedRow = top + 1 + body.findIndex((r) => r[col("Action")] === "Not carried");
  const carriedRow = top + 1 + body.findIndex((r) => r[col("Action")] === "Carry");
  expect((await fake<{ color: string }>("cell", "Assort plan", `B${droppedRow}`)).color).toBe(DROPPED_COLOR);
  expect((await fake<{ color: string | null }>("cell", "Assort plan", `B${carriedRow}`)).color).toBeNull();
  const layout = await fake<{
    frozen: string;
    printTitleRows: string;
    orientation: string;
    conditionalFormats: { address: string; type: string }[];
  }>("layout", "Assort plan");
  expect(layout.frozen).toBe(`'Assort plan'!A1:C${top}`);
  expect(layout.printTitleRows).toBe(`$${top}:$${top}`);
  expect(layout.orientation).toBe("Landscape");
  expect(layout.conditionalFormats.map((f) => f.type)).toEqual(["DataBar", "DataBar", "ColorScale"]);

  // The figures at the top-left; the stamp to the right of everything.
  const figures = await fake<unknown[][]>("values", "Assort plan", "A4:Z5");
  const figure = (label: string) => figures[1][figures[0].indexOf(label)];
  expect(figures[0][0]).toBe("Plan figures");
  const profit = figure("Expected profit") as number;
  expect(profit).toBeGreaterThan(0);
  expect(figure("Products carried")).toBe(
    `=COUNTIF(${letterOf(col("Units"))}${top + 1}:${letterOf(col("Units"))}${top + 300},">0")`,
  );
  expect(figure("% of bound") as number).toBeLessThanOrEqual(1);
  const side = await fake<unknown[][]>("values", "Assort plan", "A1:AZ20");
  const at = (label: string) => {
    for (const r of side) {
      const k = r.indexOf(label);
      if (k > 0) return [label, r[k + 1]];
    }
    return undefined;
  };
  expect(at("Products range")?.[1]).toBe("Products!A1:F301");
  expect(at("Substitution range")?.[1]).toBe("Substitution!A1:C1371");
  expect(at("Options range")?.[1]).toBe("Options!A1:C7");
  expect(at("Pane settings")?.[1]).toBe("time limit 4");
  expect(at("Method")?.[1]).toBe("auto");
  expect(at("Assort version")?.[1]).toBe(VERSION);
  expect(String(at("Run at")?.[1])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  expect((await fake<{ numberFormat: string }>("cell", "Assort plan", "D5")).numberFormat).toBe("#,##0.00");

  const charts = await fake<{ name: string; type: string; source: string; seriesBy: string; title: string }[]>(
    "charts",
    "Assort plan",
  );
  const demandLetter = letterOf(col("First-choice demand"));
  expect(charts).toEqual([
    expect.objectContaining({
      name: "AssortLongTail",
      type: "Line",
      source: `'Assort plan'!${demandLetter}${top}:${letterOf(col("Expected sales"))}${top + 300}`,
      seriesBy: "Columns",
    }),
  ]);
  expect(charts[0].title).toMatch(/long tail/i);

  // The pane's summary agrees with the sheet.
  const summary = await text("#summary");
  expect(summary).toContain(`${profit.toLocaleString("en-US", { maximumFractionDigits: 0 })} ±`);
  expect(summary).toContain(`${carried} carried, ${300 - carried} dropped`);
  expect(summary).toMatch(/Upper bound\s+[\d,]+\s+fluid LP bound with the budget/);
  expect(summary).toMatch(/Budget used\s+[\d,]+ of [\d,]+/);
  // The budget binds: what 10% more is worth, re-optimised in the worker, in the summary and the Rules block.
  const rules = side.findIndex((r) => r[0] === "Rules");
  expect(rules).toBeGreaterThan(0);
  const ruleHeader = side[rules];
  const budgetRow = side.find((r) => r[0] === "Budget") as unknown[];
  expect(budgetRow[ruleHeader.indexOf("Status")]).toBe("binding");
  const relaxedTo = budgetRow[ruleHeader.indexOf("Relaxed to")] as number;
  expect(relaxedTo).toBeCloseTo(1.1 * (budgetRow[ruleHeader.indexOf("Limit")] as number), 6);
  const gained = budgetRow[ruleHeader.indexOf("Profit gained")] as number;
  const n0 = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
  expect(summary).toContain(`Budget → ${n0(relaxedTo)}`);
  expect(summary).toContain(`${gained >= 0 ? "+" : "−"}${n0(Math.abs(gained))} ±`);

  // The setup and the plan are kept in the workbook for a colleague.
  const settings = await fake<Record<string, string>>("settings");
  expect(JSON.parse(settings["assort.setup"]).parameters.timeLimit).toBe("4");
  const scenarios = JSON.parse(settings["assort.scenarios"]) as { name: string; carried: number }[];
  expect(scenarios.map((s) => s.name)).toEqual(["Current plan", "Previous run"]);
  expect(scenarios[0].carried).toBe(carried);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "taskpane-plan.png"), fullPage: true });
});

test("a re-run replaces only its own cells, without asking, and the two plans are compared", async () => {
  const before = await fake<FakeTable>("table", "AssortPlan");
  // Row 3 is left empty by the layout (between the headline and the figures).
  await fake("setValues", "Assort plan", "A3", [["keep me"]]);
  await page.locator("#p-method").click();
  await page.locator("#p-method fluent-option[value=fluid]").click();
  await page.click("#optimize");
  expect(await waitForText("#run-message", /Plan written/)).toBe(`Plan written to ${before.address}.`);
  expect(await page.locator("#confirm").isVisible()).toBe(false);
  expect(await fake("values", "Assort plan", "A3")).toEqual([["keep me"]]);
  const after = await fake<FakeTable>("table", "AssortPlan");
  expect(after.values.length).toBe(before.values.length);
  expect(await fake("charts", "Assort plan")).toHaveLength(1);
  const side = await fake<unknown[][]>("values", "Assort plan", "A1:AZ20");
  const method = side.map((r) => r[r.indexOf("Method") + 1]).find((v, k) => side[k].includes("Method"));
  expect(method).toBe("fluid");
  // Plan A is the previous run (auto), plan B the current one (fluid), side by side.
  const kept = JSON.parse((await fake<Record<string, string>>("settings"))["assort.scenarios"]) as {
    name: string;
    profit: number;
    carried: number;
  }[];
  const [current, previous] = kept;
  const n0 = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
  const profitRow = (await text("#compare-table")).split("\n").find((l) => l.startsWith("Expected profit")) ?? "";
  expect(profitRow).toContain(n0(previous.profit));
  expect(profitRow).toContain(n0(current.profit));
  const changed = await text("#changes");
  expect(changed).toMatch(/^\d+ products changed:/);
  if (current.carried !== previous.carried) expect(changed).toMatch(/Added in B|Dropped in B/);
  await setField("scenario-name", "Fluid plan");
  await page.click("#keep");
  expect(await waitForText("#run-message", /Kept/)).toBe("Kept the current plan as 'Fluid plan'.");
  const names = (
    JSON.parse((await fake<Record<string, string>>("settings"))["assort.scenarios"]) as { name: string }[]
  ).map((s) => s.name);
  expect(names).toEqual(["Current plan", "Previous run", "Fluid plan"]);
  // The kept plan is offered as plan A against the current one: the same plan, so nothing changed.
  expect(await page.locator("#compare-a").evaluate((el) => (el as HTMLSelectElement).value)).toBe("Fluid plan");
  expect(await text("#changes")).toBe("The same products and units in both plans.");
  await page.screenshot({ path: join(ARTIFACTS, "taskpane-compare.png"), fullPage: true });
});

test("Cancel stops a long run at once and writes nothing", async () => {
  const before = await fake<FakeTable>("table", "AssortPlan");
  await page.locator("#p-method").click();
  await page.locator("#p-method fluent-option[value=auto]").click();
  await setField("p-timeLimit", "120");
  await page.click("#optimize");
  await waitForText("#stage", /%/);
  await page.locator("#run-heading").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "taskpane-progress.png") });
  // The page stays responsive while the worker computes.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  const clicked = Date.now();
  await page.click("#cancel");
  expect(await waitForText("#run-message", /Cancelled/, 5000)).toBe("Cancelled. Nothing was written.");
  expect(Date.now() - clicked).toBeLessThan(3000);
  expect(await page.locator("#optimize").getAttribute("disabled")).toBeNull();
  expect((await fake<FakeTable>("table", "AssortPlan")).values).toEqual(before.values);
});

test("Use selection makes the selected range an input, saved in the workbook", async () => {
  await fake("setValues", "Sheet1", "B2:C4", [
    ["Name", "Value"],
    ["seed", 5],
    ["time limit", 3],
  ]);
  await fake("select", "Sheet1", "B2:C4");
  await page.click("#use-options");
  expect(await waitForText("#address-options", /chosen/)).toBe("Sheet1!B2:C4 (chosen)");
  expect(await text("#check-summary")).toMatch(/Ready/);
  expect(JSON.parse((await fake<Record<string, string>>("settings"))["assort.setup"]).inputs).toEqual({
    options: "Sheet1!B2:C4",
  });
  expect(await page.locator("#forget-options").isVisible()).toBe(true);
  expect(await page.locator("#forget-products").isVisible()).toBe(false);
});

test("Forget drops a chosen range and the named table is found again", async () => {
  await fake("select", "Sheet1", "B3:C4");
  await page.click("#use-options");
  expect(await waitForText("#address-options", /B3:C4/)).toBe("Sheet1!B3:C4 (chosen)");
  await page.click("#forget-options");
  expect(await waitForText("#address-options", /table/)).toBe("Options!A1:C7 (table)");
  expect(JSON.parse((await fake<Record<string, string>>("settings"))["assort.setup"]).inputs).toEqual({});
  await fake("select", "Sheet1", "B2:C4");
  await page.click("#use-options");
  await waitForText("#address-options", /B2:C4/);
});

test("Substitution from a model: an MNL range converted, written to its own sheet and used as Substitution", async () => {
  const [a, b, c] = SAMPLE.products.map((p) => p.id);
  await fake("setValues", "Model", "A1:B5", [
    ["Product", "Weight"],
    [a, 3],
    [b, 2],
    [c, 1],
    ["No purchase", 4],
  ]);
  await fake("select", "Model", "A1:B5");
  await page.click("#use-model");
  await page.waitForFunction(() => /A1:B5/.test((document.querySelector("#model-address") as HTMLInputElement).value));
  await page.click("#convert-model");
  const said = await waitForText("#model-message", /links written/);
  const list = await fake<FakeTable>("table", "AssortSubstitution");
  expect(said).toBe(
    `${(list.values.length - 1).toLocaleString("en-US")} links written to ${list.address}; Substitution now uses it.`,
  );
  expect(list.values[0]).toEqual(["From", "To", "Probability"]);
  // The exact MNL chain: a → b with v_b / (v_0 + Σv − v_a).
  const ab = list.values.find((r) => r[0] === a && r[1] === b) as unknown[];
  expect(ab[2] as number).toBeCloseTo(2 / (10 - 3), 12);
  expect(await waitForText("#address-substitution", /chosen/)).toBe(`${list.address} (chosen)`);
  expect(await text("#model-result")).toMatch(/Route\s+exact[\s\S]*Verdict/);
  expect((await fake<Record<string, string>>("settings"))["assort.modelRange"]).toBe("Model!A1:B5");
  // Back to the Substitution table for the tests that follow.
  await page.click("#forget-substitution");
  await waitForText("#address-substitution", /table/);
});

test("a colleague opening the saved workbook gets the same inputs and parameters", async () => {
  const settings = await fake<Record<string, string>>("settings");
  const products = (await fake<FakeTable>("table", "Products")).values;
  const options = await fake<unknown[][]>("values", "Sheet1", "B2:C4");
  const other = await browser.newPage({ viewport: { width: 320, height: 900 } });
  try {
    await other.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.request().url().startsWith("https://appsforoffice.microsoft.com/")
        ? route.fulfill({ status: 200, body: "" })
        : route.abort(),
    );
    // Plain ranges this time (no tables): only the saved address can find Options.
    const sheet1 = [[], ["", ...options[0]], ["", ...options[1]], ["", ...options[2]]];
    // The colleague's copy keeps its products as a plain range at an address saved by the first user.
    const setup = JSON.parse(settings["assort.setup"]);
    setup.inputs.products = "Data!A1:F301";
    const shared = { ...settings, "assort.setup": JSON.stringify(setup) };
    await other.addInitScript((seed) => ((window as unknown as { __fakeExcelSeed: unknown }).__fakeExcelSeed = seed), {
      sheets: { Data: products, Sheet1: sheet1 },
      settings: shared,
    });
    await other.addInitScript({ path: join(__dirname, "fakeOffice.js") });
    await other.goto(server.url + "taskpane.html");
    await other.waitForFunction(() => /chosen/.test(document.querySelector("#address-options")?.textContent ?? ""));
    expect(await other.locator("#address-options").innerText()).toBe("Sheet1!B2:C4 (chosen)");
    expect(await other.locator("#address-products").innerText()).toBe("Data!A1:F301 (chosen)");
    await other.waitForFunction(() => /Ready/.test(document.querySelector("#check-summary")?.textContent ?? ""));
    expect(await other.locator("#check-summary").innerText()).toBe(
      "300 products, 0 substitution links. Ready to optimize.",
    );
    expect(await other.locator("#p-timeLimit").evaluate((el) => (el as HTMLInputElement).value)).toBe("120");
    expect(await other.locator("#p-method").evaluate((el) => (el as HTMLSelectElement).value)).toBe("auto");
    // Kept plans travel with the file too.
    await other.waitForFunction(() => !(document.querySelector("#compare") as HTMLElement).hidden);
    expect(await other.locator("#compare-a").evaluate((el) => (el as HTMLSelectElement).value)).toBe("Previous run");
  } finally {
    await other.close();
  }
});

test("a problem in the inputs is listed with its cell, and clicking it selects that cell", async () => {
  await fake("setValues", "Products", "C5", [["abc"]]);
  await page.click("#recheck");
  const problems = await waitForText("#problems", /not a number/);
  expect(problems).toContain("Products row 5");
  expect(await text("#check-summary")).toMatch(/1 problem to fix/);
  await page.locator("#problems fluent-anchor").first().click();
  await page.waitForFunction(
    () => (window as unknown as { __fakeExcel: { selection(): string } }).__fakeExcel.selection() === "Products!C5",
  );
  expect(pageErrors).toEqual([]);
});

test("Cores: all but one by default, saying what that means here; One is kept on this computer, not in the workbook", async () => {
  const value = () => page.locator("#cores").evaluate((e) => (e as HTMLElement & { value: string }).value);
  expect(await value()).toBe("all");
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = Math.max(1, Math.min(8, cores - 1));
  expect(await text("#cores-help")).toContain(
    `This computer has ${cores} cores: "All but one" runs the passes on ${workers} season worker`,
  );
  const choose = (v: string) =>
    page.evaluate((x) => {
      const el = document.getElementById("cores") as HTMLElement & { value: string };
      el.value = x;
      el.dispatchEvent(new Event("change"));
    }, v);
  const workbookSettings = () => fake<Record<string, unknown>>("settings");
  const before = await workbookSettings();
  await choose("one");
  expect(await page.evaluate(() => localStorage.getItem("assort.cores"))).toBe("one");
  expect(await text("#cores-help")).toMatch(/"One" keeps the whole run on one/);
  expect(await workbookSettings()).toEqual(before); // nothing written into the workbook
  await choose("all");
  expect(await page.evaluate(() => localStorage.getItem("assort.cores"))).toBe("all");
  expect(pageErrors).toEqual([]);
});

test("opened outside Excel (office.js unreachable), the pane says so instead of failing", async () => {
  const other = await browser.newPage({ viewport: { width: 320, height: 600 } });
  try {
    await other.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    await other.goto(server.url + "taskpane.html");
    await other.waitForFunction(() => (document.querySelector("#host-status")?.textContent ?? "") !== "");
    expect(await other.locator("#host-status").innerText()).toBe(
      "Office.js did not load: open Assort from Excel (Home > Assort), online.",
    );
  } finally {
    await other.close();
  }
});

describe("the pane in Office's themes, at Excel's width, re-reading only what it must", () => {
  /** A fresh pane in a workbook with the sample data, under the given Office theme. */
  async function openPane(theme: Record<string, unknown> | undefined, width = 350): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: 900 } });
    await p.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.request().url().startsWith("https://appsforoffice.microsoft.com/")
        ? route.fulfill({ status: 200, contentType: "application/javascript", body: "" })
        : route.abort(),
    );
    await p.addInitScript((seed) => ((window as unknown as { __fakeExcelSeed: unknown }).__fakeExcelSeed = seed), {
      theme,
    });
    await p.addInitScript({ path: join(__dirname, "fakeOffice.js") });
    await p.goto(server.url + "taskpane.html");
    await p.waitForFunction(() => /No Products found/.test(document.querySelector("#problems")?.textContent ?? ""));
    await p.click("#sample");
    await p.waitForFunction(() => /Ready/.test(document.querySelector("#check-summary")?.textContent ?? ""));
    return p;
  }

  /** Colours as the user sees them: the page background and the text colour of an element, with their contrast. */
  function colours(p: Page, selector: string) {
    return p.evaluate((sel) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const bg = rgb(getComputedStyle(document.body).backgroundColor);
      const fg = rgb(getComputedStyle(document.querySelector(sel) as Element).color);
      const [hi, lo] = [lum(bg), lum(fg)].sort((a, b) => b - a);
      return { background: lum(bg), contrast: (hi + 0.05) / (lo + 0.05) };
    }, selector);
  }

  async function screenshot(p: Page, name: string): Promise<void> {
    // docs/ keeps the committed screenshots; refresh them with ASSORT_UPDATE_SCREENSHOTS=1.
    const dir = process.env.ASSORT_UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs") : ARTIFACTS;
    mkdirSync(dir, { recursive: true });
    await p.screenshot({ path: join(dir, name) });
  }

  async function planOnce(p: Page): Promise<void> {
    await p.locator("#p-method").click();
    await p.locator("#p-method fluent-option[value=fluid]").click();
    await p.click("#optimize");
    await p.waitForFunction(
      () => /Plan written/.test(document.querySelector("#run-message")?.textContent ?? ""),
      null,
      {
        timeout: 60000,
      },
    );
  }

  test("with a dark Office theme the pane is dark and its text meets WCAG AA contrast (4.5:1)", async () => {
    const dark = await openPane({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#363636",
      controlForegroundColor: "#FFFFFF",
      isDarkTheme: true,
    });
    try {
      const main = await colours(dark, "#check-summary");
      expect(main.background).toBeLessThan(0.05);
      expect(main.contrast).toBeGreaterThanOrEqual(4.5);
      for (const sel of ["#run-heading", "#inputs-heading button", ".help", "#address-products"])
        expect([sel, (await colours(dark, sel)).contrast >= 4.5]).toEqual([sel, true]);
      await planOnce(dark);
      expect((await colours(dark, "#summary dt")).contrast).toBeGreaterThanOrEqual(4.5);
      await screenshot(dark, "pane-dark.png");
    } finally {
      await dark.close();
    }
  });

  test("light and colourful themes stay light and readable; without a theme the Fluent light look is kept", async () => {
    for (const theme of [
      { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF" },
      { bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF" },
      undefined,
    ]) {
      const p = await openPane(theme);
      try {
        const main = await colours(p, "#check-summary");
        // The pane's background is the theme's own (luminance 1 for FFFFFF, 0.896 for F3F3F3), else Fluent's light.
        if (theme) expect(main.background).toBeCloseTo(theme.bodyBackgroundColor === "#F3F3F3" ? 0.896 : 1, 2);
        else expect(main.background).toBeGreaterThan(0.9);
        expect(main.contrast).toBeGreaterThanOrEqual(4.5);
        if (theme?.bodyBackgroundColor === "#FFFFFF") {
          await planOnce(p);
          await screenshot(p, "pane-light.png");
        }
      } finally {
        await p.close();
      }
    }
  });

  test("Optimize and the run come first, at the pane's full width; inputs and parameters fold away", async () => {
    const p = await openPane(undefined, 350);
    try {
      const top = async (sel: string) => (await p.locator(sel).boundingBox())?.y ?? Infinity;
      expect(await top("#optimize")).toBeLessThan(120);
      expect(await top("#optimize")).toBeLessThan(await top("#inputs-heading"));
      expect(await top("#inputs-heading")).toBeLessThan(await top("#parameters-heading"));
      const width = await p.evaluate(
        () => (document.querySelector("#app") as HTMLElement).getBoundingClientRect().width,
      );
      expect(width).toBe(350);
      // The run bar stays in view when the pane scrolls.
      await p.locator("#p-timeLimit").scrollIntoViewIfNeeded();
      expect(await top("#optimize")).toBeLessThan(60);
      expect(await top("#optimize")).toBeGreaterThanOrEqual(0);
      // Folding Parameters hides its fields; unfolding brings them back.
      const fold = p.locator("#parameters-heading button");
      expect(await fold.getAttribute("aria-expanded")).toBe("true");
      await fold.click();
      expect(await fold.getAttribute("aria-expanded")).toBe("false");
      expect(await p.locator("#p-budget").isVisible()).toBe(false);
      await fold.press("Enter");
      expect(await p.locator("#p-budget").isVisible()).toBe(true);
    } finally {
      await p.close();
    }
  });

  test("an edit re-reads the inputs only if it touches them, and only while the pane is shown", async () => {
    const p = await openPane(undefined);
    const call = <T>(fn: string, ...args: unknown[]) =>
      p.evaluate(
        ([f, a]) =>
          (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel[f as string](
            ...(a as unknown[]),
          ),
        [fn, args] as const,
      ) as Promise<T>;
    const settle = () => p.waitForTimeout(2500); // past the 1.5 s the pane waits for a burst of edits to end
    try {
      await settle();
      const before = await call<number>("reads");
      await call("setValues", "Sheet1", "Z50", [["a note far from the inputs"]]);
      await settle();
      expect(await call<number>("reads")).toBe(before); // no re-read of the inputs
      await call("setValues", "Products", "C5", [["abc"]]);
      await p.waitForFunction(() => /not a number/.test(document.querySelector("#problems")?.textContent ?? ""));
      expect(await call<number>("reads")).toBeGreaterThan(before);
      // Hidden: an edit to the inputs waits until the pane is shown again.
      await call("setVisibility", "Hidden");
      const hidden = await call<number>("reads");
      await call("setValues", "Products", "C5", [[25]]);
      await settle();
      expect(await call<number>("reads")).toBe(hidden);
      expect(await p.locator("#check-summary").innerText()).toMatch(/1 problem to fix/);
      await call("setVisibility", "Taskpane");
      await p.waitForFunction(() => /Ready/.test(document.querySelector("#check-summary")?.textContent ?? ""));
      expect(await call<number>("reads")).toBeGreaterThan(hidden);
    } finally {
      await p.close();
    }
  });
});

describe("What if: a sweep in the worker, its curve, a point's plan to the plan sheet, the curve to a sheet", () => {
  // The 10-product example, as plain ranges at saved addresses; the fluid method keeps each point instant.
  const small = JSON.parse(readFileSync(join(ROOT, "examples", "small.json"), "utf8")) as {
    products: { id: string; name: string; price: number; cost: number; salvage: number; demand: number }[];
    substitution: { from: string; to: string; probability: number }[];
  };
  const products = [
    ["Product", "Name", "Price", "Cost", "Salvage", "Demand"],
    ...small.products.map((q) => [q.id, q.name, q.price, q.cost, q.salvage, q.demand]),
  ];
  const links = [["From", "To", "Probability"], ...small.substitution.map((s) => [s.from, s.to, s.probability])];
  const BUDGETS = [3000, 4500, 6000, 7500, 9000];
  let p: Page;
  const call = <T>(fn: string, ...args: unknown[]) =>
    p.evaluate(
      ([f, a]) =>
        (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel[f as string](
          ...(a as unknown[]),
        ),
      [fn, args] as const,
    ) as Promise<T>;
  const waitFor = async (selector: string, pattern: RegExp, timeout = 60000) => {
    await p.waitForFunction(
      ([s, re]) => new RegExp(re as string).test(document.querySelector(s as string)?.textContent ?? ""),
      [selector, pattern.source],
      { timeout },
    );
    return p.locator(selector).innerText();
  };
  const fill = async (id: string, value: string) => {
    await p.fill(`#${id} input`, value);
    await p.locator(`#${id} input`).press("Tab");
  };

  beforeAll(async () => {
    if (!browser) return;
    p = await browser.newPage({ viewport: { width: 350, height: 1200 } });
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.request().url().startsWith("https://appsforoffice.microsoft.com/")
        ? route.fulfill({ status: 200, contentType: "application/javascript", body: "" })
        : route.abort(),
    );
    const setup = {
      inputs: { products: `Data!A1:F${products.length}`, substitution: `Links!A1:C${links.length}` },
      parameters: { customers: "", budget: "", maxProducts: "", method: "fluid", seed: "3", timeLimit: "" },
    };
    await p.addInitScript((seed) => ((window as unknown as { __fakeExcelSeed: unknown }).__fakeExcelSeed = seed), {
      sheets: { Data: products, Links: links },
      settings: { "assort.setup": JSON.stringify(setup) },
    });
    await p.addInitScript({ path: join(__dirname, "fakeOffice.js") });
    await p.goto(server.url + "taskpane.html");
    await waitFor("#check-summary", /Ready/);
  }, 60000);

  afterAll(async () => {
    await p?.close();
  });

  test("bad ranges are refused with a sentence naming the field, before anything runs", async () => {
    for (const [from, to, points, said] of [
      ["7000", "1000", "", /From \(7,000\) is above To \(1,000\)/],
      ["-5", "1000", "", /From: a budget cannot be negative/],
      ["lots", "1000", "", /From: 'lots' is not a number/],
      ["1000", "7000", "500", /Points: '500' is not a number of points; give a whole number from 2 to 50/],
      ["1000", "7000", "1", /from 2 to 50/],
    ] as const) {
      await fill("w-from", from);
      await fill("w-to", to);
      await fill("w-points", points);
      await p.click("#w-run");
      expect(await waitFor("#w-message", said, 5000)).toMatch(said);
      expect(await p.locator("#w-result").isVisible()).toBe(false);
    }
  });

  test("a 5-point budget sweep runs in the worker and draws the curve: one band, axis labels, a table", async () => {
    await fill("w-from", "3,000");
    await fill("w-to", "9000");
    await fill("w-points", "5");
    await p.click("#w-run");
    expect(await waitFor("#w-message", /5 points: expected profit/)).toMatch(/Click a point/);
    const svg = p.locator("#w-chart svg");
    expect(await svg.getAttribute("role")).toBe("img");
    expect(await p.locator("#w-chart svg title").textContent()).toBe("Expected profit against budget");
    expect(await p.locator("#w-chart svg desc").textContent()).toMatch(/95% interval as a band/);
    expect(await p.locator("#w-chart path.band").count()).toBe(1);
    expect(await p.locator("#w-chart path.bound").count()).toBe(1);
    expect(await p.locator("#w-chart circle.point").count()).toBe(5);
    expect(await p.locator("#w-chart text.axis-label").allTextContents()).toEqual(["Budget", "Expected profit"]);
    const rows = await p.locator("#w-table tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t")[0])).toEqual(BUDGETS.map((b) => b.toLocaleString("en-US")));
    // More budget never earns less (past the unconstrained buy the plan stays the same).
    const profits = rows.map((r) => Number(r.split("\t")[1].replace(/,/g, "")));
    for (let k = 1; k < profits.length; k++) expect(profits[k]).toBeGreaterThanOrEqual(profits[k - 1]);
    expect(profits[4]).toBeGreaterThan(profits[0]);
    const dir = process.env.ASSORT_UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs") : ARTIFACTS;
    mkdirSync(dir, { recursive: true });
    await p.locator("#whatif").screenshot({ path: join(dir, "what-if.png") });
  });

  test("the curve goes to the Assort scenarios sheet with a native line chart", async () => {
    await p.click("#w-write");
    expect(await waitFor("#w-message", /curve was written/)).toBe(
      "The curve was written to 'Assort scenarios'!A1:L6, with a line chart beside it.",
    );
    const table = await call<unknown[][]>("values", "Assort scenarios", "A1:E6");
    expect(table[0]).toEqual(["Budget", "Expected profit", "Profit low 95%", "Profit high 95%", "Upper bound"]);
    expect(table.slice(1).map((r) => r[0])).toEqual(BUDGETS);
    const shown = (await p.locator("#w-table tbody tr").allInnerTexts()).map((r) => r.split("\t")[1]);
    expect(table.slice(1).map((r) => Math.round(r[1] as number).toLocaleString("en-US"))).toEqual(
      shown.map((s) => Math.round(Number(s.replace(/,/g, ""))).toLocaleString("en-US")),
    );
    const plans = await call<unknown[][]>("values", "Assort scenarios", "A8:F18");
    expect(plans[0]).toEqual(["Product", ...BUDGETS.map((b) => `Budget ${b}`)]);
    expect(plans.slice(1).map((r) => r[0])).toEqual(small.products.map((q) => q.id));
    const charts = await call<
      { name: string; type: string; source: string; categories: string; axisTitles: string[] }[]
    >("charts", "Assort scenarios");
    expect(charts).toEqual([
      expect.objectContaining({
        name: "AssortWhatIf",
        type: "Line",
        source: "'Assort scenarios'!B1:E6",
        categories: "'Assort scenarios'!A2:A6",
        axisTitles: ["Budget", "Profit"],
      }),
    ]);
  });

  test("clicking a point writes that point's plan to the plan sheet", async () => {
    await p.locator('#w-chart circle.point[data-point="2"]').click();
    expect(await waitFor("#w-message", /^The plan at/)).toMatch(
      /^The plan at Budget 6,000 was written to 'Assort plan'!/,
    );
    const plan = await call<FakeTable>("table", "AssortPlan");
    const header = plan.values[0] as string[];
    const units = new Map(plan.values.slice(1).map((r) => [r[header.indexOf("Product")], r[header.indexOf("Units")]]));
    const swept = await call<unknown[][]>("values", "Assort scenarios", "A9:F18");
    expect(swept.map((r) => units.get(r[0]))).toEqual(swept.map((r) => r[3]));
    const spend = small.products.reduce((s, q) => s + q.cost * (units.get(q.id) as number), 0);
    expect(spend).toBeLessThanOrEqual(6000 + 1e-6);
    // Its row's button writes the same way, by keyboard too.
    await p.locator('#w-table button[data-point="0"]').press("Enter");
    expect(await waitFor("#w-message", /Budget 3,000 was written/)).toMatch(/'Assort plan'!/);
  });

  test("Cancel mid-sweep stops it and writes nothing", async () => {
    const plan = (await call<FakeTable>("table", "AssortPlan")).values;
    const scenarios = await call<unknown[][]>("values", "Assort scenarios", "A1:L20");
    await p.locator("#p-method").click();
    await p.locator("#p-method fluent-option[value=auto]").click();
    await fill("p-timeLimit", "60");
    await fill("w-points", "20");
    await p.click("#w-run");
    await waitFor("#w-stage", /Solving budget = \d+: \d+%/);
    expect(await p.locator("#optimize").getAttribute("disabled")).not.toBeNull();
    await p.click("#w-cancel");
    expect(await waitFor("#w-message", /Cancelled/, 10000)).toBe("Cancelled. Nothing was written.");
    expect(await p.locator("#w-run").getAttribute("disabled")).toBeNull();
    expect(await p.locator("#optimize").getAttribute("disabled")).toBeNull();
    expect((await call<FakeTable>("table", "AssortPlan")).values).toEqual(plan);
    expect(await call<unknown[][]>("values", "Assort scenarios", "A1:L20")).toEqual(scenarios);
    expect(pageErrors).toEqual([]);
  });
});

describe("season workers in the browser: the engine worker's nested Web Workers", () => {
  // The built engine worker, run in a page of its own with jobs posted straight to it, as the engine client
  // posts them: the same seed must give byte-identical results on 0, 1, 2 or 4 season workers.
  const model = validateInstance(generateInstance({ n: 60, totalDemand: 900, seed: 3, substitutes: 6 }).instance);
  // Typed arrays cross page.evaluate as tagged plain arrays and are rebuilt in the page.
  const tagged = JSON.stringify(model, (_, v: unknown) =>
    ArrayBuffer.isView(v) ? { __typed: v.constructor.name, values: Array.from(v as unknown as ArrayLike<number>) } : v,
  );
  let p: Page;
  const seasonWorkers: string[] = [];

  beforeAll(async () => {
    p = await browser.newPage();
    p.on("worker", (w) => seasonWorkers.push(w.url()));
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.route(`${server.url}pool.html`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>pool</title>" }),
    );
    await p.goto(server.url + "pool.html");
  });
  afterAll(async () => p?.close());

  const run = (threads: number) =>
    p.evaluate(
      async ([script, json, k]) => {
        const types = globalThis as unknown as Record<string, new (a: number[]) => unknown>;
        const m = JSON.parse(json as string, (_, v) =>
          v && typeof v === "object" && "__typed" in v ? new types[v.__typed](v.values) : v,
        );
        const w = new Worker(script as string);
        const t = Date.now();
        const out = await new Promise<{ type: string; result?: unknown; failure?: unknown }>((resolve) => {
          w.onmessage = (ev) => {
            if (ev.data.type !== "progress") resolve(ev.data);
          };
          w.postMessage({
            type: "run",
            id: 1,
            job: { kind: "optimize", model: m, options: { method: "auto", seed: 9, timeLimitMs: 600000 } },
            threads: k,
          });
        });
        w.terminate();
        if (out.type !== "done") return { text: JSON.stringify(out.failure), ms: Date.now() - t };
        const r = out.result as Record<string, unknown> & { units: Int32Array };
        const text = JSON.stringify([Array.from(r.units), r.evaluation, r.bound, r.warnings, r.stoppedEarly]);
        return { text, ms: Date.now() - t };
      },
      [server.url + readdirSync(out).find((f) => /^engine-worker\..*\.js$/.test(f)), tagged, threads] as const,
    );

  test("the same plan, evaluation and ceiling, byte for byte, on 0, 1, 2 or 4 season workers", async () => {
    const alone = await run(0);
    expect(alone.text).toMatch(/^\[\[/); // a plan, not a failure
    expect(seasonWorkers.filter((u) => /season-worker/.test(u))).toHaveLength(0);
    for (const k of [1, 2, 4]) {
      const before = seasonWorkers.filter((u) => /season-worker/.test(u)).length;
      const r = await run(k);
      expect(r.text).toBe(alone.text);
      // k for the passes and one for the ceiling, started by the engine worker.
      expect(seasonWorkers.filter((u) => /season-worker/.test(u)).length - before).toBe(k + 1);
    }
    expect(JSON.parse(alone.text)[4]).toBe(false); // not cut by the time limit
    expect(pageErrors).toEqual([]);
  }, 600000);
});
