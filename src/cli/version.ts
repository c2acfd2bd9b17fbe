// The version shown by `assort --version`: package.json's, bundled in at build time (esbuild inlines only
// this field), so the CLI cannot drift from the package it ships in.

import { version } from "../../package.json";

export const VERSION: string = version;
