// The add-in's version for the run stamp: package.json's, read at build time (webpack keeps only this field).

import packageJson from "../../package.json";

export const VERSION: string = packageJson.version;
