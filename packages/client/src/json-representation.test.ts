import { existsSync, readFileSync } from 'node:fs';
import {
  api,
  builtinModel as model,
  decode,
  decodeIn,
  encodeJson,
  encodeJsonIn,
  examples,
  JsonShapeError,
  listItemOf,
  mediaTypeOf,
  NotJsonError,
  operations,
  successOf,
  TruncatedJsonError,
  type CodecIssue,
  type KeyCasing,
} from '@vbem/models';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, LOGON, PASSWORD, recordingFetch, SESSION_ID, USERNAME } from '../test/fake-em.js';
import { serve, type Served } from '../test/serve.js';
import { createClient } from './create-client.js';
import { HttpError } from './errors.js';
import { methodPlans } from './method-names.js';

// Real JSON bodies (../shared/real-world/json/ beside the checkout; never copied into the repository).
const corpus = new URL('../../../../shared/real-world/json/', import.meta.url);
const real = (file: string) => readFileSync(new URL(file, corpus), 'utf8');

const JSON_TYPE = mediaTypeOf(model, 'json');
const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const credentials = { baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation: 'json', retries: 0 } as const;
const json = (status: number, body: string, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'Content-Type': JSON_TYPE, ...headers } });
const entityExample = examples.find((e) => e.operation === operations.getCloudFailoverSession.id && e.format === 'Entity')!;
const entity = decode('CloudFailoverSession', entityExample.xml);
const servingEntity = (body: string | (() => Response)) =>
  fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? (typeof body === 'string' ? json(200, body) : body()) : next()));

describe('a client for JSON', () => {
  it('reads camelCase keys (EM 13) into the same values as PascalCase ones, and tells onCasing which each body used', async () => {
    for (const casing of ['PascalCase', 'camelCase'] as const) {
      const em = fakeEm(undefined, { casing });
      const told: [KeyCasing, string][] = [];
      const client = createClient({ ...credentials, fetch: em.fetch, onCasing: (c, operation) => told.push([c, operation]) });
      expect(await client.logon()).toEqual(decode('LogonSession', LOGON.xml));
      expect(await client.cloudFailoverSessions.getEntity(ID)).toEqual(entity);
      await client.logoff();
      expect(em.loggedOff).toEqual([SESSION_ID]);
      expect(told).toEqual([
        [casing, operations.logon.id],
        [casing, operations.getCloudFailoverSession.id],
      ]);
    }
  });

  it('refuses an undocumented key with JsonShapeError when strict, and reports it to onWarning otherwise', async () => {
    const added = JSON.stringify({ ...JSON.parse(encodeJson('CloudFailoverSession', entity)), AddedLater: 1 });
    const warnings: [CodecIssue, string][] = [];
    const lenient = createClient({ ...credentials, fetch: servingEntity(added).fetch, onWarning: (i, op) => warnings.push([i, op]) });
    expect(await lenient.cloudFailoverSessions.getEntity(ID)).toEqual(entity);
    expect(warnings).toEqual([[expect.objectContaining({ code: 'unknown', path: '$.AddedLater' }), operations.getCloudFailoverSession.id]]);
    const strict = createClient({ ...credentials, fetch: servingEntity(added).fetch, strict: true });
    await expect(strict.cloudFailoverSessions.getEntity(ID)).rejects.toThrow(JsonShapeError);
  });

  it('refuses a success body cut short with TruncatedJsonError', async () => {
    const whole = encodeJson('CloudFailoverSession', entity);
    const client = createClient({ ...credentials, fetch: servingEntity(whole.slice(0, whole.length >> 1)).fetch });
    await expect(client.cloudFailoverSessions.getEntity(ID)).rejects.toThrow(TruncatedJsonError);
  });

  it('refuses XML answered to its JSON request with NotJsonError saying XML came', async () => {
    const client = createClient({ ...credentials, fetch: servingEntity(() => new Response(entityExample.xml, { status: 200 })).fetch });
    const error = await client.cloudFailoverSessions.getEntity(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as NotJsonError).issues[0]).toMatchObject({ expected: 'a JSON value', actual: 'XML or HTML' });
  });

  it('gives an HttpError with no body, NotJsonError as cause and what came in its message, for an HTML error page', async () => {
    const page = () => new Response('<!DOCTYPE html><html><body>Bad gateway</body></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
    const error = (await createClient({ ...credentials, fetch: servingEntity(page).fetch }).cloudFailoverSessions.get(ID).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 502, body: undefined });
    expect(error.cause).toBeInstanceOf(NotJsonError);
    expect(error.message).toMatch(/expected 200, got 502 Bad Gateway, with no Error document \(expected a JSON value, got an HTML page\)$/);
  });

  it('logs off a session whose JSON logon body does not decode, by the SessionId in the raw body', async () => {
    const token = Buffer.from(SESSION_ID).toString('base64');
    const cut = encodeJson('LogonSession', decode('LogonSession', LOGON.xml));
    const em = fakeEm((r, next) => (r.operation === operations.logon.id ? json(201, cut.slice(0, cut.indexOf(`"SessionId":"${SESSION_ID}"`) + SESSION_ID.length + 16), { [api.sessionHeader]: token }) : next()));
    em.valid.add(token);
    await expect(createClient({ ...credentials, fetch: em.fetch }).logon()).rejects.toThrow(TruncatedJsonError);
    expect(em.loggedOff).toEqual([SESSION_ID]);
  });
});

describe.skipIf(!existsSync(corpus))('a client for JSON, given the real bodies of ../shared/real-world/json', () => {
  it('logs on with the LogonSession of an EM 12 server and logs off the session it names', async () => {
    const body = real('logonSession-v12.json');
    const { fetch, seen } = recordingFetch((r) => (r.operation === operations.logon.id ? json(201, body, { [api.sessionHeader]: 'token' }) : new Response(null, { status: successOf(operations.logoff).status })));
    const client = createClient({ ...credentials, fetch });
    expect(await client.logon()).toMatchObject({ UserName: 'myuser', SessionId: 'b9a759dd-4496-4f50-8fc0-f925aa283f8d', Type: 'LogonSession' });
    await client.logoff();
    expect(seen.map((s) => [s.operation, s.headers.get('accept')])).toEqual([
      [operations.logon.id, JSON_TYPE],
      [operations.logoff.id, JSON_TYPE],
    ]);
    expect(seen[1]!.url.pathname).toBe(`${api.basePath}/logonSessions/b9a759dd-4496-4f50-8fc0-f925aa283f8d`);
  });

  it('reads the entry point of EM 12 (PascalCase) and of EM 13 (camelCase) alike, and says which casing each used', async () => {
    for (const [file, casing] of [['api-v12.json', 'PascalCase'], ['api-v13.json', 'camelCase']] as const) {
      const { fetch } = recordingFetch(() => json(200, real(file)));
      const told: KeyCasing[] = [];
      const entry = await createClient({ ...credentials, fetch, onCasing: (c) => told.push(c) }).api.get();
      expect(entry.SupportedVersions.map((v) => v.Name)).toEqual(['v1_5', 'v1_6', 'v1_7']);
      expect(told).toEqual([casing]);
    }
  });

  it('carries the Error body of a real 404 in its HttpError, with its nulls read as absent', async () => {
    const body = real('error-404-v9.5u4.json');
    const { Message, StatusCode } = JSON.parse(body) as { Message: string; StatusCode: number };
    const em = fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? json(404, body) : next()));
    const error = (await createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get(ID).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.body).toEqual({ Message, StatusCode });
    expect(error.message).toContain(Message);
  });
});

// A read method whose representation is a list with a documented example of several items: found in the table, no resource named.
const found = Object.values(model.operations)
  .filter((op) => op.method === 'GET')
  .flatMap((op) => methodPlans(op).map((plan) => ({ op, plan, body: successOf(op).formats.find((f) => f.format === plan.format)?.body })))
  .find(({ plan, body }) => plan.kind === 'read' && body !== undefined && listItemOf(model, body) !== undefined && examples.some((e) => e.type === body && /<\w+[^>]*>\s*<\w/.test(e.xml)))!;
const listType = found.body!;
const itemName = listItemOf(model, listType)!;
const documented = (decodeIn(model, listType, examples.find((e) => e.type === listType && /<\w+[^>]*>\s*<\w/.test(e.xml))!.xml) as Record<string, unknown[]>)[itemName]!;
const list = encodeJsonIn(model, listType, { [itemName]: [...documented, ...documented] });

let served: Served | undefined;
afterEach(async () => served?.close());

async function itemsFrom(body: string) {
  const em = fakeEm((r, next) => (r.operation === found.op.id ? json(200, body) : next()));
  served = await serve(em.fetch);
  const client = createClient({ ...credentials, baseUrl: served.url });
  const method = (client as unknown as Record<string, Record<string, { items(): AsyncGenerator<unknown> }>>)[found.op.resource]![found.plan.name]!;
  const got: unknown[] = [];
  const outcome = await (async () => {
    for await (const item of method.items()) got.push(item);
  })().catch((e: unknown) => e);
  return { got, outcome, em };
}

describe('items() of a list read by a client for JSON', () => {
  it('yields every item of the whole body, over one response', async () => {
    const { got, outcome, em } = await itemsFrom(list);
    expect(outcome).toBeUndefined();
    expect(got).toEqual([...documented, ...documented]);
    expect(em.seen.filter((s) => s.operation === found.op.id)).toHaveLength(1);
  }, 30_000);

  it('yields nothing and throws TruncatedJsonError for a body cut short', async () => {
    const { got, outcome } = await itemsFrom(list.slice(0, -10));
    expect(outcome).toBeInstanceOf(TruncatedJsonError);
    expect(got).toEqual([]);
  }, 30_000);
});
