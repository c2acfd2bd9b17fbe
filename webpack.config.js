// Build of the shared-runtime add-in (docs/office.md §1.4, §1.7): taskpane.html is the one page of the runtime and
// loads both the task pane and the custom functions bundles; functions.json is generated from the JSDoc in
// src/functions/functions.ts (which also gets its CustomFunctions.associate calls from the plugin); the engine
// worker becomes its own chunk through new Worker(new URL(..., import.meta.url)); icons and the manifest are
// copied; README.md and docs/ are rendered to help/*.html (scripts/helpPages.mjs). Bundles and chunks carry a
// content hash, so a page cached by Office (custom-function files may take 24 h to refresh, docs/office.md §2.5)
// never loads a newer or older worker than its own; functions.js is also emitted under its fixed name because
// the manifest names it. Type errors are left to `npm run typecheck` so the build stays fast; ts-loader only
// transpiles.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/**
 * Finishes the generated functions.json: the help links point at the public address, and error values in the
 * input ranges reach the functions (allowErrorForDataTypeAny, which JSDoc cannot express) so a #N/A in the
 * Products range is reported with its row and column instead of Excel answering #VALUE! before calling us.
 */
class FunctionsMetadataPlugin {
  constructor(rewrite) {
    this.rewrite = rewrite;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = JSON.parse(this.rewrite(asset.source.source()));
          metadata.allowErrorForDataTypeAny = true;
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

/** Renders the help pages into the build, and rebuilds them when a page changes (dev server). */
class HelpPagesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { helpPages } = await import("./scripts/helpPages.mjs");
          const help = helpPages(__dirname);
          for (const page of help.pages) compilation.emitAsset(page.file, new sources.RawSource(page.html));
          for (const image of help.assets) {
            const file = path.join(__dirname, image);
            if (!fs.existsSync(file)) continue; // a screenshot not yet taken by the browser test
            compilation.emitAsset("help/" + image.slice("docs/".length), new sources.RawSource(fs.readFileSync(file)));
          }
          for (const source of help.sources) compilation.fileDependencies.add(source);
        },
      );
    });
  }
}

/** The functions bundle again as functions.js: the manifest's Functions.Script.Url is a fixed address. */
class FixedFunctionsNamePlugin {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FixedFunctionsNamePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FixedFunctionsNamePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const file = [...(compilation.entrypoints.get("functions")?.getEntrypointChunk().files ?? [])].find((f) =>
            f.endsWith(".js"),
          );
          // minimized: the bundle is final; without it Terser (additionalAssets) would minify the copy again.
          if (file && file !== "functions.js")
            compilation.emitAsset("functions.js", compilation.getAsset(file).source, { minimized: true });
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const production = options.mode === "production";
  // Where the built files will be served from; the manifest and help links are rewritten to it.
  const publicUrl = (process.env.ASSORT_PUBLIC_URL || DEV_URL).replace(/\/?$/, "/");
  const rewrite = (content) => content.toString().split(DEV_URL).join(publicUrl);
  const config = {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:10].js",
      chunkFilename: "[name].[contenthash:10].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsMetadataPlugin(rewrite),
      new HelpPagesPlugin(),
      new FixedFunctionsNamePlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: rewrite },
          { from: "manifest.dev.xml", to: "manifest.dev.xml", transform: rewrite },
        ],
      }),
    ],
    performance: { hints: false },
    // Every script is one of the named bundles (taskpane, functions, engine-worker, season-worker): the engine
    // code the two workers share is not split into a nameless chunk that each would have to fetch first.
    optimization: { splitChunks: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || DEV_PORT),
      static: false,
    },
  };
  // Certificates only when serving: `webpack --mode production` (env.WEBPACK_BUILD) must not touch them.
  if (!env.WEBPACK_BUILD) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
