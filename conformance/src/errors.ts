/** The run could not reach the server at all (DNS, refused connection, TLS failure, timeout). */
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Expected an answer from ${url}, got none: ${reason}`);
  }
}

/** The server refused the run's logon, or answered it without a session. */
export class LogonRefusedError extends Error {
  override name = 'LogonRefusedError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    readonly reason: string,
  ) {
    super(`Expected a logon session from ${url}, got ${reason}`);
  }
}

/** The run was stopped (SIGINT, SIGTERM or an aborted signal); it logged off first. */
export class RunInterruptedError extends Error {
  override name = 'RunInterruptedError';
  constructor(readonly loggedOff: boolean) {
    super(`The run was interrupted${loggedOff ? '; its logon session was closed' : ''}`);
  }
}

/** The runner refused to send a request that is not a GET, its logon or the logoff of its own session. */
export class UnsafeRequestError extends Error {
  override name = 'UnsafeRequestError';
  constructor(
    readonly method: string,
    readonly url: string,
  ) {
    super(`Expected only GETs, the logon and the logoff of the run's own session, got a request to ${method} ${url}`);
  }
}

/** The XSD given with --xsd could not be read or compiled. */
export class XsdLoadError extends Error {
  override name = 'XsdLoadError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Expected a readable XML schema at ${file}, got ${reason}`);
  }
}

/** The options cannot make a run: a required one is missing or a value is out of range. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly option: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${option}: expected ${expected}, got ${actual}`);
  }
}

/** A run-scope check asked for the body of an exchange the run kept without it (a defect of the check: it must read its kept facts). */
export class BodyDroppedError extends Error {
  override name = 'BodyDroppedError';
  constructor(readonly url: string) {
    super(`Expected the body of ${url} to be read while the exchange was judged, got a request for it after it was dropped: read the facts kept for it instead`);
  }
}
