import { describe, expect, it } from 'vitest';
import { api, decode, operations, operationUrl } from '@vbem/models';
import { createMockFetch } from './create-mock-fetch.js';
import { createMockState } from './create-mock-state.js';
import type { MockOptions } from './mock-options.js';
import { basic } from './test-support/http-session.js';
import { defaultCredentials } from './default-credentials.js';

const origin = 'https://em.test:9398';

describe('createMockFetch', () => {
  it('logs on, answers a session call and logs off, in-process', async () => {
    const fetch = createMockFetch(createMockState({ entities: 3 }), { baseUrl: origin });
    const logon = await fetch(operationUrl(origin, operations.logon), { method: 'POST', headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password) } });
    expect(logon.status).toBe(201);
    const token = logon.headers.get(api.sessionHeader)!;
    const list = await fetch(operationUrl(origin, operations.listCloudFailoverSessions), { headers: { [api.sessionHeader]: token } });
    expect(list.status).toBe(200);
    expect(list.headers.get('Content-Type')).toMatch(/^application\/xml/);
    expect(decode('EntityReferences', await list.text()).Ref.length).toBeGreaterThan(0);
    const id = decode('LogonSession', await logon.text()).SessionId;
    const logoff = await fetch(new Request(operationUrl(origin, operations.logoff, { id }), { method: 'DELETE', headers: { [api.sessionHeader]: token } }));
    expect(logoff.status).toBe(204);
    expect((await fetch(operationUrl(origin, operations.listCloudFailoverSessions), { headers: { [api.sessionHeader]: token } })).status).toBe(401);
  });

  it('answers 404 for an unknown path under the API and 405 for another method on a known one', async () => {
    const fetch = createMockFetch(createMockState({ entities: 0 }), { baseUrl: origin });
    expect((await fetch(`${origin}/api/nothing/here`)).status).toBe(404);
    expect((await fetch(operationUrl(origin, operations.getEntryPoint), { method: 'PUT' })).status).toBe(405);
  });

  it('fails as fetch does on a network error for what it does not serve and for a reset fault', async () => {
    const options: MockOptions = { baseUrl: origin, faults: { getEntryPoint: { reset: true } } };
    const fetch = createMockFetch(createMockState({ entities: 0 }), options);
    await expect(fetch('https://elsewhere.test/api/')).rejects.toThrow(TypeError);
    const reset = await fetch(operationUrl(origin, operations.getEntryPoint)).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(TypeError);
    expect(((reset as Error).cause as { code?: string }).code).toBe('ECONNRESET');
  });
});
