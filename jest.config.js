/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: { module: "commonjs", target: "ES2020" } }],
  },
  testTimeout: 120000,
  // One line when the browser suite is skipped for want of Chromium (test/browser/chromium.ts).
  globalSetup: "<rootDir>/test/browser/globalSetup.ts",
  // office-addin-mock loads office-addin-manifest only for an enum; the real one is ESM-only (docs/office.md §4.1).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};
