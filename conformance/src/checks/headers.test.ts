import { operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { documentedExchange, exchangeOf } from '../test-support/exchange-of.js';
import { failureMessage, verdictOf } from '../test-support/verdicts.js';
import { headersContentLength } from './headers-content-length.js';
import { headersContentType } from './headers-content-type.js';
import { headersDocumented } from './headers-documented.js';

const refs = 'cloud-failover-sessions.refs.xml';

it('passes the documented media type with parameters', () => {
  expect(verdictOf(headersContentType, documentedExchange(refs)).status).toBe('passed');
});

it('fails another media type, saying which was expected', () => {
  const verdict = verdictOf(headersContentType, documentedExchange(refs, { headers: { 'content-type': 'text/xml' } }));
  expect(verdict).toMatchObject({ status: 'failed', message: 'expected Content-Type application/xml, got text/xml' });
});

it('fails a body without Content-Length', () => {
  expect(failureMessage(headersContentLength, documentedExchange(refs, { headers: { 'content-length': undefined } }))).toMatch(/expected Content-Length: \d+, got none/);
});

it('fails a Content-Length smaller than the bytes received, and one larger, naming both', () => {
  const bytes = documentedExchange(refs).response!.bodyBytes;
  for (const claimed of [7, bytes - 1, bytes + 1, bytes * 2]) {
    expect(failureMessage(headersContentLength, documentedExchange(refs, { headers: { 'content-length': String(claimed) } }))).toBe(`expected Content-Length: ${bytes} (the bytes received), got ${claimed}`);
  }
  expect(verdictOf(headersContentLength, documentedExchange(refs))).toMatchObject({ status: 'passed', message: `${bytes} bytes` });
});

it('skips Content-Length on an encoded body, whose length cannot be compared', () => {
  expect(verdictOf(headersContentLength, documentedExchange(refs, { headers: { 'content-encoding': 'gzip' } })).status).toBe('skipped');
});

it('fails a logon answer without the session header it documents', () => {
  const logon = documentedExchange('logon-session.tenant.xml', { headers: { location: 'https://localhost:9398/api/logonSessions/362da803-804d-4c32-ad35-0972e432460b' } });
  expect(failureMessage(headersDocumented, logon)).toBe('expected a X-RestSvcSessionId header, got none');
});

it('fails a challenge that is not the documented value', () => {
  const refused = exchangeOf({ method: 'POST', url: operationUrl('https://em.test', operations.logon).href, status: 401, headers: { 'www-authenticate': 'Negotiate' } });
  expect(failureMessage(headersDocumented, refused)).toBe('expected WWW-Authenticate: Basic Realm=RestSvc, got Negotiate');
});
