import { inspect } from 'node:util';
import { api, decode, encodeJson, JsonShapeError, mediaTypeOf, builtinModel, operations, XmlCodecError } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, LOGON, PASSWORD, SESSION_ID, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { HttpError } from './errors.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const credentials = { baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, retries: 0, retryDelayMs: 0 };
/** On Enterprise Manager the token is the session id in base64. */
const TOKEN = Buffer.from(SESSION_ID).toString('base64');
const shown = (error: unknown) => {
  const e = error as Error;
  return [String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true })].join('\n');
};

describe('a logon answered 201 with a session but a body that does not decode', () => {
  const broken = (location: boolean) =>
    fakeEm((r, next) =>
      r.operation === operations.logon.id
        ? xml(201, LOGON.xml.replace('</LogonSession>', `<Broken>${TOKEN}</LogonSession>`), {
            [api.sessionHeader]: TOKEN,
            ...(location ? { Location: `${BASE_URL}${api.basePath}/logonSessions/${SESSION_ID}` } : {}),
          })
        : next(),
    );

  it.each([
    ['the Location header', true],
    ['the SessionId in the raw body', false],
  ])('logs that session off (its id from %s) before the decode error is thrown', async (_from, location) => {
    const em = broken(location);
    em.valid.add(TOKEN);
    const error = await createClient({ ...credentials, fetch: em.fetch }).logon().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XmlCodecError);
    const logoff = em.seen.find((s) => s.operation === operations.logoff.id);
    expect(logoff?.url.pathname).toBe(`${api.basePath}/logonSessions/${SESSION_ID}`);
    expect(logoff?.headers.get(api.sessionHeader)).toBe(TOKEN);
    expect(em.loggedOff).toEqual([SESSION_ID]);
  });

  it('shows neither the token nor the session id in the decode error', async () => {
    const error = await createClient({ ...credentials, fetch: broken(true).fetch }).logon().catch((e: unknown) => e);
    expect(shown(error)).not.toContain(TOKEN);
    expect(shown(error)).not.toContain(SESSION_ID);
  });
});

describe('a JSON logon answered 201 with a session but a body that does not decode', () => {
  // The token where the LogonSession has its links: the codec's message describes the value it refused.
  const body = JSON.stringify({ ...JSON.parse(encodeJson('LogonSession', decode('LogonSession', LOGON.xml))), Links: TOKEN });
  const broken = () =>
    fakeEm((r, next) => (r.operation === operations.logon.id ? new Response(body, { status: 201, headers: { 'Content-Type': mediaTypeOf(builtinModel, 'json'), [api.sessionHeader]: TOKEN } }) : next()));

  it('logs that session off, its id from the SessionId of the raw JSON, and shows neither the token nor the id in the JsonShapeError', async () => {
    const em = broken();
    em.valid.add(TOKEN);
    const error = await createClient({ ...credentials, representation: 'json', fetch: em.fetch }).logon().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonShapeError);
    expect(em.loggedOff).toEqual([SESSION_ID]);
    expect(shown(error)).toContain('[redacted]');
    expect(shown(error)).not.toContain(TOKEN);
    expect(shown(error)).not.toContain(SESSION_ID);
  });
});

describe('a failed logoff', () => {
  it("shows neither the live session's id nor its token", async () => {
    const em = fakeEm((r, next) => (r.operation === operations.logoff.id ? errorResponse(500, `cannot end ${SESSION_ID}`) : next()));
    const client = createClient({ ...credentials, fetch: em.fetch });
    await client.logon();
    const error = await client.logoff().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(shown(error)).toContain('[redacted]');
    expect(shown(error)).not.toContain(SESSION_ID);
    for (const token of em.issued) expect(shown(error)).not.toContain(token);
  });
});

describe('a 401 at logon whose body echoes the password encoded', () => {
  it('shows neither its URL-encoded nor its base64 form', async () => {
    const password = 'p@ss w0rd/with+signs';
    const echoed = `${encodeURIComponent(password)} ${Buffer.from(password).toString('base64')}`;
    const em = fakeEm((r, next) => (r.operation === operations.logon.id ? errorResponse(401, `refused ${echoed}`) : next()));
    const error = await createClient({ ...credentials, password, fetch: em.fetch }).logon().catch((e: unknown) => e);
    expect(shown(error)).toContain('[redacted]');
    expect(shown(error)).not.toContain(encodeURIComponent(password));
    expect(shown(error)).not.toContain(Buffer.from(password).toString('base64'));
  });
});

describe("the caller's signal during the implicit logon", () => {
  /** A server that never answers the logon: its request ends only when its signal aborts. */
  const silentLogon = () => {
    const aborted: string[] = [];
    const em = fakeEm((r, next) => next());
    const fetch: typeof em.fetch = (input, init) =>
      new URL(input).pathname.startsWith(`${api.basePath}/sessionMngr`)
        ? new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => (aborted.push('logon'), reject(init.signal!.reason)), { once: true }))
        : em.fetch(input, init);
    return { fetch, aborted };
  };

  it('rejects the call at once with the abort reason; the logon goes on, and logoff closes the session it opened', async () => {
    const em = fakeEm();
    let answer: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const fetch: typeof em.fetch = async (input, init) => {
      if (new URL(input).pathname.startsWith(`${api.basePath}/sessionMngr`)) await gate;
      return em.fetch(input, init);
    };
    const client = createClient({ ...credentials, fetch });
    const controller = new AbortController();
    const call = client.cloudFailoverSessions.get(ID, { signal: controller.signal });
    controller.abort(new Error('Ctrl-C'));
    await expect(call).rejects.toThrow('Ctrl-C');
    // The server opens the session after the caller gave up, as a slow logon does.
    answer();
    await client.logoff();
    expect(em.loggedOff).toEqual([SESSION_ID]);
    expect(em.valid.size).toBe(0);
  });

  it('ends a logon that is never answered at its time limit, and logoff then has nothing to close', async () => {
    const { fetch, aborted } = silentLogon();
    const client = createClient({ ...credentials, fetch, timeoutMs: 200 });
    const controller = new AbortController();
    const call = client.cloudFailoverSessions.get(ID, { signal: controller.signal });
    controller.abort(new Error('Ctrl-C'));
    await expect(call).rejects.toThrow('Ctrl-C');
    await expect(client.logoff()).resolves.toBeUndefined();
    expect(aborted).toEqual(['logon']);
  });

  it('leaves the shared logon going while another caller still waits for it', async () => {
    const em = fakeEm();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch: typeof em.fetch = async (input, init) => {
      if (new URL(input).pathname.startsWith(`${api.basePath}/sessionMngr`)) await gate;
      return em.fetch(input, init);
    };
    const client = createClient({ ...credentials, fetch });
    const controller = new AbortController();
    const impatient = client.cloudFailoverSessions.get(ID, { signal: controller.signal });
    const patient = client.cloudFailoverSessions.get(ID, { signal: new AbortController().signal });
    controller.abort(new Error('Ctrl-C'));
    await expect(impatient).rejects.toThrow('Ctrl-C');
    release();
    await expect(patient).resolves.toMatchObject({ Name: expect.any(String) });
  });
});
