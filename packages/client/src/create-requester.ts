import { builtinModel, decodeItemsIn, DEFAULT_MAX_BYTES, formatOf, listItemOf, operationUrl, successOf, type ApiModel, type CodecIssue, type LogonSession, type OperationSpec } from '@vbem/models';
import { bodyCodec, type BodyCodec } from './body-codec.js';
import type { ClientOptions } from './client-options.js';
import { normalizeBaseUrl } from './normalize-base-url.js';
import { decodeResponse } from './decode-response.js';
import { UnexpectedResponseError, type RequestContext } from './errors.js';
import type { Exchange } from './exchange.js';
import { logonSessionId } from './logon-session-id.js';
import { Secrets } from './redact.js';
import { scrubError } from './scrub-error.js';
import { secretForms } from './secret-forms.js';
import { sendWithRetries, type RetrySettings } from './send-with-retries.js';
import { Session, type HeldSession } from './session.js';
import { UNAUTHORIZED } from './spec-conventions.js';
import { tlsDispatcher } from './tls-dispatcher.js';

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  /** The request body, encoded by `codec`; sent with its media type as Content-Type. */
  readonly body?: string | undefined;
}

/** What the resource methods, `follow` and the lifecycle share: one session, one transport, one set of secrets. */
export interface Requester {
  readonly baseUrl: URL;
  /** The model the client was built from: its operations, XML maps and protocol. */
  readonly model: ApiModel;
  /** The representation of every body, and how request bodies are encoded in it. */
  readonly codec: BodyCodec;
  /** Sends `operation` to `url` with the session (logging on first if needed) and decodes the answer. */
  call(operation: OperationSpec, url: URL, options?: SendOptions): Promise<unknown>;
  /** Sends a GET whose success body is a list and yields its items: in XML as they arrive, each decoded on its own; in JSON from the whole body. */
  stream(operation: OperationSpec, url: URL, options?: SendOptions): AsyncGenerator<unknown, void, undefined>;
  logon(): Promise<LogonSession>;
  logoff(): Promise<void>;
  close(): Promise<void>;
  /** Scrubs secrets from an error raised on the client's behalf. */
  scrub(error: unknown): unknown;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 2, retryDelayMs: 250 };

export function createRequester(options: ClientOptions): Requester {
  const model = options.model ?? builtinModel;
  const { api } = model;
  const baseUrl = normalizeBaseUrl(options.baseUrl, model);
  const protocol = (part: 'logon' | 'logoff'): OperationSpec => {
    const operation = model.operations[api.protocol[part]];
    if (!operation) throw new TypeError(`@vbem/client: the model's protocol names ${api.protocol[part]} as its ${part} operation, which it does not define`);
    return operation;
  };
  const logonOperation = protocol('logon');
  const logoffOperation = protocol('logoff');
  const dispatcher = tlsDispatcher(options);
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init as RequestInit));
  const transport: RetrySettings = {
    fetch,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: options.retries ?? DEFAULTS.retries,
    retryDelayMs: options.retryDelayMs ?? DEFAULTS.retryDelayMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BYTES,
    ...(dispatcher ? { dispatcher } : {}),
  };
  const codec = bodyCodec(model, options.representation ?? 'xml');
  const decoding = { model, codec, strict: options.strict ?? false, onWarning: options.onWarning, onCasing: options.onCasing };

  const secrets = new Secrets();
  const basic = 'password' in options && options.password !== undefined ? Buffer.from(`${options.username}:${options.password}`).toString('base64') : undefined;
  if (basic !== undefined) secrets.add(...secretForms(options.password!), basic);
  if (options.sessionId !== undefined) secrets.add(...secretForms(options.sessionId));
  /** A session token and the id of its session: on Enterprise Manager the token is the id in base64. */
  const keepSecret = (token: string, id: string | undefined) => {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    secrets.add(...secretForms(token), ...(id ? secretForms(id) : []), ...(/^[\x21-\x7e]{6,}$/.test(decoded) ? [decoded] : []));
  };
  const scrub = (error: unknown) => scrubError(error, secrets);

  const headersFor = (operation: OperationSpec, token: string | undefined, body: string | undefined): Record<string, string> => ({
    Accept: codec.mediaType,
    ...(body === undefined ? {} : { 'Content-Type': codec.mediaType }),
    ...(operation.auth === 'basic' && basic !== undefined ? { Authorization: `Basic ${basic}` } : {}),
    ...(operation.auth === 'session' && token !== undefined ? { [api.sessionHeader]: token } : {}),
  });

  async function send(operation: OperationSpec, url: URL, token: string | undefined, signal: AbortSignal | undefined, body?: string, stream?: boolean): Promise<Exchange> {
    const context: RequestContext = { operation: operation.id, method: operation.method, url: url.href };
    return sendWithRetries(transport, { context, url, headers: headersFor(operation, token, body), signal, stream, ...(body === undefined ? {} : { body }) });
  }

  const contextOf = (operation: OperationSpec, url: URL): RequestContext => ({ operation: operation.id, method: operation.method, url: url.href });

  // No caller's signal: once sent, the logon's answer is needed to log off the session it may open.
  async function logOnNow(): Promise<HeldSession> {
    const url = operationUrl(baseUrl, logonOperation, {}, { v: options.apiVersion }, model);
    const response = await send(logonOperation, url, undefined, undefined);
    const token = response.status >= 200 && response.status <= 299 ? response.headers.get(api.sessionHeader)?.trim() : undefined;
    const opened = token ? logonSessionId(response, logonOperation, model) : undefined;
    if (token) keepSecret(token, opened);
    let logonSession: LogonSession;
    try {
      logonSession = decodeResponse(decoding, logonOperation, url, contextOf(logonOperation, url), response) as LogonSession;
    } catch (error) {
      // A session opened with a body the client cannot read must not stay open on the server.
      if (token && opened) await closeQuietly(opened, token);
      throw error;
    }
    if (!token) throw new UnexpectedResponseError(contextOf(logonOperation, url), `the ${api.sessionHeader} header with the session token`, 'a response without it');
    keepSecret(token, logonSession.SessionId);
    return { token, logonSession };
  }

  async function closeQuietly(id: string, token: string): Promise<void> {
    await send(logoffOperation, operationUrl(baseUrl, logoffOperation, { id }, {}, model), token, undefined).catch(() => undefined);
  }

  const session = new Session(basic === undefined ? undefined : logOnNow, options.sessionId);

  async function respond(operation: OperationSpec, url: URL, { signal, body }: SendOptions, stream: boolean): Promise<Exchange> {
    if (operation.auth !== 'session') return send(operation, url, undefined, signal, body, stream);
    const { token } = await session.current(signal);
    let response = await send(operation, url, token, signal, body, stream);
    if (response.status === UNAUTHORIZED) {
      // The session expired (15 idle minutes): one new logon and one retry, never more.
      const renewed = await session.renew(token, signal);
      if (renewed !== undefined) response = await send(operation, url, renewed, signal, body, stream);
    }
    return response;
  }

  async function call(operation: OperationSpec, url: URL, options: SendOptions = {}): Promise<unknown> {
    return decodeResponse(decoding, operation, url, contextOf(operation, url), await respond(operation, url, options, false));
  }

  // XML: only the items in flight are held, the list itself may be any length (maxBodyBytes bounds each item).
  // JSON: JSON.parse of the whole body then the items (maxBodyBytes bounds the list); an item-by-item JSON reader would be a second parser.
  async function* stream(operation: OperationSpec, url: URL, options: SendOptions = {}): AsyncGenerator<unknown, void, undefined> {
    const type = formatOf(url, successOf(operation).formats, model)?.body;
    if (codec.representation === 'json') {
      const list = (await call(operation, url, options)) as Record<string, unknown[] | undefined>;
      const item = type === undefined ? undefined : listItemOf(model, type);
      if (item === undefined) throw new UnexpectedResponseError(contextOf(operation, url), 'a list body', `a ${type ?? 'undocumented'} body`);
      yield* list[item] ?? [];
      return;
    }
    const response = await respond(operation, url, options, true);
    if (response.stream === undefined || type === undefined) {
      await response.stream?.cancel().catch(() => undefined);
      decodeResponse(decoding, operation, url, contextOf(operation, url), response); // throws the HttpError or the unknown format
      throw new UnexpectedResponseError(contextOf(operation, url), 'a list body', 'none');
    }
    const onWarning = decoding.onWarning;
    yield* decodeItemsIn(model, type, response.stream ?? emptyBody(), {
      strict: decoding.strict,
      maxBytes: transport.maxBodyBytes,
      ...(onWarning ? { onWarning: (issue: CodecIssue) => onWarning(issue, operation.id) } : {}),
    });
  }

  async function logoff(): Promise<void> {
    const held = await session.release();
    if (!held?.logonSession) return;
    const url = operationUrl(baseUrl, logoffOperation, { id: held.logonSession.SessionId }, {}, model);
    const response = await send(logoffOperation, url, held.token, undefined);
    // A refused token means the session has ended already, which is what logoff wants.
    if (response.status === UNAUTHORIZED) return;
    decodeResponse(decoding, logoffOperation, url, contextOf(logoffOperation, url), response);
  }

  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw scrub(error);
      }
    };

  return {
    baseUrl,
    model,
    codec,
    call: guarded(call),
    stream: (operation, url, options) => guardedStream(stream(operation, url, options), scrub),
    logon: guarded(async () => {
      if (!session.canLogOn) throw new TypeError('logon: expected username and password in the client options, got a sessionId only');
      return (await session.current()).logonSession!;
    }),
    logoff: guarded(logoff),
    close: async () => dispatcher?.close(),
    scrub,
  };
}

async function* guardedStream<T>(items: AsyncGenerator<T, void, undefined>, scrub: (error: unknown) => unknown): AsyncGenerator<T, void, undefined> {
  try {
    yield* items;
  } catch (error) {
    throw scrub(error);
  }
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}
