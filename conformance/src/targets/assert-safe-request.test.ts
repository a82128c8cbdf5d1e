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
