import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, decodeJsonIn, encodeIn, encodeJsonIn, mediaTypeOf, operationUrl, successOf, type KeyCasing, type OperationSpec } from '@vbem/models';
import { jsonStyles } from './json-styles.js';
import type { MockOptions } from './mock-options.js';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { basic } from './test-support/http-session.js';
import { idParam, mockSession } from './test-support/mock-session.js';
import { requestBodyOf } from './test-support/request-body.js';
import { defaultCredentials } from './default-credentials.js';

const JSON_TYPE = `${mediaTypeOf(model, 'json')}; charset=utf-8`;
const XML_TYPE = `${mediaTypeOf(model, 'xml')}; charset=utf-8`;
const protocol = model.api.protocol;
const entryPoint = model.operations[protocol.entryPoint]!;
const logon = model.operations[protocol.logon]!;
/** The first collection list of the model: a session operation whose body is cached by the fake. */
const list = Object.values(model.operations).find((op) => indexOf(model).kind(op) === 'list')!;
const action = Object.values(model.operations).find((op) => indexOf(model).kind(op) === 'action' && op.requestBody)!;

const options: MockOptions = { tasks: { runMs: 0 } };
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
beforeAll(async () => {
  // serveMock reads the options object it is given on every request: the tests change it.
  mock = await serveMock(options);
  session = await mockSession(model, mock.url);
});
afterAll(() => mock?.close());

/** The body's bytes, after checking Content-Type and an exact Content-Length. */
async function bodyOf(response: Response, contentType: string): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(response.headers.get('Content-Type')).toBe(contentType);
  expect(response.headers.get('Content-Length')).toBe(String(bytes.byteLength));
  return new TextDecoder().decode(bytes);
}

const get = (url: URL, accept?: string, token = session.token) =>
  fetch(url, { headers: { [model.api.sessionHeader]: token, ...(accept !== undefined ? { Accept: accept } : {}) } });
const bodyType = (op: OperationSpec) => successOf(op).formats[0]!.body;

describe('content negotiation by Accept', () => {
  const cases: [string | undefined, 'xml' | 'json' | 406][] = [
    [undefined, 'xml'],
    ['', 'xml'],
    ['*/*', 'xml'],
    ['application/*', 'xml'],
    ['application/xml', 'xml'],
    ['application/json', 'json'],
    ['APPLICATION/JSON; charset=utf-8', 'json'],
    ['application/json, */*', 'json'],
    ['*/*;q=0.8, application/json', 'json'],
    ['application/xml, application/json', 'xml'],
    ['application/json, application/xml', 'xml'],
    ['application/xml;q=0.5, application/json', 'json'],
    ['application/json;q=0.5, application/xml', 'xml'],
    ['application/json;q=0, */*', 'xml'],
    ['application/xml;q=0, */*', 'json'],
    ['text/html, application/json;q=0.1', 'json'],
    ['text/html', 406],
    ['application/xml;q=0, application/json;q=0', 406],
    ['application/json;q=2', 406],
  ];
  it.each(cases)('answers Accept %j with %s', async (accept, expected) => {
    const response = await get(operationUrl(mock.url, entryPoint, {}, {}, model), accept);
    if (expected === 406) {
      expect(response.status).toBe(406);
      const error = decodeIn(model, model.api.errorBody, await bodyOf(response, XML_TYPE), { strict: true }) as { StatusCode: number; Message: string };
      expect(error.StatusCode).toBe(406);
      expect(error.Message).toContain('application/json');
      return;
    }
    expect(response.status).toBe(200);
    const text = await bodyOf(response, expected === 'json' ? JSON_TYPE : XML_TYPE);
    expect(expected === 'json' ? decodeJsonIn(model, bodyType(entryPoint), text, { strict: true }) : decodeIn(model, bodyType(entryPoint), text, { strict: true })).toBeTruthy();
  });

  it('keeps the XML answer byte for byte whether Accept names XML, a wildcard or nothing', async () => {
    const url = operationUrl(mock.url, list, {}, {}, model);
    const bodies = await Promise.all([undefined, 'application/xml', '*/*', 'application/json;q=0.1, application/xml'].map(async (a) => bodyOf(await get(url, a), XML_TYPE)));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toBe(encodeIn(model, bodyType(list), decodeIn(model, bodyType(list), bodies[0]!)));
  });
});

describe('JSON answers', () => {
  it('carry the same value as the XML answer of the same request, decoded strictly', async () => {
    const url = operationUrl(mock.url, list, {}, {}, model);
    const xml = decodeIn(model, bodyType(list), await bodyOf(await get(url), XML_TYPE), { strict: true });
    const text = await bodyOf(await get(url, 'application/json'), JSON_TYPE);
    expect(text.startsWith('{')).toBe(true);
    expect(decodeJsonIn(model, bodyType(list), text, { strict: true })).toEqual(xml);
  });

  it.each(Object.entries(jsonStyles))('are written in the casing and null style of EM %s, request by request (cached bodies included)', async (_version, style) => {
    options.json = style;
    try {
      // The session list and an Error body: the Error leaves members out, so nulls show there (or not).
      const url = operationUrl(mock.url, list, {}, {}, model);
      for (const [response, type] of [
        [await get(url, 'application/json'), bodyType(list)],
        [await get(url, 'application/json', 'not-a-session'), model.api.errorBody],
      ] as const) {
        const text = await bodyOf(response, JSON_TYPE);
        let casing: KeyCasing | undefined;
        const value = decodeJsonIn(model, type, text, { strict: true, onCasing: (c) => (casing = c) });
        expect(casing).toBe(style.casing);
        expect(text).toBe(encodeJsonIn(model, type, value, type === model.api.errorBody ? { ...style, nulls: true } : style));
        // EM 9.5 left nulls out of entities but wrote them in its Error bodies (../real-world/json/error-*-v9.5u4*.json).
        if (type === model.api.errorBody) expect(text).toMatch(/:null[,}]/);
        else if (!style.nulls) expect(text).not.toMatch(/:null[,}]/);
      }
    } finally {
      delete options.json;
    }
  });

  it('default to EM 12: PascalCase, nulls written out', async () => {
    const text = await bodyOf(await get(operationUrl(mock.url, list, {}, {}, model), 'application/json', 'not-a-session'), JSON_TYPE);
    expect(text).toContain('"StatusCode":401');
    expect(text).toMatch(/:null[,}]/);
  });

  it('answer errors with the JSON Error body, its StatusCode the status', async () => {
    const response = await get(operationUrl(mock.url, list, {}, {}, model), 'application/json', 'not-a-session');
    expect(response.status).toBe(401);
    const error = decodeJsonIn(model, model.api.errorBody, await bodyOf(response, JSON_TYPE), { strict: true }) as { StatusCode: number };
    expect(error.StatusCode).toBe(401);
    const unknown = await get(new URL(`${model.api.basePath}/no-such-resource-here`, mock.url), 'application/json');
    expect(unknown.status).toBe(404);
    expect(decodeJsonIn(model, model.api.errorBody, await bodyOf(unknown, JSON_TYPE), { strict: true })).toMatchObject({ StatusCode: 404 });
  });

  it('answer a logon asked in JSON with a JSON LogonSession and the session header', async () => {
    const response = await fetch(operationUrl(mock.url, logon, {}, {}, model), {
      method: logon.method,
      headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password), Accept: 'application/json' },
    });
    expect(response.status).toBe(successOf(logon).status);
    const value = decodeJsonIn(model, bodyType(logon), await bodyOf(response, JSON_TYPE), { strict: true }) as { Href: string };
    expect(response.headers.get(model.api.sessionHeader)).toBeTruthy();
    expect(response.headers.get('Location')).toBe(value.Href);
  });

  it('take the body faults: truncate cuts the JSON bytes, mutate gets the JSON text', async () => {
    const url = operationUrl(mock.url, list, {}, {}, model);
    const whole = await bodyOf(await get(url, 'application/json'), JSON_TYPE);
    const seen: string[] = [];
    options.faults = { [list.id]: { truncate: true, mutate: (body, { representation }) => (seen.push(representation), body.replace(/^\{/, '{"Added":1,')) } };
    try {
      const cut = await bodyOf(await get(url, 'application/json'), JSON_TYPE);
      expect(seen).toEqual(['json']);
      const mutated = `{"Added":1,${whole.slice(1)}`;
      expect(cut).toBe(new TextDecoder().decode(new TextEncoder().encode(mutated).subarray(0, Math.floor(new TextEncoder().encode(mutated).length / 2))));
    } finally {
      delete options.faults;
    }
  });
});

describe('JSON request bodies', () => {
  const at = () => operationUrl(mock.url, action, { [idParam(action.path)]: [...mock.state.collections.get(action.entity!)!.keys()][0]! }, {}, model);
  const post = (body: string, contentType: string) =>
    fetch(at(), { method: 'POST', headers: { [model.api.sessionHeader]: session.token, 'Content-Type': contentType, Accept: 'application/json' }, body });
  const jsonBody = () => encodeJsonIn(model, action.requestBody!.type, decodeIn(model, action.requestBody!.type, requestBodyOf(model, action)));

  it('are decoded as JSON when Content-Type is application/json, in either casing', async () => {
    for (const casing of ['PascalCase', 'camelCase'] as const) {
      const body = encodeJsonIn(model, action.requestBody!.type, decodeIn(model, action.requestBody!.type, requestBodyOf(model, action)), { casing });
      const response = await post(body, 'application/json; charset=utf-8');
      expect(response.status, await response.clone().text()).toBe(successOf(action).status);
      expect(response.headers.get('Content-Type')).toBe(JSON_TYPE);
    }
  });

  it('are refused with 400 and a JSON Error body when the JSON breaks the spec', async () => {
    const response = await post(jsonBody().replace(/^\{/, '{"UndocumentedMember":1,'), 'application/json');
    expect(response.status).toBe(400);
    const error = decodeJsonIn(model, model.api.errorBody, await bodyOf(response, JSON_TYPE), { strict: true }) as { Message: string };
    expect(error.Message).toContain('UndocumentedMember');
  });

  it('are decoded as XML without a JSON Content-Type, so JSON sent as XML is refused', async () => {
    expect((await post(requestBodyOf(model, action), 'application/xml')).status).toBe(successOf(action).status);
    expect((await post(jsonBody(), 'application/xml')).status).toBe(400);
  });
});
