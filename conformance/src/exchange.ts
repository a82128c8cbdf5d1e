import type { Representation } from '@vbem/models';

/** Why a request was sent, when it is not a plain documented call: the negative cases. */
export type Probe =
  /** A session-protected resource asked without the session header. */
  | 'no-session'
  /** A session-protected resource asked with a session header no server issued. */
  | 'invalid-session'
  /** A logon with a wrong password. */
  | 'wrong-password'
  /** A resource asked with the session header of a session just logged off. */
  | 'after-logoff'
  /** The client asked to follow a link to another origin (the client target). */
  | 'foreign-origin'
  /** The fake was told to answer with a documented error status (the client target). */
  | 'forced-status'
  /** An item asked with an id no server issued: the documented 404 with an Error body. */
  | 'unknown-id';

/** The request as sent, with the session header and credentials redacted. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names; secret values replaced by `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body sent (an action's documented request body), as UTF-8 text, secrets replaced; absent when there was none. */
  readonly body?: string;
}

/** The response as received. */
export interface RecordedResponse {
  readonly status: number;
  /** Lower-case names; secret values replaced by `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text (a byte-order mark is kept). */
  readonly body: string;
  /** The number of body bytes received. */
  readonly bodyBytes: number;
}

/** What the client returned or threw for the call that made this request (the client target). */
export interface ClientOutcome {
  /** The method called, such as `cloudFailoverSessions.get`. */
  readonly call: string;
  /** The value returned, when the call succeeded. */
  readonly value?: unknown;
  /** The error thrown, when it failed: its class name and the HTTP status it carries. */
  readonly error?: { readonly name: string; readonly status?: number; readonly message: string };
}

/** One request and its response, observed on the wire: what every check judges. */
export interface Exchange {
  /** The spec operation the request matched, if any. */
  readonly operationId?: string;
  /** False when the request never left: the client refused it before sending (absent: it was sent). */
  readonly sent?: false;
  /** Set for the negative cases; absent on plain documented calls. */
  readonly probe?: Probe;
  readonly request: RecordedRequest;
  /** Absent when no response came (the connection failed or the request was never sent). */
  readonly response?: RecordedResponse;
  /** Why the exchange did not complete: a transport error, a body cut short, a refused request. */
  readonly error?: string;
  /** Why the body was not judged: it was longer than the run's byte limit (not a failure of the server). */
  readonly bodyNotJudged?: string;
  /** ISO time the request started. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** The client call that sent it, such as `cloudFailoverSessions.get` (the client target only). */
  readonly call?: string;
  /** The client's outcome for the call, on the call's last exchange (the client target only). */
  readonly outcome?: ClientOutcome;
  /** The representation of the client that sent it, whatever its Accept says: what `client.accept` expects (the client target only). */
  readonly clientRepresentation?: Representation;
}
