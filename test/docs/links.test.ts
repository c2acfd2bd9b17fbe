// The documentation as pages: every relative link in README.md and docs/ reaches a file of the repository, and
// every #anchor a heading of its page (GitHub's anchors, which the help pages reproduce: scripts/slug.js).

import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, relative } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { anchors } = require("../../scripts/slug.js") as { anchors: (md: string) => string[] };

const ROOT = join(__dirname, "..", "..");
/** Pages other branches write (the lead merges them); the index links them before they arrive. */
const ARRIVING = ["decisions", "report", "what-if", "optimizer", "bounds", "limits", "files"].map((p) =>
  join(ROOT, "docs", `${p}.md`),
);

const pages = [
  join(ROOT, "README.md"),
  ...["docs", "docs/functions"].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join(ROOT, d, f)),
  ),
];

/** Links outside code spans and fences. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

test("the reference lives in docs/ and the README keeps the quick start, overview and links", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(readme).toContain("npm ci && npx assort plan examples/fashion.xlsx");
  expect(readme).toContain("](docs/index.md)");
  expect(readme.length).toBeLessThan(8000);
  for (const page of ["excel", "sheet-layouts", "cli", "workbooks", "methods", "benchmarks", "model", "deploying"])
    expect(existsSync(join(ROOT, "docs", `${page}.md`)) ? page : `docs/${page}.md missing`).toBe(page);
});

test.each(pages.map((p) => [relative(ROOT, p), p]))("links in %s work", (_name, page) => {
  const markdown = readFileSync(page, "utf8");
  for (const href of linksOf(markdown)) {
    if (/^[a-z]+:/i.test(href)) continue;
    const [path, anchor] = href.split("#");
    const target = path ? join(dirname(page), decodeURIComponent(path)) : page;
    if (ARRIVING.includes(target) && !existsSync(target)) continue;
    expect(existsSync(target) ? href : `${href}: no such file`).toBe(href);
    if (anchor && target.endsWith(".md")) {
      const known = anchors(readFileSync(target, "utf8"));
      expect(known.includes(anchor) ? href : `${href}: no such heading`).toBe(href);
    }
  }
});

test("no code comment points outside the repository for the model or Office notes", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (/\.(ts|js|mjs)$/.test(e.name)) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/(\.\.\/shared|shared\/docs|(?<![/\w])(model|office)\.md)/g))
          offenders.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
  };
  for (const dir of ["src", "test", "bench", "scripts"]) walk(join(ROOT, dir));
  expect(offenders.filter((o) => !o.startsWith("test/docs/"))).toEqual([]);
});
