#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm run build:cli` (run automatically by `npm ci` / `npm install`).
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "build", "cli.js");
if (!fs.existsSync(built)) {
  console.error(
    "assort: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) in " + path.dirname(__dirname),
  );
  process.exit(2);
}
require(built);
