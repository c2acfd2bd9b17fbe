// Entry point of the bundled CLI (build/cli.js, started by bin/assort.js): wires run() to the real process.

import { diskFiles } from "./diskFiles";
import { run } from "./run";
import { isSeasonWorker, serveSeasons, threadPool } from "./seasonThreads";

if (isSeasonWorker()) serveSeasons();
else main();

function main(): void {
  // `assort ... | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });

  run(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    ...diskFiles,
    isTTY: process.stderr.isTTY === true,
    seasonPool: (workers) => threadPool(workers),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // run() catches everything; this is the last guard against a stack trace.
      process.stderr.write(`assort: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
