// The engine's pause for long loops: it yields to the host at most every `everyMs`, then asks whether to stop.

import { MessageChannel } from "node:worker_threads";
import { hostYield, pacer, yieldToHost, type YieldHost } from "../../../src/engine/simulate/host";

test("yieldToHost lets what the host had queued run first", async () => {
  const order: string[] = [];
  setImmediate(() => order.push("queued"));
  await yieldToHost();
  order.push("after");
  expect(order).toEqual(["queued", "after"]);
});

test("yieldToHost gives timers their turn: a loop of yields sees a timer fire", async () => {
  let fired = false;
  setTimeout(() => (fired = true), 5);
  const started = Date.now();
  while (!fired && Date.now() - started < 2000) await yieldToHost();
  expect(fired).toBe(true);
});

test("hostYield uses setImmediate where the host has it", async () => {
  const calls: string[] = [];
  const host: YieldHost = {
    setImmediate: (cb) => {
      calls.push("immediate");
      return setImmediate(cb);
    },
  };
  await hostYield(host)();
  expect(calls).toEqual(["immediate"]);
});

test("hostYield posts to a message channel where there is no setImmediate (browsers, Web Workers)", async () => {
  const channels: MessageChannel[] = [];
  class Channel extends MessageChannel {
    constructor() {
      super();
      channels.push(this);
    }
  }
  const turn = hostYield({ MessageChannel: Channel as unknown as YieldHost["MessageChannel"] });
  const order: number[] = [];
  // Yields asked at once resolve in the order asked, each after its own message.
  await Promise.all([1, 2, 3].map((k) => turn().then(() => order.push(k))));
  expect(order).toEqual([1, 2, 3]);
  expect(channels).toHaveLength(1); // one channel for the run, not one per yield
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

test("hostYield falls back to a timer on a host with neither", async () => {
  let ticked = false;
  setTimeout(() => (ticked = true), 0);
  await hostYield({})();
  expect(ticked).toBe(true);
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
