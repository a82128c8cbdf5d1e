import type { MockLogon, MockState } from './mock-state.js';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/**
 * Opens a logon session for a user: a new id and an opaque random token.
 * @example const logon = openLogon(state, 'Administrator'); logon.token
 */
export function openLogon(state: MockState, userName: string, now = Date.now()): MockLogon {
  const logon: MockLogon = { id: crypto.randomUUID(), token: toBase64(crypto.getRandomValues(new Uint8Array(16))), userName, lastUsed: now };
  state.logons.set(logon.token, logon);
  return logon;
}

/** The live logon session of a token, touched; undefined when unknown, logged off, or idle longer than `idleMs`. */
export function liveLogon(state: MockState, token: string | null, idleMs: number, now = Date.now()): MockLogon | undefined {
  const logon = token === null ? undefined : state.logons.get(token);
  if (!logon) return undefined;
  if (now - logon.lastUsed > idleMs) {
    state.logons.delete(logon.token);
    return undefined;
  }
  logon.lastUsed = now;
  return logon;
}

/** The logon session with this id, whoever owns it. */
export function logonById(state: MockState, id: string): MockLogon | undefined {
  for (const logon of state.logons.values()) if (logon.id.toLowerCase() === id.toLowerCase()) return logon;
  return undefined;
}

/** The user name as configured when the credentials match (names case-insensitively), else undefined. */
export function checkCredentials(state: MockState, user: string, password: string): string | undefined {
  for (const [name, secret] of state.users) if (name.toLowerCase() === user.toLowerCase() && secret === password) return name;
  return undefined;
}
