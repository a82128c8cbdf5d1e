import { join } from 'node:path';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { builtinModel, decodeIn, encodeIn, encodeJsonIn, matchOperation, mediaTypeOf, operationUrl, representations, successOf, type ApiModel, type ExampleSpec, type OperationSpec, type Representation } from '@vbem/models';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from './client-options.js';
import { LinkError } from './errors.js';
import { createClient } from './create-client.js';
import { isLifecycle, methodPlans } from './method-names.js';

const BASE = 'https://widgets.example:9398';
const ID = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

let model: ApiModel;

// A made-up resource family (spec-fixtures/widgets/): a list and an item in two formats, a query,
// a `?action=spin` POST with a body and a `?action=polish` one with an optional body, both answered 202 + Task.
beforeAll(() => {
  model = loadModelWith(join(specFixturesDir, 'widgets'));
});

/** The documented example a fake answers an operation with: of the body type of the format asked for, the operation's own first. */
function documentedAnswer(model: ApiModel, operation: OperationSpec, format: string): { type?: string; example?: ExampleSpec } {
  const type = successOf(operation).formats.find((f) => f.format === format)?.body;
  const examples = model.examples.filter((e) => !e.request && e.type === type);
  return { type, example: examples.find((e) => e.operation === operation.id) ?? examples.find((e) => e.operation === undefined) ?? examples[0] };
}

/** A fake server for any model: logon issues a token; other operations answer their documented example of the success type, in `representation`. */
function fakeServer(model: ApiModel, representation: Representation = 'xml') {
  const seen: { operation: string | undefined; method: string; url: URL; headers: Headers; body: string | undefined }[] = [];
  const logon = model.operations[model.api.protocol.logon]!;
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const operation = matchOperation(method, url, model)?.operation;
    seen.push({ operation: operation?.id, method, url, headers: new Headers(init.headers as HeadersInit), body: typeof init.body === 'string' ? init.body : undefined });
    if (!operation) return new Response(null, { status: 404 });
    const status = successOf(operation).status;
    const { example } = documentedAnswer(model, operation, url.searchParams.get(model.api.formatParam) ?? 'default');
    const headers: Record<string, string> = { 'Content-Type': mediaTypeOf(model, representation), ...(operation.id === logon.id ? { [model.api.sessionHeader]: 'tok' } : {}) };
    const body = example && representation === 'json' ? encodeJsonIn(model, example.type, decodeIn(model, example.type, example.xml)) : example?.xml;
    return new Response(body ?? null, { status, headers });
  };
  return { fetch, seen };
}

type AnyGroup = Record<string, (...args: unknown[]) => Promise<unknown>>;

describe('a client built from a model loaded from another spec folder', () => {
  it('has a group and methods for the operations only that model has, named by methodPlans', () => {
    const client = createClient({ baseUrl: BASE, username: 'u', password: 'p', model }) as unknown as Record<string, AnyGroup>;
    const added = Object.values(model.operations).filter((o) => !isLifecycle(o, model.api) && !(o.id in createBuiltinIds()));
    expect(added.length).toBeGreaterThan(0);
    for (const operation of added) for (const plan of methodPlans(operation)) expect(typeof client[operation.resource]?.[plan.name], `${operation.resource}.${plan.name}`).toBe('function');
  });

  it.each(representations)('calls each new operation in %s against an injected fetch: reads decoded by the model, writes with their encoded body', async (representation) => {
    const server = fakeServer(model, representation);
    const client = createClient({ baseUrl: BASE, username: 'u', password: 'p', model, representation, fetch: server.fetch }) as unknown as Record<string, AnyGroup>;
    const builtin = createBuiltinIds();
    for (const operation of Object.values(model.operations).filter((o) => !isLifecycle(o, model.api) && !(o.id in builtin))) {
      // A paged GET is followed page by page through the fake in conformance/src/spec-only.test.ts.
      for (const plan of methodPlans(operation).filter((p) => !p.paged)) {
        const body = operation.requestBody ? [bodyFor(model, operation)] : [];
        const value = await client[operation.resource]![plan.name]!(...pathArgs(operation), ...body);
        const sent = server.seen.at(-1)!;
        for (const p of operation.params) expect(sent.url.pathname).toContain(`/${idOf(p.name)}`);
        expect(sent.operation).toBe(operation.id);
        expect(sent.method).toBe(operation.method);
        expect(sent.headers.get('Accept')).toBe(mediaTypeOf(model, representation));
        for (const q of operation.query) if (q.const !== undefined) expect(sent.url.searchParams.get(q.name)).toBe(q.const);
        if (operation.requestBody) {
          expect(sent.headers.get('Content-Type')).toBe(mediaTypeOf(model, representation));
          expect(sent.body).toBe((representation === 'json' ? encodeJsonIn : encodeIn)(model, operation.requestBody.type, body[0]));
        }
        const { type, example } = documentedAnswer(model, operation, plan.format ?? 'default');
        if (example && type) expect(value).toEqual(decodeIn(model, type, example.xml));
      }
    }
    expect(server.seen.some((s) => s.operation === 'spinWidget')).toBe(true);
  });
});

/** A distinct id per path parameter name, so a URL that puts one in another's place is caught. */
const idOf = (name: string) => `${ID.slice(0, -name.length)}${[...name].map((c) => (c.charCodeAt(0) % 16).toString(16)).join('')}`;

/** The path arguments of a method: one id, or an object naming each of several (an item under its parent). */
function pathArgs(operation: OperationSpec): unknown[] {
  if (operation.params.length === 0) return [];
  if (operation.params.length === 1) return [idOf(operation.params[0]!.name)];
  return [Object.fromEntries(operation.params.map((p) => [p.name, idOf(p.name)]))];
}

/** The operation ids of the built-in model, to tell the made-up ones apart without naming them. */
function createBuiltinIds(): Record<string, true> {
  return Object.fromEntries(Object.keys(builtinModel.operations).map((id) => [id, true as const]));
}

/** A body for an operation: each required scalar field of its request type given a value of its scalar type. */
function bodyFor(model: ApiModel, operation: OperationSpec): Record<string, unknown> {
  const map = model.xmlMaps[operation.requestBody!.type]!;
  const sample: Record<string, unknown> = { int: 1200, long: 1, boolean: true, string: 'x', dateTime: new Date(0), guid: ID, uid: `urn:veeam:X:${ID}`, url: BASE };
  return Object.fromEntries([...map.attributes, ...map.elements].filter((f) => f.scalar !== undefined).map((f) => [f.name, sample[f.scalar!]]))
}

describe('an optional request body', () => {
  it('sends an optional body when given, and none (no Content-Type) when left out', async () => {
    const server = fakeServer(model);
    const client = createClient({ baseUrl: BASE, username: 'u', password: 'p', model, fetch: server.fetch }) as unknown as Record<string, AnyGroup>;
    const optional = Object.values(model.operations).filter((o) => o.requestBody?.optional === true);
    expect(optional.length).toBeGreaterThan(0);
    for (const operation of optional) {
      const method = client[operation.resource]![methodPlans(operation)[0]!.name]!;
      const ids = pathArgs(operation);
      await method(...ids);
      expect(server.seen.at(-1)).toMatchObject({ operation: operation.id, body: undefined });
      expect(server.seen.at(-1)!.headers.get('Content-Type')).toBeNull();
      const body = bodyFor(model, operation);
      await method(...ids, body);
      expect(server.seen.at(-1)!.body).toBe(encodeIn(model, operation.requestBody!.type, body));
    }
  });
});

describe('following a link whose Type several operations serve', () => {
  it('fetches the operation the href is the URL of, whichever of them it is, and names them all when it is none', async () => {
    const server = fakeServer(model);
    const client = createClient({ baseUrl: BASE, username: 'u', password: 'p', model, fetch: server.fetch });
    // The widgets' sub-collection shares its link Type with one of the spec's own.
    const shared = Object.entries(model.linkTargets).filter(([, targets]) => targets.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [type, targets] of shared) {
      for (const target of targets) {
        const operation = model.operations[target.operation]!;
        const href = operationUrl(BASE, operation, Object.fromEntries(operation.params.map((p) => [p.name, ID])), target.format === 'default' ? {} : { [model.api.formatParam]: target.format }, model).href;
        await client.follow({ Href: href, Type: type } as never);
        expect(server.seen.at(-1)).toMatchObject({ operation: target.operation });
      }
      const elsewhere = `${BASE}${model.api.basePath}/nowhere/${ID}`;
      const error = await client.follow({ Href: elsewhere, Type: type } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LinkError);
      for (const target of targets) expect(String((error as Error).message)).toContain(target.operation);
    }
  });
});

describe('an item addressed under its parent item', () => {
  it('takes an object naming both ids, puts each in its place, and refuses a lone id or a missing one by name', async () => {
    const server = fakeServer(model);
    const client = createClient({ baseUrl: BASE, username: 'u', password: 'p', model, fetch: server.fetch }) as unknown as Record<string, AnyGroup>;
    const nested = Object.values(model.operations).filter((o) => o.method === 'GET' && o.params.length > 1 && /\}$/.test(o.path));
    expect(nested.length).toBeGreaterThan(0);
    for (const operation of nested) {
      const method = client[operation.resource]![methodPlans(operation)[0]!.name]!;
      const [args] = pathArgs(operation) as [Record<string, string>];
      await method(args);
      let expected = operation.path;
      for (const [name, value] of Object.entries(args)) expected = expected.replace(`{${name}}`, value);
      expect(server.seen.at(-1)!.url.pathname).toBe(`${model.api.basePath}${expected}`);
      await expect(method(ID)).rejects.toThrow(new TypeError(`${operation.id}: expected an object of ${operation.params.map((p) => p.name).join(', ')}, got string`));
      const last = operation.params.at(-1)!.name;
      const { [last]: _dropped, ...partial } = args;
      await expect(method(partial)).rejects.toThrow(new TypeError(`${operation.id}: expected the ${last} as a non-empty string, got undefined`));
    }
  });
});
