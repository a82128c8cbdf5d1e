import { BodyTooLargeError } from '@vbem/models';

/**
 * Reads a response body into bytes, stopping (and cancelling the stream) as soon as it passes
 * `maxBytes`, so an oversized or endless body never fills memory. An abort of `signal` stops the
 * read even when the fetch used does not tie the body stream to it.
 */
export async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, `${declared} bytes (Content-Length)`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), aborted]);
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const tooLarge = (maxBytes: number, actual: string) =>
  new BodyTooLargeError([{ path: '/', expected: `at most ${maxBytes} bytes`, actual, code: 'too-large' }], 'The response body is too large');
