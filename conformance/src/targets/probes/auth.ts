import { randomBytes, randomUUID } from 'node:crypto';
import { operationUrl, type ApiModel } from '@vbem/models';
import type { Probe } from '../../exchange.js';

/** A session the run holds: its token and, when the logon named it, its logon session id. */
export interface Session {
  readonly token: string;
  readonly id?: string;
}

/** What the authentication probes need of the target's frame. */
export interface AuthFrame {
  readonly model: ApiModel;
  readonly base: URL;
  /** Logs on with a password, labelled with the probe; gives the session it got. */
  readonly logon: (password: string, probe?: Probe) => Promise<Session | undefined>;
  /** Logs a session off; true when the server said it did. */
  readonly logoff: (session: Session) => Promise<boolean>;
  /** GETs a URL with this token (none: no session header), labelled with the probe. */
  readonly getWith: (url: URL, probe: Probe, token?: string) => Promise<unknown>;
}

/** Why the wrong-password logon was not sent to a live server. */
export const BAD_PASSWORD_SKIPPED = 'not sent to a live server: a wrong password may count towards locking the account (ask with probeBadPassword / --probe-bad-password)';

/** The operation the spec names for the authentication probes (`api.protocol.authProbe`), as a URL, if any. */
export function authProbeUrl(frame: Pick<AuthFrame, 'model' | 'base'>): URL | undefined {
  const target = frame.model.operations[frame.model.api.protocol.authProbe];
  return target && operationUrl(frame.base, target, {}, {}, frame.model);
}

/** Logs on with a random wrong password; a session it gets anyway is logged off. */
export async function probeWrongPassword(frame: AuthFrame): Promise<void> {
  const intruder = await frame.logon(randomUUID(), 'wrong-password');
  if (intruder) await frame.logoff(intruder);
}

/** Asks the auth probe's operation without a session, then with a session header no server issued. */
export async function probeWithoutSession(frame: AuthFrame): Promise<void> {
  const url = authProbeUrl(frame);
  if (!url) return;
  await frame.getWith(url, 'no-session');
  await frame.getWith(url, 'invalid-session', randomBytes(16).toString('base64'));
}

/** Asks the auth probe's operation with the token of a session just logged off. */
export async function probeAfterLogoff(frame: AuthFrame, session: Session): Promise<void> {
  const url = authProbeUrl(frame);
  if (url) await frame.getWith(url, 'after-logoff', session.token);
}
