// The anchor of a Markdown heading, as GitHub makes it (lower case, punctuation dropped, spaces to hyphens), so
// that links like `excel.md#the-functions` work both on GitHub and in the help pages the build renders.
function slug(heading) {
  return heading
    .replace(/`/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Anchors of every heading in a Markdown text (outside code fences), with GitHub's -1, -2 for repeats. */
function anchors(markdown) {
  const seen = new Map();
  const out = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!m) continue;
    out.push(unique(slug(m[1]), seen));
  }
  return out;
}

function unique(base, seen) {
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}

module.exports = { slug, anchors, unique };
