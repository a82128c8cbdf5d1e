/**
 * Waits `ms` milliseconds; rejects with the signal's reason as soon as it aborts (at once when it already has).
 * No timer for 0 or less: Node's shortest is a millisecond, a hundred retries with no delay would wait a tenth of a second.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
