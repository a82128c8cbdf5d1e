import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, decode, operations, operationUrl } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { defaultCredentials } from './default-credentials.js';
import type { MockOptions } from './mock-options.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { basic, getWith, logOn } from './test-support/http-session.js';

const unauthorized = operations.logon.responses.find((r) => r.status === 401)!;
const options: MockOptions = { auth: {} };
let mock: MockServer;
let list: URL;

beforeAll(async () => {
  const users = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`user${i}`, `pw${i}`]));
  mock = await serveMock({ state: createMockState({ users: { ...users, [defaultCredentials.user]: defaultCredentials.password } }), ...options });
  list = operationUrl(mock.url, operations.listCloudFailoverSessions);
});
afterAll(() => mock.close());

const expectXmlHeaders = async (response: Response) => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(response.headers.get('Content-Type')).toBe(`${api.mediaType}; charset=utf-8`);
  expect(response.headers.get('Content-Length')).toBe(String(bytes.byteLength));
  return new TextDecoder().decode(bytes);
};

describe('serving over HTTP', () => {
  it('listens on loopback with an ephemeral port', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(mock.url).port).not.toBe('0');
  });

  it('serves the entry point without authentication', async () => {
    const response = await fetch(operationUrl(mock.url, operations.getEntryPoint));
    expect(response.status).toBe(200);
    expect(decode('EnterpriseManager', await expectXmlHeaders(response)).SupportedVersions.length).toBeGreaterThan(0);
  });

  it('logs on with Basic credentials: 201, the token header, Location, and the LogonSession body', async () => {
    const { response, token } = await logOn(mock.url);
    expect(response.status).toBe(201);
    expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const session = decode('LogonSession', await expectXmlHeaders(response));
    expect(session.UserName).toBe(defaultCredentials.user);
    expect(response.headers.get('Location')).toBe(session.Href);
    const again = await getWith(token, response.headers.get('Location')!);
    expect(decode('LogonSession', await again.text()).SessionId).toBe(session.SessionId);
  });

  it('refuses a wrong password with 401, the documented WWW-Authenticate and an Error body', async () => {
    const { response, token } = await logOn(mock.url, defaultCredentials.user, 'wrong');
    expect(response.status).toBe(401);
    expect(token).toBe('');
    for (const h of unauthorized.headers) expect(response.headers.get(h.name)).toBe(h.value);
    const error = decode('ErrorBody', await expectXmlHeaders(response));
    expect(error.StatusCode).toBe(401);
    expect(error.Message).not.toContain('wrong');
  });

  it('refuses a logon without credentials with 401 and WWW-Authenticate', async () => {
    const response = await fetch(operationUrl(mock.url, operations.logon), { method: operations.logon.method });
    expect(response.status).toBe(401);
    expect(response.headers.get(unauthorized.headers[0]!.name)).toBe(unauthorized.headers[0]!.value);
  });

  it('refuses an unknown API version with 400', async () => {
    const response = await fetch(operationUrl(mock.url, operations.logon, {}, { v: 'v0_9' }), {
      method: operations.logon.method,
      headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password) },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a session operation with 401 and an Error body without a session, with an unknown one, and after logoff', async () => {
    const { response, token } = await logOn(mock.url);
    const { SessionId } = decode('LogonSession', await response.text());
    const without = await fetch(list);
    expect(without.status).toBe(401);
    expect(decode('ErrorBody', await expectXmlHeaders(without)).StatusCode).toBe(401);
    expect((await getWith('bm8tc3VjaC10b2tlbg==', list)).status).toBe(401);
    expect((await getWith(token, list)).status).toBe(200);

    const logoff = await fetch(operationUrl(mock.url, operations.logoff, { id: SessionId }), { method: operations.logoff.method, headers: { [api.sessionHeader]: token } });
    expect(logoff.status).toBe(204);
    expect(logoff.headers.get('Content-Length')).toBeNull();
    const dead = await getWith(token, list);
    expect(dead.status).toBe(401);
    expect(decode('ErrorBody', await dead.text()).Message).not.toContain(token);
  });

  it('answers 404 to a logoff of an unknown session', async () => {
    const { token } = await logOn(mock.url);
    const response = await fetch(operationUrl(mock.url, operations.logoff, { id: '00000000-0000-0000-0000-000000000000' }), {
      method: operations.logoff.method,
      headers: { [api.sessionHeader]: token },
    });
    expect(response.status).toBe(404);
  });

  it('ends a session idle for longer than idleTimeoutMs', async () => {
    const { token } = await logOn(mock.url);
    // The short timeout is set only once the session was used: on a busy machine the logon and the
    // first request may lie further apart than it.
    expect((await getWith(token, list)).status).toBe(200);
    options.auth!.idleTimeoutMs = 30;
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect((await getWith(token, list)).status).toBe(401);
    } finally {
      delete options.auth!.idleTimeoutMs;
    }
  }, 60_000);

  it('serves 50 concurrent clients, each logging on, listing and logging off, sessions isolated', async () => {
    const clients = Array.from({ length: 50 }, (_, i) => ({ user: `user${i}`, password: `pw${i}` }));
    const sessions = await Promise.all(
      clients.map(async (c) => {
        const { response, token } = await logOn(mock.url, c.user, c.password);
        expect(response.status).toBe(201);
        return { ...c, token, id: decode('LogonSession', await response.text()).SessionId };
      }),
    );
    expect(new Set(sessions.map((s) => s.token)).size).toBe(50);

    const lists = await Promise.all(sessions.map(async (s) => decode('EntityReferences', await (await getWith(s.token, list)).text()).Ref.length));
    expect(new Set(lists)).toEqual(new Set([mock.state.collections.get(operations.listCloudFailoverSessions.entity!)!.size]));
    const owners = await Promise.all(sessions.map(async (s) => decode('LogonSession', await (await getWith(s.token, operationUrl(mock.url, operations.getLogonSession, { id: s.id }))).text()).UserName));
    expect(owners).toEqual(clients.map((c) => c.user));

    // Half log off; the other half still work; then they log off too.
    const logoff = (s: (typeof sessions)[number]) =>
      fetch(operationUrl(mock.url, operations.logoff, { id: s.id }), { method: operations.logoff.method, headers: { [api.sessionHeader]: s.token } });
    const [gone, staying] = [sessions.slice(0, 25), sessions.slice(25)];
    expect((await Promise.all(gone.map(logoff))).map((r) => r.status)).toEqual(gone.map(() => 204));
    expect((await Promise.all(sessions.map((s) => getWith(s.token, list)))).map((r) => r.status)).toEqual([...gone.map(() => 401), ...staying.map(() => 200)]);
    expect((await Promise.all(staying.map(logoff))).map((r) => r.status)).toEqual(staying.map(() => 204));
  }, 60_000);

  it('serves extra msw handlers before its own through getResponse', async () => {
    const custom = await serveMock({ handlers: [http.get('*/api/', () => HttpResponse.text('overridden'))] });
    try {
      expect(await (await fetch(`${custom.url}/api/`)).text()).toBe('overridden');
      const { response } = await logOn(custom.url);
      expect(response.status).toBe(201);
      expect(response.headers.get('Content-Length')).toBe(String((await response.arrayBuffer()).byteLength));
    } finally {
      await custom.close();
    }
  });
});
