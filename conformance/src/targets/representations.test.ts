import { builtinModel } from '@vbem/models';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { askedRepresentation } from '../asked-representation.js';
import type { Exchange } from '../exchange.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { runServerTarget } from './server-target.js';

let mock: ObservedMock;
beforeEach(async () => void (mock = await startObservedMock(6)));
afterEach(() => mock.close());

const run = async (representations?: readonly ('xml' | 'json')[], allowWrites = false) => {
  const exchanges: Exchange[] = [];
  const outcome = await runServerTarget({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, allowWrites, ...(representations ? { representations } : {}) }, (e) => void exchanges.push(e));
  return { exchanges, outcome };
};
const { protocol } = builtinModel.api;

it('asks every read in XML and then at once in JSON by default; the logon once, in XML; actions in XML', { timeout: 120_000 }, async () => {
  const { exchanges, outcome } = await run(undefined, true);
  const gets = exchanges.filter((e) => e.request.method === 'GET');
  const xml = gets.filter((e) => askedRepresentation(e) === 'xml');
  expect(xml.length).toBeGreaterThan(20);
  for (const e of xml) {
    const next = exchanges[exchanges.indexOf(e) + 1];
    // A JSON read follows each XML read, unless this XML read is the one read again after a disagreement.
    const previous = exchanges[exchanges.indexOf(e) - 1];
    const again = previous?.request.url === e.request.url && askedRepresentation(previous) === 'json';
    if (!again) expect({ url: next?.request.url, accept: next?.request.headers.accept, probe: next?.probe }, e.request.url).toEqual({ url: e.request.url, accept: 'application/json', probe: e.probe });
  }
  expect(exchanges.filter((e) => e.operationId === protocol.logon).map((e) => askedRepresentation(e))).toEqual(['xml']);
  const actions = exchanges.filter((e) => e.request.method === 'POST' && e.operationId !== protocol.logon);
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions.map(askedRepresentation))).toEqual(new Set(['xml']));
  expect(outcome.api).toMatchObject({ representations: ['xml', 'json'], mediaTypes: [builtinModel.api.mediaType, 'application/json'] });
});

it('asks every request in JSON alone with representations json, and in XML alone with xml', { timeout: 120_000 }, async () => {
  const json = await run(['json']);
  expect(new Set(json.exchanges.map((e) => e.request.headers.accept))).toEqual(new Set(['application/json']));
  expect(json.outcome.api).toMatchObject({ mediaType: 'application/json', representations: ['json'] });
  const xml = await run(['xml']);
  expect(new Set(xml.exchanges.map((e) => e.request.headers.accept))).toEqual(new Set([builtinModel.api.mediaType]));
});
