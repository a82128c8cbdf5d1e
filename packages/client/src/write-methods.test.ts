import { api, checkSchema, decode, encode, encodeIn, encodeJsonIn, examples, mediaTypeOf, operations, parseScalar, representations, successOf, builtinModel, type OperationSpec, type Representation, type ScalarType } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, PASSWORD, requestBodyFor, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { HttpError } from './errors.js';
import { isLifecycle, methodPlans } from './method-names.js';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;
const ID = 'e7ca6822-a87f-443d-8aae-8005970543bf';

/** Every write operation of the table that is a resource method (logoff is the lifecycle's). */
const writes = (Object.values(operations) as OperationSpec[]).filter((o) => o.method !== 'GET' && !isLifecycle(o, api));

/** A documented response body of the type the operation answers with. */
const answerFor = (operation: OperationSpec) => {
  const body = successOf(operation).formats[0]?.body;
  return body === undefined ? undefined : examples.find((e) => e.type === body && !e.request);
};

const methodOf = (client: unknown, operation: OperationSpec) =>
  (client as Record<string, Record<string, AnyMethod>>)[operation.resource]![methodPlans(operation)[0]!.name]!;

/** The request body a client for `representation` must send: the codec's, with the documented names. */
const encodeFor = (representation: Representation, type: string, value: unknown) => (representation === 'json' ? encodeJsonIn(builtinModel, type, value) : encodeIn(builtinModel, type, value));

/** A text of each scalar type, for values built by hand. */
const SAMPLE_TEXT: Record<ScalarType, string> = {
  string: 'text',
  int: '7',
  long: '7',
  boolean: 'true',
  dateTime: '2026-01-02T03:04:05Z',
  guid: '475420ee-d045-4493-9869-0a970e08f6f9',
  uid: 'urn:veeam:Task:475420ee-d045-4493-9869-0a970e08f6f9',
  url: 'https://localhost:9398/api/',
};

/** A value of `type` with every field its XML map declares (nested types to a few levels), keys in the map's order. */
function everyField(type: string, depth = 0): Record<string, unknown> {
  const map = builtinModel.xmlMaps[type]!;
  const scalar = (f: { scalar?: ScalarType; enum?: readonly string[] }) => (f.scalar === undefined ? undefined : parseScalar(f.scalar, f.enum?.[0] ?? SAMPLE_TEXT[f.scalar]));
  const value: Record<string, unknown> = {};
  for (const a of map.attributes) value[a.name] = scalar(a);
  for (const e of map.elements) {
    const one = e.raw ? undefined : e.type !== undefined ? (depth < 3 ? everyField(e.type, depth + 1) : undefined) : scalar(e);
    if (one !== undefined) value[e.name] = e.repeated || e.item !== undefined ? [one] : one;
  }
  return value;
}

/** The same value with the keys of every object in reverse order, as a hand-built literal may have them. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(reversedKeys) : value !== null && typeof value === 'object' && !(value instanceof Date) ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) : value;

/** The names of the document element's children, in the order the text has them. */
function childElements(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([\w.:-]+)[^>]*?(\/?)>/g)) {
    if (close) depth--;
    else {
      if (depth === 1) names.push(name!.replace(/^[\w.-]+:/, ''));
      if (!selfClosing) depth++;
    }
  }
  return names;
}

describe.each(writes.map((o) => [o.id, o] as const))('the write method of %s', (_id, operation) => {
  const answer = answerFor(operation);
  const serve = () => fakeEm((r, next) => (r.operation === operation.id ? (answer ? xml(successOf(operation).status, answer.xml) : new Response(null, { status: successOf(operation).status })) : next()));
  const args = () => [...operation.params.map(() => ID), ...(operation.requestBody ? [requestBodyFor(operation)] : [])];

  it.each(representations)('sends its method, fixed query, and the body encoded in %s with that media type', async (representation) => {
    const em = serve();
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch });
    const value = await methodOf(client, operation)(...args());
    const sent = em.seen.at(-1)!;
    expect(sent.operation).toBe(operation.id);
    expect(sent.method).toBe(operation.method);
    for (const q of operation.query) if (q.const !== undefined) expect(sent.url.searchParams.get(q.name)).toBe(q.const);
    if (operation.requestBody) {
      expect(sent.headers.get('Content-Type')).toBe(mediaTypeOf(builtinModel, representation));
      expect(sent.body).toBe(encodeFor(representation, operation.requestBody.type, requestBodyFor(operation)));
    } else {
      expect(sent.body).toBeUndefined();
      expect(sent.headers.get('Content-Type')).toBeNull();
    }
    expect(value).toEqual(answer ? decode(answer.type as never, answer.xml) : undefined);
  });

  it.each(representations)('is sent once in %s, never retried, on a 503', async (representation) => {
    const em = fakeEm((r, next) => (r.operation === operation.id ? errorResponse(503, 'busy') : next()));
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch, retries: 3, retryDelayMs: 1 });
    await expect(methodOf(client, operation)(...args())).rejects.toBeInstanceOf(HttpError);
    expect(em.seen.filter((s) => s.operation === operation.id)).toHaveLength(1);
  });

  if (operation.requestBody !== undefined) it('encodes a body built by hand with its keys in another order in the spec order', async () => {
    const type = operation.requestBody!.type;
    const value = everyField(type);
    expect(checkSchema(type as never, value)).toEqual([]);
    const scrambled = reversedKeys(value);
    const em = serve();
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: em.fetch });
    await methodOf(client, operation)(...operation.params.map(() => ID), scrambled);
    const sent = em.seen.at(-1)!.body!;
    const order = builtinModel.xmlMaps[type]!.elements.map((e) => e.name);
    expect(childElements(sent)).toEqual(order.filter((name) => value[name] !== undefined));
    expect(sent).toBe(encodeIn(builtinModel, type, value));
  });

  if (operation.requestBody !== undefined) it('sends a body built by hand with its keys in another order as the JSON the codec writes, with the documented names', async () => {
    const type = operation.requestBody!.type;
    const value = everyField(type);
    const em = serve();
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation: 'json', fetch: em.fetch });
    await methodOf(client, operation)(...operation.params.map(() => ID), reversedKeys(value));
    const sent = JSON.parse(em.seen.at(-1)!.body!) as Record<string, unknown>;
    expect(sent).toEqual(JSON.parse(encodeJsonIn(builtinModel, type, value)));
    expect(Object.keys(sent).every((key) => /^[A-Z]/.test(key))).toBe(true);
  });

  if (operation.requestBody !== undefined && !operation.requestBody.optional) it.each(representations)('refuses to send in %s without its required body', async (representation) => {
    const em = serve();
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch });
    await expect(methodOf(client, operation)(...operation.params.map(() => ID))).rejects.toThrow(TypeError);
    expect(em.seen.filter((s) => s.operation === operation.id)).toHaveLength(0);
  });
});

it('has a request body of several elements to scramble, so the key-order test above can fail', () => {
  const bodies = writes.flatMap((o) => (o.requestBody ? [Object.keys(everyField(o.requestBody.type))] : []));
  expect(bodies.some((keys) => keys.length > 1)).toBe(true);
});

describe('a write answered 202', () => {
  it('decodes to the documented body type of that status (a Task for an action)', () => {
    const accepted = writes.filter((o) => successOf(o).status === 202);
    expect(accepted.length).toBeGreaterThan(0);
    for (const operation of accepted) expect(answerFor(operation)?.type).toBe(successOf(operation).formats[0]!.body);
  });

  it('is encoded with the codec in the element order of the spec', () => {
    for (const operation of writes.filter((o) => o.requestBody)) {
      const documented = examples.find((e) => e.operation === operation.id && e.request);
      if (!documented) continue;
      const value = decode(operation.requestBody!.type as never, documented.xml);
      expect(encode(operation.requestBody!.type as never, value)).toBe(encodeIn(builtinModel, operation.requestBody!.type, value));
    }
  });
});
