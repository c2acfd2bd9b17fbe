// The little the engine needs from whatever hosts it (a browser page, a Web Worker, Node): a way to let the
// host's event loop run between steps of a long computation, and a cancellation flag. Declared here rather
// than taken from DOM or Node typings, so the engine stays free of both.

declare function setTimeout(callback: () => void, ms: number): unknown;

/** Resolves after the host has had a turn (progress events, cancel messages, a responsive page). */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
