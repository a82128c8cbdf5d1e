import type { LogonSession } from '@vbem/models';

/** A logon session the client holds: its token and, when the client logged on itself, its LogonSession body. */
export interface HeldSession {
  readonly token: string;
  /** Undefined for a session logged on elsewhere (a token passed as `sessionId`). */
  readonly logonSession?: LogonSession;
}

/**
 * The client's session state: at most one logon in flight, shared by every caller that needs a
 * token meanwhile; one renewal per refused token, shared the same way. A caller's signal rejects
 * its wait at once, but a logon request once sent runs to its end (its time limit bounds it): the
 * server may already have opened the session, and only its answer says which one to log off.
 */
export class Session {
  #held: HeldSession | undefined;
  #pending: Promise<HeldSession> | undefined;

  constructor(
    private readonly logOnWith: (() => Promise<HeldSession>) | undefined,
    token?: string,
  ) {
    this.#held = token === undefined ? undefined : { token };
  }

  /** Whether the client knows credentials to log on with. */
  get canLogOn(): boolean {
    return this.logOnWith !== undefined;
  }

  /** The session to use: the one held, or a new one from a logon shared with concurrent callers. */
  current(signal?: AbortSignal): Promise<HeldSession> {
    return this.#held ? Promise.resolve(this.#held) : this.logOn(signal);
  }

  /** Logs on now, or joins the logon already in flight. */
  logOn(signal?: AbortSignal): Promise<HeldSession> {
    const logOnWith = this.logOnWith;
    if (!logOnWith) return Promise.reject(new TypeError('logon: expected username and password in the client options, got a sessionId only'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#pending ??= logOnWith()
      .then((held) => (this.#held = held))
      .finally(() => (this.#pending = undefined));
    return signal ? until(this.#pending, signal) : this.#pending;
  }

  /**
   * A new token after `refused` was refused, or undefined when the client cannot log on. Callers
   * refused the same token share one logon; a caller whose token was already replaced gets the new one.
   */
  async renew(refused: string, signal?: AbortSignal): Promise<string | undefined> {
    if (!this.logOnWith) return undefined;
    if (this.#held && this.#held.token !== refused) return this.#held.token;
    if (!this.#pending) this.#held = undefined;
    return (await this.logOn(signal)).token;
  }

  /** Hands over the session the client logged on itself (waiting for a logon in flight) and forgets it. */
  async release(): Promise<HeldSession | undefined> {
    const held = this.#held ?? (await this.#pending?.catch(() => undefined));
    if (!held?.logonSession) return undefined;
    if (this.#held === held) this.#held = undefined;
    return held;
  }
}

/** The promise's outcome, or the signal's reason as soon as it aborts (the work itself goes on). */
function until<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
