const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A body read to its end, or as far as it came before the connection failed. */
export interface ReadBody {
  readonly text: string;
  readonly bytes: number;
  /** Why the body ended early, if it did. */
  readonly error?: string;
}

/**
 * Reads a response body chunk by chunk, keeping what arrived when the connection drops mid-body.
 * @example const { text, bytes, error } = await readBody(response.clone())
 */
export async function readBody(response: Response): Promise<ReadBody> {
  const chunks: Uint8Array[] = [];
  let error: string | undefined;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    } catch (e) {
      const cause = (e as Error).cause as Error | undefined;
      error = `the body ended early (${(e as Error).message}${cause?.message ? `: ${cause.message}` : ''})`;
    }
  }
  const all = Buffer.concat(chunks);
  return { text: utf8.decode(all), bytes: all.byteLength, error };
}
