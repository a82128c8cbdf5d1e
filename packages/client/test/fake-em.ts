import { api, builtinModel, decode, decodeIn, encode, encodeJsonIn, examples, formatOf, matchOperation, mediaTypeOf, operations, successOf, type ExampleSpec, type KeyCasing, type OperationSpec } from '@vbem/models';
import type { FetchLike } from '../src/client-options.js';

/** A request as the injected fetch saw it. */
export interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly operation: string | undefined;
  /** The request body as sent, if any. */
  readonly body?: string;
}

export type Handler = (request: Seen) => Response | Promise<Response>;

export const BASE_URL = 'https://localhost:9398';
export const USERNAME = 'SRV36\\Administrator';
export const PASSWORD = 'pa55-W0rd-never-shown';
export const LOGON = examples.find((e) => e.operation === operations.logon.id)!;
export const SESSION_ID = /<SessionId>([^<]+)<\/SessionId>/.exec(LOGON.xml)![1]!;

/** A response with an XML body, as Enterprise Manager sends it. */
export const xml = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'Content-Type': api.mediaType, ...headers } });

/** An Error document for `status`, written by the codec. */
export const errorResponse = (status: number, message = `status ${status}`, headers: Record<string, string> = {}) =>
  xml(status, encode('ErrorBody', { Message: message, StatusCode: status }), headers);

/** How a fake writes JSON when a request asks for it (`Accept: application/json`). */
export interface JsonStyle {
  /** The keys' casing: EM 13 writes camelCase. (default: 'PascalCase', the documented one) */
  readonly casing?: KeyCasing;
}

/** Whether a request asks for the JSON representation, as Enterprise Manager reads its Accept. */
export const asksForJson = (headers: Headers): boolean => (headers.get('accept') ?? '').includes(mediaTypeOf(builtinModel, 'json'));

/**
 * The answer in the representation the request asked for: an XML body of the type its operation
 * documents for that status and format (the Error body for an error status) is written again as
 * JSON by the codec when the request asked for JSON. Any other body (empty, not XML, not that type)
 * goes out as it is, so a test can still serve a broken one.
 */
async function inRepresentation(request: Seen, response: Response, style: JsonStyle): Promise<Response> {
  if (!asksForJson(request.headers) || response.headers.get('content-type') !== api.mediaType) return response;
  const match = matchOperation(request.method, request.url);
  const success = response.status >= 200 && response.status <= 299;
  const type = !match ? undefined : success ? formatOf(request.url, successOf(match.operation).formats)?.body : api.errorBody;
  const text = await response.text();
  const asIs = () => new Response(text === '' ? null : text, response);
  if (type === undefined || text === '') return asIs();
  let value: unknown;
  try {
    value = decodeIn(builtinModel, type, text);
  } catch {
    return asIs();
  }
  const headers = new Headers(response.headers);
  headers.set('content-type', mediaTypeOf(builtinModel, 'json'));
  return new Response(encodeJsonIn(builtinModel, type, value, { casing: style.casing ?? 'PascalCase', nulls: true }), { status: response.status, statusText: response.statusText, headers });
}

/**
 * An injected fetch that records every request and answers with `handler`, in the representation
 * the request asked for (see `inRepresentation`).
 */
export function recordingFetch(handler: Handler, style: JsonStyle = {}): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const request: Seen = {
      method,
      url,
      headers: new Headers(init.headers as HeadersInit),
      operation: matchOperation(method, url)?.operation.id,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    };
    seen.push(request);
    init.signal?.throwIfAborted();
    return inRepresentation(request, await handler(request), style);
  };
  return { fetch, seen };
}

/**
 * The documented example an operation answers a request with, by operation, format and path
 * parameters; one whose links are on BASE_URL comes first (the seed list's are on another port).
 */
export function exampleFor(operation: OperationSpec, url: URL, params: Record<string, string>): ExampleSpec | undefined {
  const format = formatOf(url, successOf(operation).formats)?.format;
  const onBase = [...examples].sort((a, b) => Number(b.xml.includes(BASE_URL)) - Number(a.xml.includes(BASE_URL)));
  return onBase.find(
    (e) =>
      e.operation === operation.id &&
      !e.request &&
      (e.format ?? 'default') === format &&
      Object.entries(e.params ?? {}).every(([k, v]) => params[k] === v),
  );
}

/** The body to send to an operation: its documented request example, decoded (undefined when it takes none). */
export function requestBodyFor(operation: OperationSpec): unknown {
  if (!operation.requestBody) return undefined;
  const example = examples.find((e) => e.operation === operation.id && e.request);
  return example ? decode(operation.requestBody.type as never, example.xml) : {};
}

export interface FakeEm {
  readonly fetch: FetchLike;
  readonly seen: Seen[];
  /** Tokens the server accepts; delete one to expire its session. */
  readonly valid: Set<string>;
  /** Tokens issued, in order. */
  readonly issued: string[];
  /** SessionIds logged off. */
  readonly loggedOff: string[];
}

/**
 * A fake Enterprise Manager behind an injected fetch, driven by the operation table and the
 * documented examples: logon issues a new token, logoff ends it, other GETs answer their example,
 * in XML or, when the request asks for it, in JSON (`style` says how).
 */
export function fakeEm(override?: (request: Seen, next: () => Response) => Response | Promise<Response>, style: JsonStyle = {}): FakeEm {
  const valid = new Set<string>();
  const issued: string[] = [];
  const loggedOff: string[] = [];
  const respond = (request: Seen): Response => {
    const match = matchOperation(request.method, request.url);
    if (!match) return errorResponse(404, 'No such resource');
    const { operation, params } = match;
    if (operation.auth === 'basic') {
      const token = Buffer.from(`token-${issued.length + 1}-${SESSION_ID}`).toString('base64');
      issued.push(token);
      valid.add(token);
      return xml(successOf(operation).status, LOGON.xml, { [api.sessionHeader]: token, Location: `${BASE_URL}${api.basePath}/logonSessions/${SESSION_ID}` });
    }
    if (operation.auth === 'session' && !valid.has(request.headers.get(api.sessionHeader) ?? '')) return errorResponse(401, 'Unauthorized', { 'WWW-Authenticate': 'Basic Realm=RestSvc' });
    if (operation.method === 'DELETE') {
      valid.delete(request.headers.get(api.sessionHeader)!);
      loggedOff.push(params.id!);
      return new Response(null, { status: successOf(operation).status });
    }
    const example = exampleFor(operation, request.url, params);
    return example ? xml(successOf(operation).status, example.xml) : errorResponse(404, `No example for ${operation.id}`);
  };
  const { fetch, seen } = recordingFetch((request) => (override ? override(request, () => respond(request)) : respond(request)), style);
  return { fetch, seen, valid, issued, loggedOff };
}
