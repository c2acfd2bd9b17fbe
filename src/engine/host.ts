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
