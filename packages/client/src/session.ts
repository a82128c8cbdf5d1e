import type { LogonSession } from '@vbem/models';

/** A logon session the client holds: its token and, when the client logged on itself, its LogonSession body. */
export interface HeldSession {
  readonly token: string;
  /** Undefined for a session logged on elsewhere (a token passed as `sessionId`). */
  readonly logonSession?: LogonSession;
}

/** A logon in flight and who waits for it: it is aborted once every waiter has aborted. */
interface PendingLogon {
  readonly promise: Promise<HeldSession>;
  readonly controller: AbortController;
  waiters: number;
  /** A waiter without a signal keeps the logon going whatever the others do. */
  unabortable: boolean;
}

/**
 * The client's session state: at most one logon in flight, shared by every caller that needs a
 * token meanwhile; one renewal per refused token, shared the same way. A caller's signal rejects
 * its wait at once; the logon request itself is aborted when every caller waiting for it has aborted.
 */
export class Session {
  #held: HeldSession | undefined;
  #pending: PendingLogon | undefined;

  constructor(
    private readonly logOnWith: ((signal: AbortSignal) => Promise<HeldSession>) | undefined,
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
    if (!this.#pending) {
      const controller = new AbortController();
      const promise = logOnWith(controller.signal)
        .then((held) => (this.#held = held))
        .finally(() => (this.#pending = undefined));
      this.#pending = { promise, controller, waiters: 0, unabortable: false };
    }
    return join(this.#pending, signal);
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
    const held = this.#held ?? (await this.#pending?.promise.catch(() => undefined));
    if (!held?.logonSession) return undefined;
    if (this.#held === held) this.#held = undefined;
    return held;
  }
}

function join(pending: PendingLogon, signal: AbortSignal | undefined): Promise<HeldSession> {
  if (!signal) {
    pending.unabortable = true;
    return pending.promise;
  }
  pending.waiters += 1;
  return new Promise<HeldSession>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      pending.waiters -= 1;
      if (pending.waiters === 0 && !pending.unabortable) pending.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
