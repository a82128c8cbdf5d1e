const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A body read to its end, or as far as it came before the connection failed or a limit stopped it. */
export interface ReadBody {
  readonly text: string;
  readonly bytes: number;
  /** Why the body ended early, if it did (the connection, the time limit): never the byte limit. */
  readonly error?: string;
  /** Set when the body was longer than `maxBytes`: the read stopped there; not the server's failure. */
  readonly overLimit?: true;
}

/** How much of a body is read, and for how long. */
export interface BodyLimits {
  /** Bytes kept at most; a longer body is cut there and its read cancelled. (default: no limit) */
  readonly maxBytes?: number;
  /** Stops the read (a body that drips, a run interrupted): what came by then is kept. (default: none) */
  readonly signal?: AbortSignal;
}

/**
 * Reads a response body chunk by chunk, keeping what arrived when the connection drops mid-body,
 * and never more than `maxBytes` (then `overLimit` is set) nor past `signal` (a server may drip or send gigabytes).
 * @example const { text, bytes, error } = await readBody(response, { maxBytes: 16 << 20, signal: AbortSignal.timeout(30_000) })
 */
export async function readBody(response: Response, limits: BodyLimits = {}): Promise<ReadBody> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let error: string | undefined;
  let overLimit = false;
  if (response.body) {
    const reader = response.body.getReader();
    const { maxBytes = Infinity, signal } = limits;
    const stop = () => void reader.cancel().catch(() => undefined);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if (signal?.aborted) break;
        const room = maxBytes - bytes;
        chunks.push(r.value.byteLength > room ? r.value.subarray(0, room) : r.value);
        bytes += Math.min(r.value.byteLength, room);
        if (r.value.byteLength > room) {
          overLimit = true;
          stop();
          break;
        }
      }
      if (signal?.aborted) error = `the body was still arriving when the read stopped (${reasonOf(signal)}) after ${bytes} bytes`;
    } catch (e) {
      const cause = (e as Error).cause as Error | undefined;
      const name = (e as Error).name;
      error = signal?.aborted
        ? `the body was still arriving when the read stopped (${reasonOf(signal)}) after ${bytes} bytes`
        : name === 'TimeoutError'
          ? `the body was still arriving when its request was stopped (the time limit) after ${bytes} bytes`
          : name === 'AbortError'
            ? `the body was still arriving when its request was stopped (the run was stopped) after ${bytes} bytes`
          : `the body ended early (${(e as Error).message}${cause?.message ? `: ${cause.message}` : ''})`;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }
  return { text: utf8.decode(Buffer.concat(chunks)), bytes, ...(error !== undefined ? { error } : {}), ...(overLimit ? { overLimit } : {}) };
}

const reasonOf = (signal: AbortSignal) => ((signal.reason as Error | undefined)?.name === 'TimeoutError' ? 'the time limit' : 'the run was stopped');
