// The engine's pause for long loops: it yields to the host at most every `everyMs`, then asks whether to stop.

import { pacer, yieldToHost } from "../../../src/engine/simulate/host";

test("yieldToHost lets a queued timer run first", async () => {
  const order: string[] = [];
  setTimeout(() => order.push("timer"), 0);
  await yieldToHost();
  order.push("after");
  expect(order).toEqual(["timer", "after"]);
});

test("pacer returns false synchronously between yields and the stop flag after a yield", async () => {
  let stop = false;
  const pause = pacer(() => stop, 20);
  expect(pause()).toBe(false); // too soon
  await new Promise((r) => setTimeout(r, 30));
  const first = pause();
  expect(first).toBeInstanceOf(Promise);
  expect(await first).toBe(false);
  stop = true;
  expect(pause()).toBe(false); // the clock restarted at the last yield
  await new Promise((r) => setTimeout(r, 30));
  expect(await pause()).toBe(true);
});
