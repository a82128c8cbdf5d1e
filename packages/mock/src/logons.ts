import type { MockLogon, MockState } from './mock-state.js';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** At most this many logon sessions are kept; opening one more drops the least recently opened. */
export const MAX_LOGONS = 10_000;

/** Logon sessions by lower-case id, per state: logoff and GET of a session are O(1). */
const byId = new WeakMap<MockState, Map<string, MockLogon>>();
const idsOf = (state: MockState) => {
  let ids = byId.get(state);
  if (!ids) byId.set(state, (ids = new Map()));
  return ids;
};

/**
 * Opens a logon session for a user: a new id and an opaque random token.
 * @example const logon = openLogon(state, 'Administrator'); logon.token
 */
export function openLogon(state: MockState, userName: string, now = Date.now()): MockLogon {
  const logon: MockLogon = { id: crypto.randomUUID(), token: toBase64(crypto.getRandomValues(new Uint8Array(16))), userName, lastUsed: now };
  while (state.logons.size >= MAX_LOGONS) {
    const oldest = state.logons.values().next().value as MockLogon;
    closeLogon(state, oldest);
  }
  state.logons.set(logon.token, logon);
  idsOf(state).set(logon.id.toLowerCase(), logon);
  return logon;
}

/** Ends a logon session. */
export function closeLogon(state: MockState, logon: MockLogon): void {
  state.logons.delete(logon.token);
  idsOf(state).delete(logon.id.toLowerCase());
}

/** The live logon session of a token, touched; undefined when unknown, logged off, or idle longer than `idleMs`. */
export function liveLogon(state: MockState, token: string | null, idleMs: number, now = Date.now()): MockLogon | undefined {
  const logon = token === null ? undefined : state.logons.get(token);
  if (!logon) return undefined;
  if (now - logon.lastUsed > idleMs) {
    closeLogon(state, logon);
    return undefined;
  }
  logon.lastUsed = now;
  return logon;
}

/** The logon session with this id, whoever owns it (only one still in `state.logons`). */
export function logonById(state: MockState, id: string): MockLogon | undefined {
  const logon = idsOf(state).get(id.toLowerCase());
  return logon && state.logons.get(logon.token) === logon ? logon : undefined;
}

/** The user name as configured when the credentials match (names case-insensitively), else undefined. */
export function checkCredentials(state: MockState, user: string, password: string): string | undefined {
  for (const [name, secret] of state.users) if (name.toLowerCase() === user.toLowerCase() && secret === password) return name;
  return undefined;
}
