import { api, operations, operationUrl } from '@vbem/models';
import { defaultCredentials } from '../default-credentials.js';

/** A Basic Authorization header value. */
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Logs on to a mock at `origin` and returns the logon response and its token. */
export async function logOn(origin: string, user: string = defaultCredentials.user, password: string = defaultCredentials.password) {
  const response = await fetch(operationUrl(origin, operations.logon), { method: operations.logon.method, headers: { Authorization: basic(user, password) } });
  return { response, token: response.headers.get(api.sessionHeader) ?? '' };
}

/** GET with a session token. */
export const getWith = (token: string, url: string | URL) => fetch(url, { headers: { [api.sessionHeader]: token } });
