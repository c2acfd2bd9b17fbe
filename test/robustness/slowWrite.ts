// Helper of kill.test.ts (not a test): writes the file named on the command line through writeFileSafely with
// --force, one chunk every 50 ms, printing "writing" once the first chunk is down, so the test can signal it
// mid-write.

import { writeFileSafely } from "../../src/cli/safeWrite";

async function* rows(): AsyncGenerator<string> {
  for (let k = 0; k < 200; k++) {
    yield `row ${k}\n`;
    if (k === 0) process.stdout.write("writing\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

void writeFileSafely(process.argv[2], rows(), { force: true, command: "test", what: "the rows" }).then(() =>
  process.stdout.write("done\n"),
);
