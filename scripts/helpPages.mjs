// The help the add-in serves (functions' @helpurl, the manifest's SupportUrl and LearnMoreUrl): README.md,
// docs/*.md and docs/functions/*.md rendered to HTML pages under help/, with heading anchors as GitHub makes
// them and links between pages rewritten from .md to .html. Links to other files of the repository (code,
// benchmark results) are not served, so they become plain text.
import { readdirSync, readFileSync } from "fs";
import { join, posix } from "path";
import { Marked } from "marked";
import slugs from "./slug.js";

const { slug, unique } = slugs;

/** Repository path of a Markdown source -> path of its page under the output folder. */
function pageOf(repoPath) {
  if (repoPath === "README.md") return "help/readme.html";
  if (repoPath.startsWith("docs/") && repoPath.endsWith(".md")) return "help/" + repoPath.slice(5, -3) + ".html";
  return null;
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function renderOne(root, repoPath, assets) {
  const seen = new Map();
  const page = pageOf(repoPath);
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${unique(slug(text), seen)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const target = rewrite(href);
        if (target === null) return inner;
        return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${inner}</a>`;
      },
      image({ href, text }) {
        const target = rewrite(href);
        return target === null ? escapeHtml(text) : `<img src="${escapeHtml(target)}" alt="${escapeHtml(text)}">`;
      },
    },
  });
  // A link as the page must write it, or null when the target is not served.
  function rewrite(href) {
    if (/^[a-z]+:/i.test(href) || href.startsWith("#")) return href;
    const [path, hash] = href.split("#");
    const target = posix.normalize(posix.join(posix.dirname(repoPath), path));
    let out = pageOf(target);
    if (out === null && target.startsWith("docs/") && /\.(png|svg|jpe?g)$/.test(target)) {
      out = "help/" + target.slice(5);
      assets.add(target);
    }
    if (out === null) return null;
    return posix.relative(posix.dirname(page), out) + (hash ? "#" + hash : "");
  }
  const markdown = readFileSync(join(root, repoPath), "utf8");
  const title = (/^# (.*)$/m.exec(markdown)?.[1] ?? "Assort").replace(/`/g, "");
  const body = marked.parse(markdown);
  const home = posix.relative(posix.dirname(page), "help/index.html");
  return {
    file: page,
    html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Assort</title>
<style>
:root { color-scheme: light dark; }
body { font: 15px/1.5 "Segoe UI", system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; }
code, pre { font-family: Consolas, "Cascadia Mono", monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.6rem; border: 1px solid #8884; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #8886; padding: 0.25rem 0.5rem; vertical-align: top; }
img { max-width: 100%; }
nav { font-size: 0.9em; }
</style>
</head>
<body>
<nav><a href="${home}">Assort help</a></nav>
<main>
${body}</main>
</body>
</html>
`,
  };
}

/** Every help page and the images they show: [{ file, html }] and repository paths of the images. */
export function helpPages(root) {
  const sources = ["README.md"];
  for (const dir of ["docs", "docs/functions"])
    for (const f of readdirSync(join(root, dir)).sort()) if (f.endsWith(".md")) sources.push(`${dir}/${f}`);
  const assets = new Set();
  const pages = sources.map((s) => renderOne(root, s, assets));
  return { pages, assets: [...assets], sources: sources.map((s) => join(root, s)) };
}
