import { operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { UnsafeRequestError } from '../errors.js';
import { assertSafeRequest } from './assert-safe-request.js';

const base = 'https://em.test:9398';
const own = new Set(['362da803-804d-4c32-ad35-0972e432460b']);

it('allows documented GETs, the logon, and the logoff of its own session', () => {
  expect(() => assertSafeRequest('GET', operationUrl(base, operations.listCloudFailoverSessions), own)).not.toThrow();
  expect(() => assertSafeRequest('POST', operationUrl(base, operations.logon), own)).not.toThrow();
  expect(() => assertSafeRequest('DELETE', operationUrl(base, operations.logoff, { id: [...own][0]! }), own)).not.toThrow();
});

it("refuses another session's logoff, other writes, and GETs of undocumented paths", () => {
  expect(() => assertSafeRequest('DELETE', operationUrl(base, operations.logoff, { id: '15a3fc97-0325-4119-b789-5c0367c6c565' }), own)).toThrow(UnsafeRequestError);
  expect(() => assertSafeRequest('POST', operationUrl(base, operations.listCloudFailoverSessions), own)).toThrow(/got a request to POST/);
  expect(() => assertSafeRequest('GET', new URL('/api/cloud/cloudFailoverPlans', base), own)).toThrow(UnsafeRequestError);
});
