import { XmlCodecError, type ErrorBody } from '@vbem/models';

/** Where a failed request went: the operation of the spec, the method and the URL. */
export interface RequestContext {
  /** The operation id in the spec, as `getCloudFailoverSession`. */
  readonly operation: string;
  readonly method: string;
  readonly url: string;
}

const where = (r: RequestContext) => `${r.method} ${r.url} (${r.operation})`;

/** Base of every error the client raises itself; the codec's errors (XmlCodecError) come through as they are. */
export class ClientError extends Error {
  override name = 'ClientError';

  /** A plain, secret-free view: name, message, the data fields, and the cause's name and message. */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, ...data } = this as unknown as Record<string, unknown>;
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    return { ...data, name: this.name, message: this.message, ...(cause === undefined ? {} : { cause }) };
  }
}

/** The server answered with an error status; `body` is its decoded Error document, when it sent one. */
export class HttpError extends ClientError {
  override name = 'HttpError';
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** The status the spec documents for success. */
  readonly expected: number;
  /** The Error body (Message, StatusCode…), or undefined when the body was missing or not an Error document (see `cause`). */
  readonly body: ErrorBody | undefined;

  constructor(request: RequestContext, response: { status: number; statusText: string; expected: number; body?: ErrorBody }, options?: ErrorOptions) {
    const text = response.body ? `: ${response.body.Message}` : `, with no Error document${unreadable(options?.cause)}`;
    super(`${where(request)}: expected ${response.expected}, got ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${text}`, options);
    this.operation = request.operation;
    this.method = request.method;
    this.url = request.url;
    this.status = response.status;
    this.statusText = response.statusText;
    this.expected = response.expected;
    this.body = response.body;
  }
}

/** ` (expected a JSON value, got an HTML page)`: why an error body was no Error document, when the codec said. */
function unreadable(cause: unknown): string {
  const issue = cause instanceof XmlCodecError ? cause.issues[0] : undefined;
  return issue ? ` (expected ${issue.expected}, got ${issue.actual})` : '';
}

/** The server refused the credentials at logon, or refused the session when no new logon could help. */
export class AuthenticationError extends HttpError {
  override name = 'AuthenticationError';
}

/** No complete response came within `timeoutMs`. */
export class TimeoutError extends ClientError {
  override name = 'TimeoutError';
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(request: RequestContext, timeoutMs: number) {
    super(`${where(request)}: expected a complete response within ${timeoutMs} ms, got none`);
    this.operation = request.operation;
    this.method = request.method;
    this.url = request.url;
    this.timeoutMs = timeoutMs;
  }
}

/** The request or the response body failed below HTTP: refused connection, DNS, TLS, reset. `cause` says which. */
export class NetworkError extends ClientError {
  override name = 'NetworkError';
  readonly operation: string;
  readonly method: string;
  readonly url: string;

  constructor(request: RequestContext, cause: unknown) {
    super(`${where(request)}: expected a response, got a network failure (${reasons(cause)})`, { cause });
    this.operation = request.operation;
    this.method = request.method;
    this.url = request.url;
  }
}

/** `TypeError: fetch failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)`: the chain of causes, outermost first. */
function reasons(cause: unknown): string {
  const parts: string[] = [];
  for (let c = cause, depth = 0; c !== undefined && depth < 4; c = c instanceof Error ? c.cause : undefined, depth++) {
    if (!(c instanceof Error)) {
      parts.push(String(c));
      break;
    }
    const code = (c as { code?: unknown }).code;
    parts.push(`${depth === 0 ? `${c.name}: ` : ''}${c.message}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  return parts.join(': ');
}

/** A success response lacks what the spec says it carries (a header, the page asked for). */
export class UnexpectedResponseError extends ClientError {
  override name = 'UnexpectedResponseError';
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly expectedValue: string;
  readonly actualValue: string;

  constructor(request: RequestContext, expected: string, actual: string) {
    super(`${where(request)}: expected ${expected}, got ${actual}`);
    this.operation = request.operation;
    this.method = request.method;
    this.url = request.url;
    this.expectedValue = expected;
    this.actualValue = actual;
  }
}

/** A Link or Ref cannot be followed: its Type names nothing the spec can fetch, or its Href is not that operation. */
export class LinkError extends ClientError {
  override name = 'LinkError';
  readonly href: string;
  readonly type: string | undefined;

  constructor(link: { Href: string; Type?: string | undefined }, expected: string, actual: string) {
    super(`Following ${link.Href}${link.Type ? ` (Type ${link.Type})` : ''}: expected ${expected}, got ${actual}`);
    this.href = link.Href;
    this.type = link.Type;
  }
}

/** A Link or Ref points at another host than the client's baseUrl: the session token is not sent there. */
export class ForeignOriginError extends LinkError {
  override name = 'ForeignOriginError';
  readonly origin: string;
  readonly expectedOrigin: string;

  constructor(link: { Href: string; Type?: string | undefined }, origin: string, expectedOrigin: string) {
    super(link, `an href on ${expectedOrigin} (the client's baseUrl)`, `one on ${origin}; refused, the session token stays with its server`);
    this.origin = origin;
    this.expectedOrigin = expectedOrigin;
  }
}

/** The baseUrl is not an http(s) URL of a server, or it carries a user name or password (never echoed). */
export class BaseUrlError extends TypeError {
  override name = 'BaseUrlError';
  readonly expected: string;
  readonly actual: string;
  /** The URL the input probably meant, as `https://localhost:9399` for `localhost:9399`. */
  readonly suggestion: string | undefined;

  constructor(expected: string, actual: string, suggestion?: string) {
    super(`baseUrl: expected ${expected}, got ${actual}${suggestion ? `; did you mean ${suggestion}?` : ''}`);
    this.expected = expected;
    this.actual = actual;
    this.suggestion = suggestion;
  }
}
