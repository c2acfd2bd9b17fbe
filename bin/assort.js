#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm run build:cli`, which `npm ci` / `npm install` run (prepare) even with
// --omit=dev: esbuild is a runtime dependency for that reason. --ignore-scripts skips it, hence the message.
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "build", "cli.js");
if (!fs.existsSync(built)) {
  console.error(
    "assort: the CLI is not built yet (build/cli.js is missing; an install with --ignore-scripts skips the build). " +
      "Run `npm run build:cli` (or `npm ci`) in " +
      path.dirname(__dirname),
  );
  process.exit(2);
}
require(built);
