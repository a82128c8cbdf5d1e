import { api, BodyTooLargeError, builtinModel, decode, examples, mediaTypeOf, NotXmlError, operations, representations, RootElementError } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, recordingFetch, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { HttpError } from './errors.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const credentials = { baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, retries: 0 };

describe.each(representations)('every request of a client for %s', (representation) => {
  it('asks for that representation, logon and logoff included; resource calls carry the session header, and Basic credentials go to logon only', async () => {
    const em = fakeEm();
    const client = createClient({ ...credentials, representation, fetch: em.fetch });
    await client.cloudFailoverSessions.list();
    await client.cloudFailoverSessions.getEntity(ID);
    await client.logoff();
    expect(em.seen.map((s) => s.headers.get('accept'))).toEqual(Array(em.seen.length).fill(mediaTypeOf(builtinModel, representation)));
    expect(em.seen.map((s) => [s.operation, s.headers.has('authorization'), s.headers.has(api.sessionHeader)])).toEqual([
      ['logon', true, false],
      ['listCloudFailoverSessions', false, true],
      ['getCloudFailoverSession', false, true],
      ['logoff', false, true],
    ]);
  });

  it('to the entry point goes without logon and without the session header', async () => {
    const em = fakeEm();
    const entry = await createClient({ ...credentials, representation, fetch: em.fetch }).api.get();
    expect(entry).toEqual(decode('EnterpriseManager', examples.find((e) => e.operation === operations.getEntryPoint.id)!.xml));
    expect(em.seen.map((s) => [s.operation, s.headers.has(api.sessionHeader), s.headers.has('authorization')])).toEqual([['getEntryPoint', false, false]]);
  });

  it('does not follow redirects, so the session header never travels to where one points', async () => {
    const inits: RequestInit[] = [];
    const em = fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }) : next()));
    const client = createClient({ ...credentials, representation, fetch: (url, init) => (inits.push(init), em.fetch(url, init)) });
    await expect(client.cloudFailoverSessions.get(ID)).rejects.toMatchObject({ name: 'HttpError', status: 302 });
    expect(inits.every((i) => i.redirect === 'manual')).toBe(true);
  });
});

describe('URLs', () => {
  it('carry path ids URL-encoded', async () => {
    const em = fakeEm();
    await createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get('a/b?c#d %').catch(() => undefined);
    expect(em.seen[1]!.url.pathname).toBe(`${api.basePath}/cloud/failoverSessions/a%2Fb%3Fc%23d%20%25`);
  });

  it('are the same whether baseUrl ends in /api/ or not', async () => {
    const a = fakeEm();
    const b = fakeEm();
    await createClient({ ...credentials, fetch: a.fetch }).cloudFailoverSessions.list();
    await createClient({ ...credentials, baseUrl: `${BASE_URL}${api.basePath}/`, fetch: b.fetch }).cloudFailoverSessions.list();
    expect(b.seen.map((s) => s.url.href)).toEqual(a.seen.map((s) => s.url.href));
  });

  it('need an http(s) baseUrl without credentials: anything else is a TypeError at creation', () => {
    expect(() => createClient({ ...credentials, baseUrl: 'em.example.com' })).toThrow(TypeError);
    expect(() => createClient({ ...credentials, baseUrl: 'ftp://em.example.com' })).toThrow(/http: or https:/);
    expect(() => createClient({ ...credentials, baseUrl: `https://u:${PASSWORD}@em.example.com` })).toThrow(/without a user name or password/);
  });

  it('refuse an empty id before anything is sent', async () => {
    const em = fakeEm();
    await expect(createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get('')).rejects.toThrow(TypeError);
    expect(em.seen).toHaveLength(0);
  });
});

describe('success bodies that are not what the spec says', () => {
  const serving = (body: string, headers: Record<string, string> = {}) =>
    fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? xml(200, body, headers) : next())).fetch;

  it('fail with the codec RootElementError for another document', async () => {
    const other = examples.find((e) => e.operation === operations.getCloudFailoverSession.id && e.format === undefined)!;
    await expect(createClient({ ...credentials, fetch: serving(other.xml) }).cloudFailoverSessions.getEntity(ID)).rejects.toThrow(RootElementError);
  });

  it('fail with the codec NotXmlError for an HTML page', async () => {
    await expect(createClient({ ...credentials, fetch: serving('<html><body>Proxy login</body></html>') }).cloudFailoverSessions.get(ID)).rejects.toThrow(NotXmlError);
  });

  it('fail with BodyTooLargeError past maxBodyBytes, declared or streamed', async () => {
    const big = 'x'.repeat(2048);
    await expect(createClient({ ...credentials, maxBodyBytes: 1024, fetch: serving(big) }).cloudFailoverSessions.get(ID)).rejects.toThrow(BodyTooLargeError);
    const { fetch } = recordingFetch(() => new Response(new Blob([big]).stream(), { status: 200 }));
    await expect(createClient({ baseUrl: BASE_URL, sessionId: 'borrowed-token', maxBodyBytes: 1024, fetch }).cloudFailoverSessions.get(ID)).rejects.toThrow(/more than 1024 bytes/);
  });
});

describe('error bodies that are not Error documents', () => {
  it('still give an HttpError, with no body and the codec error as cause', async () => {
    const em = fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) : next()));
    const error = (await createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get(ID).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 502, statusText: 'Bad Gateway', body: undefined });
    expect(error.cause).toBeInstanceOf(NotXmlError);
    expect(error.message).toMatch(/expected 200, got 502 Bad Gateway, with no Error document/);
  });
});
