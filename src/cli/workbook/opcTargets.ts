// Relationship targets written as absolute part names ("/xl/tables/table1.xml"): valid OPC (ECMA-376 Part 2
// §9.3), written by openpyxl and other tools, but exceljs only follows targets relative to the part that
// holds them and fails on these with "Cannot read properties of undefined". Rewritten here, in a copy of the
// archive, to the relative form Excel itself writes.

import JSZip from "jszip";
import { posix } from "node:path";

const TARGET = /(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)(")/g;

/** The folder whose parts a .rels file's targets are relative to: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets. */
function sourceFolder(relsName: string): string {
  return posix.dirname(posix.dirname(relsName));
}

/** A relationship element that points outside the package (a hyperlink): its target is no part name. */
function isExternal(element: string): boolean {
  return /\bTargetMode="External"/.test(element);
}

/** The archive with absolute internal targets made relative, or undefined when it has none. */
export async function relativeTargets(bytes: Uint8Array, parts: readonly string[]): Promise<Uint8Array | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of parts.filter((p) => p.endsWith(".rels"))) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    const folder = sourceFolder(name);
    const fixed = xml.replace(/<Relationship\b[^>]*>/g, (element) => {
      if (isExternal(element)) return element;
      return element.replace(TARGET, (_m, before: string, target: string, after: string) => {
        const relative = posix.relative(folder === "." ? "" : folder, target.slice(1)) || target.slice(1);
        return before + relative + after;
      });
    });
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  if (!changed) return undefined;
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
