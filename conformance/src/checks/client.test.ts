import { decode, operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { documentedExchange, example, exchangeOf } from '../test-support/exchange-of.js';
import { failureMessage, verdictOf } from '../test-support/verdicts.js';
import { clientAccept } from './client-accept.js';
import { clientBasicOnlyOnLogon } from './client-basic-only-on-logon.js';
import { clientError } from './client-error.js';
import { clientOrigin } from './client-origin.js';
import { clientSessionHeader } from './client-session-header.js';
import { clientValue } from './client-value.js';

const base = 'https://em.test:9398';
const list = operationUrl(base, operations.listCloudFailoverSessions).href;
const logon = operationUrl(base, operations.logon).href;
const sent = (url: string, requestHeaders: Record<string, string>, method = 'GET') => exchangeOf({ method, url, status: 200, requestHeaders });

it('passes the session header on a session operation and fails its absence', () => {
  expect(verdictOf(clientSessionHeader, sent(list, { accept: 'application/xml', 'x-restsvcsessionid': '[redacted]' })).status).toBe('passed');
  expect(failureMessage(clientSessionHeader, sent(list, { accept: 'application/xml' }))).toMatch(/expected X-RestSvcSessionId on listCloudFailoverSessions .* got none/);
});

it('fails a session header sent to logon', () => {
  expect(verdictOf(clientSessionHeader, sent(logon, { 'x-restsvcsessionid': '[redacted]' }, 'POST')).status).toBe('failed');
});

it('fails a request without Accept: application/xml', () => {
  expect(failureMessage(clientAccept, sent(list, { accept: '*/*' }))).toBe("expected Accept: application/xml (the client's representation: XML), got */*");
});

it("judges Accept by the client's representation: a JSON client asking XML fails, asking JSON passes", () => {
  const fromJsonClient = (accept: string) => exchangeOf({ url: list, status: 200, requestHeaders: { accept }, clientRepresentation: 'json' });
  expect(verdictOf(clientAccept, fromJsonClient('application/json')).status).toBe('passed');
  expect(failureMessage(clientAccept, fromJsonClient('application/xml'))).toBe("expected Accept: application/json (the client's representation: JSON), got application/xml");
});

it('fails an XML client whose Accept names JSON too: Enterprise Manager would answer JSON', () => {
  expect(verdictOf(clientAccept, sent(list, { accept: 'application/xml, application/json' })).status).toBe('failed');
});

it('fails Basic credentials anywhere but logon, and their absence on logon', () => {
  expect(verdictOf(clientBasicOnlyOnLogon, sent(list, { authorization: 'Basic [redacted]' })).status).toBe('failed');
  expect(failureMessage(clientBasicOnlyOnLogon, sent(logon, {}, 'POST'))).toBe('expected Basic credentials on logon, got none');
  expect(verdictOf(clientBasicOnlyOnLogon, sent(logon, { authorization: 'Basic [redacted]' }, 'POST')).status).toBe('passed');
});

it('fails a request to another origin than the base URL', () => {
  const context = { origin: 'https://em.test:9398' };
  expect(failureMessage(clientOrigin, sent('https://elsewhere.test/api/cloud/failoverSessions', {}), context)).toBe(
    'expected requests to https://em.test:9398 only, got one to https://elsewhere.test',
  );
});

it('passes a foreign link refused before sending, and fails one that was sent', () => {
  const context = { origin: 'https://em.test:9398' };
  const foreign = 'https://elsewhere.test/api/cloud/failoverSessions/475420ee-d045-4493-9869-0a970e08f6f9';
  const refused: Exchange = { probe: 'foreign-origin', sent: false, request: { method: 'GET', url: foreign, headers: {} }, startedAt: '', durationMs: 0, outcome: { call: 'follow', error: { name: 'ForeignOriginError', message: 'refused' } } };
  expect(verdictOf(clientOrigin, refused, context).status).toBe('passed');
  const { sent: _sent, ...leaked } = refused;
  expect(failureMessage(clientOrigin, leaked, context)).toBe(`expected no request to https://elsewhere.test, got GET ${foreign}`);
});

it('passes the decoded body as the value returned, and fails another value', () => {
  const file = 'cloud-failover-session.entity.xml';
  const value = decode('CloudFailoverSession', example(file).xml);
  expect(verdictOf(clientValue, documentedExchange(file, { outcome: { call: 'cloudFailoverSessions.getEntity', value } })).status).toBe('passed');
  const other = { ...value, State: 'Working' };
  expect(verdictOf(clientValue, documentedExchange(file, { outcome: { call: 'cloudFailoverSessions.getEntity', value: other } })).status).toBe('failed');
});

it('fails an error status the client returned as a value, or threw with another status', () => {
  const forced = (outcome: Exchange['outcome']) => exchangeOf({ url: list, status: 503, probe: 'forced-status', outcome });
  expect(failureMessage(clientError, forced({ call: 'cloudFailoverSessions.list', value: { Ref: [] } }))).toBe('expected cloudFailoverSessions.list to throw on 503, got a value');
  expect(verdictOf(clientError, forced({ call: 'cloudFailoverSessions.list', error: { name: 'HttpError', message: '', status: 500 } })).status).toBe('failed');
  expect(verdictOf(clientError, forced({ call: 'cloudFailoverSessions.list', error: { name: 'HttpError', message: '', status: 503 } })).status).toBe('passed');
});

it('fails a request to the same host on another port, or with another scheme', () => {
  const context = { origin: 'https://em.test:9398' };
  expect(failureMessage(clientOrigin, sent('https://em.test:9399/api/', {}), context)).toBe('expected requests to https://em.test:9398 only, got one to https://em.test:9399');
  expect(failureMessage(clientOrigin, sent('http://em.test:9398/api/', {}), context)).toBe('expected requests to https://em.test:9398 only, got one to http://em.test:9398');
  expect(verdictOf(clientOrigin, sent('https://em.test:9398/api/', {}), context).status).toBe('passed');
});
