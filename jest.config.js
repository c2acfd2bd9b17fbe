/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: { module: "commonjs", target: "ES2020" } }],
  },
  testTimeout: 120000,
  // Two suites at a time: CI has two cores, and many suites wait on child processes (the CLI, webpack,
  // Chromium), so the second core would otherwise idle. Tests that depend on time keep wide margins.
  maxWorkers: 2,
  // One line when the browser suite is skipped for want of Chromium (test/browser/chromium.ts).
  globalSetup: "<rootDir>/test/browser/globalSetup.ts",
  // office-addin-mock loads office-addin-manifest only for an enum; the real one is ESM-only (docs/office.md §4.1).
  // The engine worker's nested season workers need webpack's `import.meta` (src/worker/startSeasonWorker.ts):
  // in Jest they run in-process (test/stubs/startSeasonWorker.ts).
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "^\\./startSeasonWorker$": "<rootDir>/test/stubs/startSeasonWorker.ts",
  },
};
