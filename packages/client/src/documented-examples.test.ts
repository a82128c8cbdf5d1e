import { api, builtinModel, decode, examples, mediaTypeOf, operations, representations, XmlShapeError, type CodecIssue, type ExampleSpec, type ModelName, type OperationSpec } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, LOGON, PASSWORD, recordingFetch, requestBodyFor, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { methodPlans } from './method-names.js';
import { HttpError } from './errors.js';
import { FORMAT_PARAM } from './spec-conventions.js';

type AnyMethod = (...args: unknown[]) => unknown;

/** Calls the resource method that returns a documented example, with the example's parameters. */
async function callFor(client: ReturnType<typeof createClient>, example: ExampleSpec): Promise<{ method: string; value: unknown }> {
  const operation = operations[example.operation as keyof typeof operations] as OperationSpec;
  const plan = methodPlans(operation).find((p) => p.kind !== 'read' || p.format === (example.format ?? 'default'))!;
  const fn = (client as unknown as Record<string, Record<string, AnyMethod>>)[operation.resource]![plan.name]!;
  const method = `client.${operation.resource}.${plan.name}`;
  if (plan.paged) {
    const query = Object.fromEntries(Object.entries(example.query ?? {}).filter(([k]) => !operation.query.some((q) => q.name === k && q.const)));
    const pages: unknown[] = [];
    for await (const page of fn({ ...query, format: example.format }) as AsyncIterable<unknown>) pages.push(page);
    return { method, value: pages[0] };
  }
  const ids = operation.params.map((p) => [p.name, example.params?.[p.name] ?? 'a1b2c3d4-0000-4000-8000-000000000001'] as const);
  // One id positionally; several (an item under its parent item) as one object naming each.
  const args = ids.length > 1 ? [Object.fromEntries(ids)] : ids.map(([, id]) => id);
  const body = operation.requestBody ? [requestBodyFor(operation)] : [];
  return { method, value: await fn(...args, ...body, example.query) };
}

const served = examples.filter((e) => e.operation !== undefined && !e.request && e.operation !== api.protocol.logon);

describe.each(representations.flatMap((r) => served.map((e) => [e.file, r, e] as const)))('the documented example %s, carried in %s', (_file, representation, example) => {
  it('comes back decoded from the resource method of its operation and format, as the same typed value', async () => {
    const { fetch, seen } = recordingFetch((request) =>
      request.operation === operations.logon.id ? xml(201, LOGON.xml, { [api.sessionHeader]: 'token' }) : xml(example.status ?? 200, example.xml),
    );
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch });
    const { value } = await callFor(client, example);
    expect(value).toEqual(decode(example.type as ModelName, example.xml));
    const request = seen.at(-1)!;
    expect(request.operation).toBe(example.operation);
    expect(request.headers.get('accept')).toBe(mediaTypeOf(builtinModel, representation));
    for (const value of Object.values(example.params ?? {})) expect(request.url.pathname).toContain(value);
    for (const [name, value] of Object.entries(example.query ?? {})) expect(request.url.searchParams.get(name)).toBe(value);
    for (const q of (operations[example.operation as keyof typeof operations] as OperationSpec).query) if (q.const) expect(request.url.searchParams.get(q.name)).toBe(q.const);
    if (example.format) expect(request.url.searchParams.get(FORMAT_PARAM)).toBe(example.format);
  });
});

describe.each(representations)('the documented logon example, carried in %s', (representation) => {
  it('is the LogonSession client.logon() returns', async () => {
    const em = fakeEm();
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch });
    expect(await client.logon()).toEqual(decode('LogonSession', LOGON.xml));
  });
});

describe('the seed list with its "..." placeholder', () => {
  const seed = examples.find((e) => e.file === 'cloud-failover-sessions.seed.xml')!;
  const serveSeed = () => fakeEm((request, next) => (request.operation === operations.listCloudFailoverSessions.id ? xml(200, seed.xml) : next()));

  it('is accepted by default and reported to onWarning with the operation id', async () => {
    const warnings: [CodecIssue, string][] = [];
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: serveSeed().fetch, onWarning: (i, op) => warnings.push([i, op]) });
    expect((await client.cloudFailoverSessions.list()).Ref).toHaveLength(5);
    expect(warnings).toEqual([[expect.objectContaining({ code: 'text', path: '/EntityReferences' }), operations.listCloudFailoverSessions.id]]);
  });

  it('is refused with the codec XmlShapeError when decoding is strict', async () => {
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: serveSeed().fetch, strict: true });
    await expect(client.cloudFailoverSessions.list()).rejects.toThrow(XmlShapeError);
  });
});

describe('an entity with an added element and an undocumented enum value', () => {
  const entity = examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!;
  const added = entity.xml.replace('<Result>Success</Result>', '<Result>CompletedSuccessfully</Result>').replace(/(<\/\w+>\s*)$/, '<AddedLater/>$1');
  const serveAdded = () => fakeEm((request, next) => (request.operation === entity.operation ? xml(200, added) : next()));
  const id = entity.params!.id!;

  it('is returned by default, the value kept as sent and each addition reported to onWarning', async () => {
    const warnings: CodecIssue[] = [];
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: serveAdded().fetch, onWarning: (i) => warnings.push(i) });
    expect(await client.cloudFailoverSessions.getEntity(id)).toMatchObject({ Result: 'CompletedSuccessfully' });
    expect(warnings.map((w) => w.code).sort()).toEqual(['enum', 'unknown']);
  });

  it('is refused with XmlShapeError naming both when decoding is strict', async () => {
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: serveAdded().fetch, strict: true });
    const error = await client.cloudFailoverSessions.getEntity(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XmlShapeError);
    expect((error as XmlShapeError).issues.map((i) => i.code).sort()).toEqual(['enum', 'unknown']);
  });
});

describe.each(representations)('the documented 500 Error body, carried in %s', (representation) => {
  it('comes back in the HttpError with its Message and FirstChanceExceptionMessage', async () => {
    const error500 = examples.find((e) => e.type === 'ErrorBody')!;
    const em = fakeEm((request, next) => (request.operation === operations.getCloudFailoverSession.id ? xml(500, error500.xml) : next()));
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch });
    const error = await client.cloudFailoverSessions.getEntity('475420ee-d045-4493-9869-0a970e08f6f9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 500, operation: 'getCloudFailoverSession', body: decode('ErrorBody', error500.xml) });
    expect((error as HttpError).body?.FirstChanceExceptionMessage).toBe('Object reference not set to an instance of an object.');
  });
});
