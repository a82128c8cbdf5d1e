import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel, decode, decodeIn, examples, operations, operationUrl } from '@vbem/models';
import { rebase } from './at-origin.js';
import { createHandlers } from './create-handlers.js';
import { createMockState } from './create-mock-state.js';
import type { MockOptions } from './mock-options.js';
import { getWith, logOn } from './test-support/http-session.js';

const origin = 'https://em.test:9398';
const options: MockOptions = {};
// No generated entities: only the documented ones and those their links name.
const server = setupServer(...createHandlers(createMockState({ entities: 0 }), options));
let token = '';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  token = (await logOn(origin)).token;
});
afterEach(() => delete options.faults);
afterAll(() => server.close());

const byOperation = (id: string) => examples.filter((e) => e.operation === id && e.status === 200);

describe('documented examples', () => {
  const documentedItems = examples.filter((e) => e.operation !== undefined && e.params !== undefined && !e.request && builtinModel.operations[e.operation]?.method === 'GET' && builtinModel.operations[e.operation]?.entity !== undefined);
  it.each(documentedItems.map((e) => [e.file, e] as const))('serves the documented id of %s, with its documented name', async (_f, ex) => {
    const operation = builtinModel.operations[ex.operation!]!;
    const url = operationUrl(origin, operation, ex.params, ex.format ? { format: ex.format } : {});
    const response = await getWith(token, url);
    expect(response.status).toBe(200);
    const served = decodeIn(builtinModel, ex.type, await response.text()) as { UID?: string; Name?: string };
    const documented = decodeIn(builtinModel, ex.type, ex.xml) as { UID?: string; Name?: string };
    expect(served.UID).toBe(documented.UID);
    expect(served.Name).toBe(documented.Name);
  });

  it('answers the documented query request with a page of that query', async () => {
    const ex = byOperation('queryCloudFailoverSessions')[0]!;
    const documented = rebase(decode('QueryResult', ex.xml), origin);
    // The documented request, as the documented First link repeats it before pageSize and page.
    const request = documented.PagingInfo.Links![0]!.Href.replace(/&pageSize=\d+&page=\d+$/, '');
    const response = await getWith(token, request);
    expect(response.status).toBe(200);
    expect(decode('QueryResult', await response.text()).PagingInfo.PageNum).toBe(1);
  });

  it('serves the documented entry point without authentication, on the request origin', async () => {
    const ex = byOperation('getEntryPoint')[0]!;
    const response = await fetch(operationUrl(origin, operations.getEntryPoint));
    expect(decode('EnterpriseManager', await response.text())).toEqual(rebase(decode('EnterpriseManager', ex.xml), origin));
  });

  it('answers a logon with the documented links of a logon session, for its own id', async () => {
    const ex = examples.find((e) => e.operation === 'logon')!;
    const { response } = await logOn(origin);
    const session = decode('LogonSession', await response.text());
    const documented = rebase(decode('LogonSession', ex.xml), origin);
    const pick = (rel: string) => session.Links?.find((l) => l.Rel === rel);
    const documentedPick = (rel: string) => documented.Links?.find((l) => l.Rel === rel);
    expect(pick('Up')).toEqual(documentedPick('Up'));
    expect(pick('Delete')).toEqual({ ...documentedPick('Delete'), Href: documentedPick('Delete')!.Href.replace(documented.SessionId, session.SessionId) });
    expect(session.Href).toBe(documented.Href.replace(documented.SessionId, session.SessionId));
  });
});

describe('requests', () => {
  it('matches format case-insensitively', async () => {
    const id = '475420ee-d045-4493-9869-0a970e08f6f9';
    for (const format of ['Entity', 'entity', 'ENTITY']) {
      const response = await getWith(token, `${operationUrl(origin, operations.getCloudFailoverSession, { id })}?format=${format}`);
      expect(decode('CloudFailoverSession', await response.text()).UID).toMatch(id);
    }
  });

  it('builds every href from the origin the request was sent to', async () => {
    const other = 'http://em.internal:9399';
    const list = await (await getWith(token, operationUrl(other, operations.listCloudFailoverSessions))).text();
    const hrefs = [...list.matchAll(/Href="([^"]+)"/g)].map((m) => new URL(m[1]!).origin);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(new Set(hrefs)).toEqual(new Set([other]));
  });

  it('answers 404 with an Error body for an unknown id', async () => {
    const response = await getWith(token, operationUrl(origin, operations.getCloudFailoverSession, { id: '00000000-0000-0000-0000-000000000000' }));
    expect(response.status).toBe(404);
    expect(decode('ErrorBody', await response.text()).StatusCode).toBe(404);
  });

  it('answers 405 with an Error body and Allow for a known path and another method', async () => {
    const response = await fetch(operationUrl(origin, operations.listCloudFailoverSessions), { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe(operations.listCloudFailoverSessions.method);
    expect(decode('ErrorBody', await response.text()).StatusCode).toBe(405);
  });

  it('answers 404 with an Error body for an unknown path under the base path', async () => {
    const response = await fetch(`${origin}/api/no/such/resource`);
    expect(response.status).toBe(404);
    expect(decode('ErrorBody', await response.text()).StatusCode).toBe(404);
  });

  it('answers 400 for a format the operation does not have', async () => {
    const response = await getWith(token, `${operationUrl(origin, operations.listCloudFailoverSessions)}?format=Nonsense`);
    expect(response.status).toBe(400);
  });

  it('makes fetch fail for a reset fault', async () => {
    options.faults = { listCloudFailoverSessions: { reset: true } };
    await expect(getWith(token, operationUrl(origin, operations.listCloudFailoverSessions))).rejects.toThrow(TypeError);
  });

  it('leaves requests to another origin alone when baseUrl is set', async () => {
    const handlers = createHandlers(createMockState({ entities: 0 }), { baseUrl: origin });
    expect(await getResponse(handlers, new Request('https://elsewhere.test/api/'))).toBeUndefined();
    expect((await getResponse(handlers, new Request(`${origin}/api/`)))?.status).toBe(200);
  });
});
