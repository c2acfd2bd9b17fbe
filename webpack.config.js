// Placeholder build of the add-in shell; the add-in issue grows this into the shared-runtime build
// (functions.json, worker chunk, manifest copy).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (_env, options) => ({
  devtool: options.mode === "production" ? false : "source-map",
  entry: { taskpane: "./src/taskpane/taskpane.ts" },
  output: { path: path.resolve(__dirname, "dist"), clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: "ts-loader" }] },
  plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] })],
});
