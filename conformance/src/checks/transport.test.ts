import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { documentedExchange } from '../test-support/exchange-of.js';
import { failureMessage, verdictOf } from '../test-support/verdicts.js';
import { runChecks } from '../runner/run-checks.js';
import { serverChecks } from './server-checks.js';
import { transport } from './transport.js';
import { xsdValid } from './xsd-valid.js';

it('fails an exchange that got no complete response', () => {
  const { response: _response, ...rest } = documentedExchange('cloud-failover-sessions.refs.xml');
  const failed: Exchange = { ...rest, error: 'TypeError: fetch failed (ECONNRESET)' };
  expect(failureMessage(transport, failed)).toBe('expected a complete response, got TypeError: fetch failed (ECONNRESET)');
});

it('reports XSD findings as warnings, never failures', () => {
  const exchange = documentedExchange('cloud-failover-session.entity.xml');
  const xsd = new Map([[exchange, ["line 1: Element 'JobType': This element is not expected."]]]);
  expect(verdictOf(xsdValid, exchange, { xsd })).toMatchObject({ status: 'warning', message: expect.stringContaining('JobType') });
  expect(verdictOf(xsdValid, exchange, { xsd: new Map([[exchange, []]]) }).status).toBe('passed');
});

it('skips, never fails, an exchange whose body was past the byte limit, and judges it by no other check', () => {
  const exchange: Exchange = { ...documentedExchange('cloud-failover-sessions.refs.xml'), bodyNotJudged: 'not judged: larger than maxListBodyBytes (--max-list-body-bytes) (65536 bytes)' };
  const truncated: Exchange = { ...exchange, response: { ...exchange.response!, body: exchange.response!.body.slice(0, 100) } };
  expect(runChecks(serverChecks, truncated, { exchanges: [truncated] })).toEqual([{ check: 'transport', status: 'skipped', message: exchange.bodyNotJudged }]);
  const { bodyNotJudged: _judged, ...whole } = truncated;
  expect(runChecks(serverChecks, whole, { exchanges: [whole] }).filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
});
