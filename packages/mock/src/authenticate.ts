import type { OperationSpec } from '@vbem/models';
import { HttpStatus } from './http-status.js';
import { checkCredentials, liveLogon } from './logons.js';
import type { MockAuthOptions } from './mock-options.js';
import type { MockLogon, MockState } from './mock-state.js';
import type { MockRequest } from './mock-request.js';
import { errorReply, type Reply } from './reply.js';

/** Who is calling, or the 401 to answer. */
export type AuthOutcome = { readonly logon?: MockLogon; readonly userName?: string; readonly refused?: undefined } | { readonly refused: Reply };

/** Enterprise Manager's idle timeout: 15 minutes. */
export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60_000;

/**
 * Applies the operation's `auth`: none; Basic credentials against the users (401 with the spec's
 * `WWW-Authenticate`); or a live session in the session header (401 with an Error body).
 * @example authenticate(logonOperation, request, state, {}).refused?.status // 401 without credentials
 */
export function authenticate(operation: OperationSpec, request: MockRequest, state: MockState, auth: MockAuthOptions = {}): AuthOutcome {
  const enforce = auth.enforce !== false;
  if (operation.auth === 'basic') {
    const credentials = basicCredentials(request.headers.get('Authorization'));
    const userName = credentials && checkCredentials(state, credentials.user, credentials.password);
    if (userName) return { userName };
    if (!enforce) return credentials ? { userName: credentials.user } : {};
    const headers: Record<string, string> = {};
    for (const h of operation.responses.find((r) => r.status === HttpStatus.Unauthorized)?.headers ?? []) if (h.value !== undefined) headers[h.name] = h.value;
    const message = credentials ? 'The user name or password is incorrect' : 'The authorization header has been expected but not found';
    return { refused: errorReply(state.model, HttpStatus.Unauthorized, message, headers) };
  }
  if (operation.auth === 'session') {
    const token = request.headers.get(state.model.api.sessionHeader);
    const logon = liveLogon(state, token, auth.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
    if (logon) return { logon };
    if (!enforce) return {};
    const message = token !== null ? 'The session has expired or does not exist' : 'The authorization header has been expected but not found';
    return { refused: errorReply(state.model, HttpStatus.Unauthorized, message) };
  }
  return {};
}

function basicCredentials(header: string | null): { user: string; password: string } | undefined {
  const encoded = header === null ? undefined : /^Basic\s+(\S+)\s*$/i.exec(header)?.[1];
  if (encoded === undefined) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
