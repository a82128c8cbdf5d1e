import { operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { exchangeOf } from '../test-support/exchange-of.js';
import { exchangeLabel } from './probe-label.js';

const url = operationUrl('https://em.test:9398', operations.listCloudFailoverSessions).href;

it("names a JSON client's calls apart from an XML client's, beside the negative case", () => {
  expect(exchangeLabel(exchangeOf({ url, status: 200, call: 'c.list', clientRepresentation: 'xml' }))).toBe('c.list');
  expect(exchangeLabel(exchangeOf({ url, status: 200, call: 'c.list', clientRepresentation: 'json' }))).toBe('c.list (JSON)');
  expect(exchangeLabel(exchangeOf({ url, status: 503, call: 'c.list', probe: 'forced-status', clientRepresentation: 'json' }))).toBe('c.list (error statuses, JSON)');
  expect(exchangeLabel(exchangeOf({ url, status: 401, probe: 'no-session' }))).toBe('listCloudFailoverSessions (no session)');
});
