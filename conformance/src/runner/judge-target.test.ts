import { api, operations, operationUrl } from '@vbem/models';
import { expect, it } from 'vitest';
import { clientChecks } from '../checks/client-checks.js';
import { Redactor } from '../redactor.js';
import { exchangeOf } from '../test-support/exchange-of.js';
import { judgeTarget } from './judge-target.js';

const base = 'https://em.test:9398';
const list = operationUrl(base, operations.listCloudFailoverSessions).href;

it("reports a client target's verdicts in its client's representation, even where the request asked another", async () => {
  const fromJsonClient = exchangeOf({ url: list, status: 200, requestHeaders: { accept: api.mediaType, [api.sessionHeader.toLowerCase()]: '[redacted]' }, clientRepresentation: 'json' });
  const { results } = await judgeTarget(
    async (onExchange) => onExchange(fromJsonClient),
    { target: 'client', checks: clientChecks, origin: base, redactor: new Redactor() },
  );
  expect(results.find((r) => r.check === 'client.accept')).toMatchObject({ status: 'failed', request: { representation: 'json' } });
  expect(new Set(results.map((r) => r.request.representation))).toEqual(new Set(['json']));
});

it('reports a request without a client in the representation its Accept asked for', async () => {
  const asked = exchangeOf({ url: list, status: 200, requestHeaders: { accept: 'application/json' } });
  const { results } = await judgeTarget(async (onExchange) => onExchange(asked), { target: 'client', checks: clientChecks, origin: base, redactor: new Redactor() });
  expect(results.length).toBeGreaterThan(0);
  expect(new Set(results.map((r) => r.request.representation))).toEqual(new Set(['json']));
});
