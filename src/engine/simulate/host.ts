// The little the engine needs from whatever hosts it (a browser page, a Web Worker, Node): a way to let the
// host's event loop run between steps of a long computation, and a cancellation flag. Declared here rather
// than taken from DOM or Node typings, so the engine stays free of both.

declare function setTimeout(callback: () => void, ms: number): unknown;

/** The parts of a host's global scope a yield can use, the best first. */
export interface YieldHost {
  /** Node: runs after pending I/O (worker answers, signals). */
  setImmediate?: (callback: () => void) => unknown;
  /** Browsers and Web Workers: a posted message is a task of its own, after those already queued. */
  MessageChannel?: new () => {
    port1: { onmessage: ((event: unknown) => void) | null };
    port2: { postMessage(message: unknown): void };
  };
}

/**
 * A yield for this host. Not setTimeout(0) where there is better: hosts clamp it to 1 ms (Node) or 4 ms
 * (nested, in browsers), and a run yields between every two search rounds while the pass workers wait for
 * the next pass (37 yields took 40-73 ms of a 1.0-1.7 s run at N = 1,000 on Node).
 */
export function hostYield(host: YieldHost): () => Promise<void> {
  if (typeof host.setImmediate === "function") {
    const immediate = host.setImmediate;
    return () => new Promise((resolve) => void immediate(resolve));
  }
  if (typeof host.MessageChannel === "function") {
    const { port1, port2 } = new host.MessageChannel();
    const waiting: (() => void)[] = [];
    port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        port2.postMessage(0);
      });
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

let hostTurn: (() => Promise<void>) | undefined;

/** Resolves after the host has had a turn (progress events, cancel messages, a responsive page). */
export function yieldToHost(): Promise<void> {
  hostTurn ??= hostYield(globalThis as YieldHost);
  return hostTurn();
}

/** What the engine reads of an AbortSignal. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/**
 * A pause for long synchronous loops: call it often; at most every `everyMs` it yields to the host and then
 * asks `shouldStop`. Resolves to true when the caller should stop.
 */
export function pacer(shouldStop: () => boolean = () => false, everyMs = 40): () => Promise<boolean> | boolean {
  let last = Date.now();
  return () => {
    if (Date.now() - last < everyMs) return false;
    return yieldToHost().then(() => {
      last = Date.now();
      return shouldStop();
    });
  };
}
