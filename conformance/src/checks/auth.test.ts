import { encode, operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { exchangeOf } from '../test-support/exchange-of.js';
import { failureMessage, statusesOf, verdictOf } from '../test-support/verdicts.js';
import { authAfterLogoff } from './auth-after-logoff.js';
import { authInvalidSession } from './auth-invalid-session.js';
import { authLogoff } from './auth-logoff.js';
import { authLogon } from './auth-logon.js';
import { authNoSession } from './auth-no-session.js';
import { authWrongPassword } from './auth-wrong-password.js';
import { errorStatusCode } from './error-status-code.js';

const base = 'https://em.test:9398';
const list = operationUrl(base, operations.listCloudFailoverSessions).href;
const logon = operationUrl(base, operations.logon).href;
const errorBody = (status: number) => encode('ErrorBody', { Message: 'Unauthorized', StatusCode: status });

it('passes a refusal with an Error body for each negative case', () => {
  for (const [check, probe] of [[authNoSession, 'no-session'], [authInvalidSession, 'invalid-session'], [authAfterLogoff, 'after-logoff']] as const) {
    expect(verdictOf(check, exchangeOf({ url: list, status: 401, body: errorBody(401), probe })).status).toBe('passed');
  }
});

it('fails a resource served without a session', () => {
  expect(failureMessage(authNoSession, exchangeOf({ url: list, status: 200, probe: 'no-session' }))).toBe('expected 401 (refused without a session header), got 200');
});

it('fails a refusal without an Error body', () => {
  expect(failureMessage(authInvalidSession, exchangeOf({ url: list, status: 401, probe: 'invalid-session' }))).toMatch(/with an Error body/);
});

it('fails a session still served after logoff', () => {
  expect(verdictOf(authAfterLogoff, exchangeOf({ url: list, status: 200, probe: 'after-logoff' })).status).toBe('failed');
});

it('judges only its own negative case', () => {
  expect(statusesOf(authNoSession, exchangeOf({ url: list, status: 200 }))).toEqual([]);
});

it('fails a wrong password answered without the challenge header', () => {
  expect(failureMessage(authWrongPassword, exchangeOf({ method: 'POST', url: logon, status: 401, body: errorBody(401), probe: 'wrong-password' }))).toBe(
    'expected 401 with a WWW-Authenticate header, got none',
  );
});

it('fails a logon without the session header, and a logoff that is not 204', () => {
  expect(failureMessage(authLogon, exchangeOf({ method: 'POST', url: logon, status: 201 }))).toMatch(/expected a X-RestSvcSessionId header/);
  const logoff = operationUrl(base, operations.logoff, { id: '362da803-804d-4c32-ad35-0972e432460b' }).href;
  expect(failureMessage(authLogoff, exchangeOf({ method: 'DELETE', url: logoff, status: 200 }))).toBe('expected 204 from logoff, got 200');
});

it('fails an Error body whose StatusCode is not the HTTP status', () => {
  expect(failureMessage(errorStatusCode, exchangeOf({ url: list, status: 401, body: errorBody(500) }))).toBe('expected StatusCode 401 (the HTTP status), got 500');
});
