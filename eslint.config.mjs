import js from "@eslint/js";
import tseslint from "typescript-eslint";

const SURFACES = ["sheet", "excel", "worker", "functions", "taskpane", "cli"];
const ENGINE_BANNED = [
  "../../*",
  ...SURFACES.map((s) => `**/${s}/**`),
  "node:*",
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "office-*",
  "exceljs",
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test/artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine depends on nothing of ours and on no platform: its files may import each other (../bound/x),
    // never a path that leaves src/engine, a surface, or a platform module.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ENGINE_BANNED }],
      "no-restricted-globals": ["error", "window", "document", "process", "require", "Office", "Excel"],
    },
  },
  {
    files: ["src/engine/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["../*", ...ENGINE_BANNED] }] },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
