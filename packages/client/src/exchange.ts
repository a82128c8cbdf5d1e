import { XmlCodecError } from '@vbem/models';
import type { FetchLike } from './client-options.js';
import { NetworkError, TimeoutError, type RequestContext } from './errors.js';
import { readBody } from './read-body.js';

/** A response read in full: status, headers and body bytes. */
export interface Exchange {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
  /** A success body left unread for the caller to stream (`OutgoingRequest.stream`); `body` is then empty. */
  readonly stream?: ReadableStream<Uint8Array> | null;
}

export interface ExchangeSettings {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly dispatcher?: unknown;
}

export interface OutgoingRequest {
  readonly context: RequestContext;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The encoded request body, if any (its Content-Type is among the headers). */
  readonly body?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Leave a success body unread, as `Exchange.stream`: `timeoutMs` then covers the headers, and `signal` the body. */
  readonly stream?: boolean | undefined;
}

/**
 * Sends one request and reads its whole response within `timeoutMs`. Redirects are not followed:
 * fetch would carry the session header along to wherever a redirect points.
 * @throws {TimeoutError} {NetworkError} or the caller's abort reason.
 */
export async function exchange(settings: ExchangeSettings, request: OutgoingRequest): Promise<Exchange> {
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), settings.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
  try {
    const response = await settings.fetch(request.url, {
      method: request.context.method,
      headers: request.headers,
      redirect: 'manual',
      signal,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(settings.dispatcher === undefined ? {} : { dispatcher: settings.dispatcher }),
    });
    if (request.stream && response.status >= 200 && response.status <= 299) {
      return { status: response.status, statusText: response.statusText, headers: response.headers, body: new Uint8Array(0), stream: response.body };
    }
    const body = await readBody(response, settings.maxBodyBytes, signal);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (timer.signal.aborted) throw new TimeoutError(request.context, settings.timeoutMs);
    if (error instanceof XmlCodecError) throw error;
    throw new NetworkError(request.context, error);
  } finally {
    clearTimeout(timeout);
  }
}
