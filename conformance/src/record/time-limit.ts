/**
 * A signal that aborts after `ms` with a TimeoutError, as `AbortSignal.timeout` does, but held by
 * its own timer until it fires: Node 20 may collect an `AbortSignal.timeout` that only
 * `AbortSignal.any` refers to (weakly), and then it never fires, so a dripping body would hold
 * the run for ever. The timer is unref'd: it never keeps the process alive.
 * @example const signal = timeLimit(30_000); await fetch(url, { signal });
 */
export function timeLimit(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
  return controller.signal;
}
