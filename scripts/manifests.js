#!/usr/bin/env node
// The two manifests from one source. manifest.xml is production's; manifest.dev.xml is derived from it for
// sideloading: its own <Id>, the name "Assort (dev)" and the function namespace ASSORTDEV, so a developer's copy
// and the deployed add-in can be installed side by side without clashing. Both carry package.json's version as
// <Version> (x.y.z.0). `npm version` runs this (the "version" script) so the manifests follow every release;
// `npm run manifest:dev` rewrites them by hand; a test checks that the committed files are what this makes.
const fs = require("fs");
const path = require("path");

const PROD_ID = "5f0c8a52-3a3e-4c1e-9a63-8b6d1f1b7a10";
const DEV_ID = "fdfe4f2d-2459-4865-a98d-c84b1acd5358";

/** Four-part manifest version from a semantic version ("0.1.0" -> "0.1.0.0"; a pre-release tag is dropped). */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`package.json version '${version}' is not x.y.z`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`manifest.xml no longer contains ${from}`);
  return text.replace(from, to);
}

function withVersion(xml, version) {
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
}

/** The development manifest made from the production one. */
function devManifest(xml) {
  let out = replaceOnce(
    xml,
    "<!-- Assort add-in:",
    "<!-- GENERATED from manifest.xml by scripts/manifests.js (npm run manifest:dev): do not edit.\n     Assort (dev) add-in, for sideloading beside the deployed one:",
  );
  out = replaceOnce(out, `<Id>${PROD_ID}</Id>`, `<Id>${DEV_ID}</Id>`);
  out = replaceOnce(out, '<DisplayName DefaultValue="Assort"/>', '<DisplayName DefaultValue="Assort (dev)"/>');
  out = replaceOnce(
    out,
    '<bt:String id="Functions.Namespace" DefaultValue="ASSORT"/>',
    '<bt:String id="Functions.Namespace" DefaultValue="ASSORTDEV"/>',
  );
  out = replaceOnce(
    out,
    '<bt:String id="Group.Label" DefaultValue="Assort"/>',
    '<bt:String id="Group.Label" DefaultValue="Assort (dev)"/>',
  );
  out = replaceOnce(out, "=ASSORT.OPTIMIZE(", "=ASSORTDEV.OPTIMIZE(");
  return out;
}

function writeManifests(root, version) {
  const prodFile = path.join(root, "manifest.xml");
  const prod = withVersion(fs.readFileSync(prodFile, "utf8"), version);
  const files = { [prodFile]: prod, [path.join(root, "manifest.dev.xml")]: devManifest(prod) };
  for (const [file, text] of Object.entries(files)) {
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file); // atomic: a half-written manifest never replaces a good one
  }
  return Object.keys(files);
}

module.exports = { PROD_ID, DEV_ID, manifestVersion, devManifest, withVersion, writeManifests };

if (require.main === module) {
  const root = path.join(__dirname, "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  for (const f of writeManifests(root, version)) console.log(`wrote ${path.relative(root, f)} (version ${version})`);
}
