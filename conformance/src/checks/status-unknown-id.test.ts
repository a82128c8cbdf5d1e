import { api, builtinModel as model, encode, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { exchangeOf } from '../test-support/exchange-of.js';
import { failureMessage, statusesOf, verdictOf } from '../test-support/verdicts.js';
import { statusUnknownId } from './status-unknown-id.js';

const base = 'https://em.test:9398';
const errorBody = encode(api.errorBody, { Message: 'Not found', StatusCode: 404 });
// Every GET of an item by id that documents a 404 with an Error body: the probe's targets.
const items = Object.values(model.operations).filter((o) => o.method === 'GET' && o.params.length > 0 && o.responses.some((r) => r.status === 404 && r.error));
const asked = (id: string, spec: { status: number; body?: string }) =>
  exchangeOf({ url: operationUrl(base, model.operations[id]!, Object.fromEntries(model.operations[id]!.params.map((p) => [p.name, '00000000-0000-0000-0000-000000000000'])), {}, model).href, probe: 'unknown-id', ...spec });

it('has items that document a 404 for an unknown id to judge', () => {
  expect(items.length).toBeGreaterThan(0);
});

it.each(items.map((o) => [o.id]))('passes %s answering an unknown id with the documented 404 and an Error body', (id) => {
  expect(verdictOf(statusUnknownId, asked(id, { status: 404, body: errorBody }))).toMatchObject({ status: 'passed', message: `${id} answered 404 with an Error body` });
});

it.each(items.map((o) => [o.id]))('fails %s answering an unknown id with 200, 400 or 500', (id) => {
  for (const status of [200, 400, 500]) {
    expect(failureMessage(statusUnknownId, asked(id, { status, body: errorBody }))).toBe(`expected 404 for an id no server issued at ${id}, got ${status}`);
  }
});

it('fails a 404 whose body is not an Error body, or is empty (the body the spec documents is not the body that came)', () => {
  const id = items[0]!.id;
  const otherRoot = `<Widget xmlns="${api.namespace}"><Name>x</Name></Widget>`;
  expect(failureMessage(statusUnknownId, asked(id, { status: 404, body: otherRoot }))).toMatch(new RegExp(`^expected 404 with an Error body at ${id}, got .*expected <Error>, got <Widget>`));
  expect(failureMessage(statusUnknownId, asked(id, { status: 404 }))).toBe(`expected 404 with an Error body at ${id}, got an empty body`);
});

it('judges only the unknown-id probe, and skips a request for which no 404 is documented', () => {
  const id = items[0]!.id;
  expect(statusesOf(statusUnknownId, { ...asked(id, { status: 200 }), probe: undefined })).toEqual([]);
  // No operation matched, so no 404 is documented for it: no verdict to give but skipped.
  const unmatched = exchangeOf({ url: `${base}/api/nowhere/1`, status: 404, body: errorBody, probe: 'unknown-id' });
  expect(verdictOf(statusUnknownId, unmatched)).toMatchObject({ status: 'skipped', message: `${base}/api/nowhere/1 documents no 404 for an unknown id` });
});
