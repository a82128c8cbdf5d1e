import type { ApiModel, CodecIssue, KeyCasing, Representation } from '@vbem/models';

/** The fetch the client sends requests with: the global one, or any with the same signature. */
export type FetchLike = (input: URL, init: RequestInit & { dispatcher?: unknown }) => Promise<Response>;

/** Settings shared by both ways of authenticating. */
export interface CommonOptions {
  /** The Enterprise Manager's address, as `https://em.example.com:9398` (required; a trailing `/api` is dropped). */
  baseUrl: string | URL;
  /** The fetch that sends every request; inject one for tests or proxies. (default: globalThis.fetch) */
  fetch?: FetchLike;
  /** Milliseconds each attempt of a request may take, response body included, before it fails with a TimeoutError. (default: 30000) */
  timeoutMs?: number;
  /** Extra attempts of a GET after a network error or a 503; other methods are never retried. (default: 2) */
  retries?: number;
  /** Milliseconds before the first retry, doubled before each further one. (default: 250) */
  retryDelayMs?: number;
  /** The API version to log on with: 'latest', or a `v1_N` name the entry point lists. (default: 'latest') */
  apiVersion?: string;
  /** Verify the server's TLS certificate; false accepts any certificate, for test servers only. (default: true) */
  rejectUnauthorized?: boolean;
  /** PEM certificates to trust instead of Node's bundled ones, as the self-signed one Enterprise Manager ships on 9398. (default: Node's bundled CAs) */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /** The name the server's certificate must carry, when it differs from the baseUrl's host (an address, an alias). (default: the baseUrl's host) */
  servername?: string;
  /**
   * The representation of every body, logon and errors included: 'xml' (the spec's), or 'json' (`Accept` and
   * `Content-Type: application/json`, Enterprise Manager 9.5 Update 4 and later; the documented PascalCase
   * names are sent, PascalCase and EM 13's camelCase both read). Either gives the same typed values. (default: 'xml')
   */
  representation?: Representation;
  /**
   * Receives the casing of the keys of each JSON body decoded, with the operation id: 'PascalCase' as
   * documented, 'camelCase' as Enterprise Manager 13 writes them. Never called for XML. (default: none)
   */
  onCasing?: (casing: KeyCasing, operation: string) => void;
  /** Refuse bodies with unknown elements, attributes or JSON keys, stray text or undocumented enum values, instead of accepting them. (default: false) */
  strict?: boolean;
  /** Receives each departure from the spec that lenient decoding accepts, with the operation id. (default: none: dropped) */
  onWarning?: (issue: CodecIssue, operation: string) => void;
  /** The largest response body read, in bytes; a larger one fails with BodyTooLargeError. (default: 16 MiB) */
  maxBodyBytes?: number;
  /**
   * The model to build the resource groups from, as `loadModel(specDir)` of @vbem/codegen gives it: the
   * methods follow its operations (typed at run time only; the `VbemClient` type is the built-in model's). (default: the built-in model)
   */
  model?: ApiModel;
}

/** Log on with a user name and password (Basic authentication, on the logon request only). */
export interface CredentialOptions extends CommonOptions {
  /** The Enterprise Manager user, as `DOMAIN\\user` or a UPN (required). */
  username: string;
  /** Its password (required). Sent to the logon operation only and never shown in errors. */
  password: string;
  sessionId?: never;
}

/** Use a session logged on elsewhere: the client sends its token and never logs on or off itself. */
export interface SessionOptions extends CommonOptions {
  /** The token of an existing logon session, as logon returns it in the session header (required). Never shown in errors. */
  sessionId: string;
  username?: never;
  password?: never;
}

export type ClientOptions = CredentialOptions | SessionOptions;

/** Per-call settings. */
export interface CallOptions {
  /** Cancels the call; its reason is thrown as it is. (default: none) */
  signal?: AbortSignal;
}
