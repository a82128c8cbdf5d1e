import { expect, it } from 'vitest';
import { documentedExchange, exchangeOf } from '../test-support/exchange-of.js';
import { failureMessage, verdictOf, statusesOf } from '../test-support/verdicts.js';
import { statusDocumented } from './status-documented.js';
import { statusExpected } from './status-expected.js';

const list = 'https://em.test:9398/api/cloud/failoverSessions';

it('passes a documented success status', () => {
  expect(verdictOf(statusDocumented, documentedExchange('cloud-failover-sessions.refs.xml')).status).toBe('passed');
});

it('fails a status the operation does not document, naming the documented ones', () => {
  const verdict = verdictOf(statusDocumented, exchangeOf({ url: list, status: 418 }));
  expect(verdict.status).toBe('failed');
  expect(verdict.message).toMatch(/expected one of 200, 401, .* for listCloudFailoverSessions, got 418/);
});

it('fails a documented 500 as a server fault', () => {
  expect(failureMessage(statusDocumented, exchangeOf({ url: list, status: 500 }))).toMatch(/expected no server fault .* got 500/);
});

it('fails a request no operation of the spec matches', () => {
  expect(verdictOf(statusDocumented, exchangeOf({ url: 'https://em.test:9398/api/nowhere', status: 404 })).status).toBe('failed');
});

it('expects the success status on a plain call, and leaves negative cases to the auth checks', () => {
  expect(failureMessage(statusExpected, exchangeOf({ url: list, status: 404 }))).toBe('expected 200 from listCloudFailoverSessions, got 404');
  expect(statusesOf(statusExpected, exchangeOf({ url: list, status: 401, probe: 'no-session' }))).toEqual([]);
});
