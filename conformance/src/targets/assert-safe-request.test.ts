import { builtinModel, operationUrl, type ApiModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { UnsafeRequestError } from '../errors.js';
import { assertSafeRequest } from './assert-safe-request.js';

const base = 'https://em.test:9398';
const own = new Set(['362da803-804d-4c32-ad35-0972e432460b']);
const { protocol } = builtinModel.api;
const op = (id: string) => builtinModel.operations[id]!;

it('allows documented GETs, the logon, and the logoff of its own session', () => {
  expect(() => assertSafeRequest('GET', operationUrl(base, op(protocol.authProbe)), own)).not.toThrow();
  expect(() => assertSafeRequest('POST', operationUrl(base, op(protocol.logon)), own)).not.toThrow();
  expect(() => assertSafeRequest('DELETE', operationUrl(base, op(protocol.logoff), { id: [...own][0]! }), own)).not.toThrow();
});

it("refuses another session's logoff, other writes, and GETs of undocumented paths", () => {
  expect(() => assertSafeRequest('DELETE', operationUrl(base, op(protocol.logoff), { id: '15a3fc97-0325-4119-b789-5c0367c6c565' }), own)).toThrow(UnsafeRequestError);
  expect(() => assertSafeRequest('POST', operationUrl(base, op(protocol.authProbe)), own)).toThrow(/got a request to POST/);
  expect(() => assertSafeRequest('GET', new URL('/api/no/such/collection', base), own)).toThrow(UnsafeRequestError);
});

it('allows a state-changing operation only when it is one of the planned writes (the built-in fake)', () => {
  const action = { ...op(protocol.authProbe), id: 'startThing', method: 'POST' as const, path: '/things/{id}', params: [{ name: 'id', type: 'guid' as const, optional: false }], query: [{ name: 'action', type: 'string' as const, optional: false, const: 'start' }] };
  const model: ApiModel = { ...builtinModel, operations: { ...builtinModel.operations, [action.id]: action } };
  const url = operationUrl(base, action, { id: [...own][0]! }, { action: 'start' }, model);
  expect(() => assertSafeRequest('POST', url, own, { model })).toThrow(UnsafeRequestError);
  expect(() => assertSafeRequest('POST', url, own, { model, allowedWrites: new Set([action.id]) })).not.toThrow();
  expect(() => assertSafeRequest('DELETE', operationUrl(base, op(protocol.logoff), { id: '15a3fc97-0325-4119-b789-5c0367c6c565' }), own, { model, allowedWrites: new Set([protocol.logoff]) })).toThrow(UnsafeRequestError);
});

it('refuses every non-GET but the logon and the logoff of its own session: each operation of the model, with every method, with its own and another session id', () => {
  const logonPath = operationUrl(base, op(protocol.logon)).pathname;
  const ownLogoffPath = operationUrl(base, op(protocol.logoff), { id: [...own][0]! }).pathname;
  let allowed = 0;
  for (const operation of Object.values(builtinModel.operations)) {
    // The documented query constants (an action's ?action=…) are sent as a real request would send them.
    const query = Object.fromEntries(operation.query.flatMap((q) => (q.const === undefined ? [] : [[q.name, q.const]])));
    for (const id of [[...own][0]!, '15a3fc97-0325-4119-b789-5c0367c6c565']) {
      const url = operationUrl(base, operation, Object.fromEntries(operation.params.map((p) => [p.name, id])), query);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const safe = (method === 'POST' && url.pathname === logonPath) || (method === 'DELETE' && url.pathname === ownLogoffPath);
        const send = () => assertSafeRequest(method, url, own);
        if (safe) {
          expect(send, `${method} ${url.href}`).not.toThrow();
          allowed++;
        } else expect(send, `${method} ${url.href}`).toThrow(UnsafeRequestError);
      }
    }
  }
  // The logon (asked twice, once per id) and the own logoff are the only ones let through.
  expect(allowed).toBeGreaterThanOrEqual(3);
});

it('refuses each documented action of the model (a POST with its ?action=) unless it is the planned write, whatever else is planned', () => {
  const actions = Object.values(builtinModel.operations).filter((o) => o.method !== 'GET' && o.id !== protocol.logon && o.id !== protocol.logoff);
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    const query = Object.fromEntries(action.query.flatMap((q) => (q.const === undefined ? [] : [[q.name, q.const]])));
    const url = operationUrl(base, action, Object.fromEntries(action.params.map((p) => [p.name, [...own][0]!])), query);
    const others = new Set(actions.filter((a) => a.id !== action.id).map((a) => a.id));
    expect(() => assertSafeRequest(action.method, url, own), action.id).toThrow(UnsafeRequestError);
    expect(() => assertSafeRequest(action.method, url, own, { allowedWrites: others }), action.id).toThrow(UnsafeRequestError);
    expect(() => assertSafeRequest(action.method, url, own, { allowedWrites: new Set([action.id]) }), action.id).not.toThrow();
  }
});

it('refuses a DELETE of its own session id anywhere but the logoff, and a logoff with its id only in the query', () => {
  const mine = [...own][0]!;
  const withMine = (o: (typeof builtinModel.operations)[string]) => operationUrl(base, o, Object.fromEntries(o.params.map((p) => [p.name, mine])));
  const elsewhere = Object.values(builtinModel.operations).filter((o) => o.params.length > 0 && withMine(o).pathname !== withMine(op(protocol.logoff)).pathname);
  expect(elsewhere.length).toBeGreaterThan(0);
  for (const o of elsewhere) expect(() => assertSafeRequest('DELETE', withMine(o), own), o.id).toThrow(UnsafeRequestError);
  const other = operationUrl(base, op(protocol.logoff), { id: '15a3fc97-0325-4119-b789-5c0367c6c565' });
  other.searchParams.set('id', mine);
  expect(() => assertSafeRequest('DELETE', other, own)).toThrow(UnsafeRequestError);
});
