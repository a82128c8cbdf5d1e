import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, decodeJsonIn, operationUrl, successOf, type KeyCasing } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { jsonStyles, type JsonStyleVersion } from './json-styles.js';
import { indexOf } from './model-index.js';
import type { MockServer, ServeMockOptions } from './serve-mock.js';
import { basic } from './test-support/http-session.js';
import { serveForEveryRead, type Read } from './test-support/every-read.js';
import { idParam, mockSession } from './test-support/mock-session.js';
import { requestBodyOf } from './test-support/request-body.js';
import { defaultCredentials } from './default-credentials.js';

// Tasks finish at once and every action below starts another: the state changes only by what the test does.
const options: ServeMockOptions = { tasks: { runMs: 0 }, state: createMockState({ entities: 3, seed: 11 }) };
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
let reads: Read[];
beforeAll(async () => {
  ({ mock, session, reads } = await serveForEveryRead(model, options));
}, 120_000);
afterAll(() => mock?.close());

const styles = Object.keys(jsonStyles) as JsonStyleVersion[];
/** GET with the session, as XML or in the JSON of an EM version. */
async function get(url: string, style?: JsonStyleVersion): Promise<string> {
  if (style) options.json = jsonStyles[style];
  try {
    const response = await fetch(url, { headers: { [model.api.sessionHeader]: session.token, ...(style ? { Accept: 'application/json' } : {}) } });
    expect(response.status, url).toBe(200);
    return await response.text();
  } finally {
    delete options.json;
  }
}

describe('the JSON of every operation of the spec', () => {
  it('covers every format of every GET operation the operation table has', () => {
    const wanted = Object.values(model.operations).flatMap((op) => (op.method === 'GET' ? successOf(op).formats.map((f) => `${op.id} ${f.format}`) : []));
    expect(new Set(reads.map((r) => `${r.operation.id} ${r.format.format}`))).toEqual(new Set(wanted));
  });

  it.each(styles)('decodes strictly, as EM %s writes it, to the value of the XML of the same request', async (style) => {
    for (const read of reads) {
      let casing: KeyCasing | undefined;
      const json = decodeJsonIn(model, read.format.body, await get(read.url, style), { strict: true, onCasing: (c) => (casing = c) });
      expect(json, read.url).toEqual(decodeIn(model, read.format.body, await get(read.url), { strict: true }));
      expect(casing, read.url).toBe(jsonStyles[style].casing);
    }
  }, 120_000);

  it('decodes to equal values from the EM 12 and EM 13 answers of the same state', async () => {
    for (const read of reads) {
      const [v12, v13] = [await get(read.url, '12'), await get(read.url, '13')];
      expect(v13).not.toBe(v12);
      expect(decodeJsonIn(model, read.format.body, v13, { strict: true }), read.url).toEqual(decodeJsonIn(model, read.format.body, v12, { strict: true }));
    }
  }, 120_000);

  it.each(styles)('answers every action and the logon in JSON as EM %s writes it, decoded strictly', async (style) => {
    options.json = jsonStyles[style];
    try {
      const logon = model.operations[model.api.protocol.logon]!;
      const posts: { op: typeof logon; url: URL; headers: Record<string, string>; body: string | undefined }[] = [{ op: logon, url: operationUrl(mock.url, logon, {}, {}, model), headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password) }, body: undefined }];
      for (const op of Object.values(model.operations).filter((o) => indexOf(model).kind(o) === 'action')) {
        const id = [...mock.state.collections.get(op.entity!)!.keys()][0]!;
        posts.push({ op, url: operationUrl(mock.url, op, { [idParam(op.path)]: id }, {}, model), headers: { [model.api.sessionHeader]: session.token }, body: op.requestBody ? requestBodyOf(model, op) : undefined });
      }
      expect(posts.length).toBeGreaterThan(1);
      for (const { op, url, headers, body } of posts) {
        const response = await fetch(url, { method: op.method, headers: { ...headers, Accept: 'application/json' }, ...(body !== undefined ? { body } : {}) });
        expect(response.status, op.id).toBe(successOf(op).status);
        let casing: KeyCasing | undefined;
        decodeJsonIn(model, successOf(op).formats[0]!.body, await response.text(), { strict: true, onCasing: (c) => (casing = c) });
        expect(casing, op.id).toBe(jsonStyles[style].casing);
      }
    } finally {
      delete options.json;
    }
  }, 60_000);
});
