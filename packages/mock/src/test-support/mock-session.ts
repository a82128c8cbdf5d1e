import { operationUrl, type ApiModel } from '@vbem/models';
import { defaultCredentials } from '../default-credentials.js';
import { basic } from './http-session.js';
import { lastParam } from '../last-param.js';

/** A logged-on session against a served mock of any model: GET and POST with its token. */
export async function mockSession(model: ApiModel, origin: string) {
  const logon = model.operations[model.api.protocol.logon]!;
  const response = await fetch(operationUrl(origin, logon, {}, {}, model), { method: logon.method, headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password) } });
  if (response.status >= 300) throw new Error(`logon answered ${response.status}`);
  const token = response.headers.get(model.api.sessionHeader) ?? '';
  const headers = { [model.api.sessionHeader]: token };
  return {
    token,
    get: (url: string | URL) => fetch(url, { headers }),
    post: (url: string | URL, body?: string) => fetch(url, { method: 'POST', headers, ...(body !== undefined ? { body } : {}) }),
  };
}

/** The last path parameter of an operation (the id of an item). */
export const idParam = (path: string) => lastParam(path) ?? 'id';
