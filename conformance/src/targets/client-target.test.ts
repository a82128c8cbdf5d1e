import { builtinModel, mediaTypeOf } from '@vbem/models';
import { expect, it } from 'vitest';
import { clientChecks } from '../checks/client-checks.js';
import type { Exchange } from '../exchange.js';
import { Redactor } from '../redactor.js';
import { judgeTarget } from '../runner/judge-target.js';
import { runClientTarget } from './client-target.js';

const operations = Object.values(builtinModel.operations);

it('drives every operation through the client, with each documented error status, once per representation, and never leaves the process', { timeout: 300_000 }, async () => {
  const exchanges: Exchange[] = [];
  const { skipped } = await runClientTarget({}, (e) => void exchanges.push(e));
  const origins = new Set(exchanges.filter((e) => e.sent !== false).map((e) => new URL(e.request.url).origin));
  expect(origins).toEqual(new Set(['https://em.vbem.test:9398']));
  const called = new Set(exchanges.filter((e) => e.probe === undefined).map((e) => e.operationId));
  const skippedIds = new Set(skipped.map((s) => s.operation));
  for (const o of operations) expect(called.has(o.id) || skippedIds.has(o.id), o.id).toBe(true);
  const forced = exchanges.filter((e) => e.probe === 'forced-status' && e.outcome);
  const withErrors = operations.filter((o) => o.responses.some((r) => r.error) && !skippedIds.has(o.id));
  expect(new Set(forced.map((e) => e.operationId))).toEqual(new Set(withErrors.map((o) => o.id)));
  for (const o of withErrors) {
    const statuses = forced.filter((e) => e.operationId === o.id).map((e) => e.response?.status);
    for (const r of o.responses.filter((x) => x.error)) expect(statuses, `${o.id} ${r.status}`).toContain(r.status);
  }
  const foreign = exchanges.find((e) => e.probe === 'foreign-origin')!;
  expect(foreign).toMatchObject({ sent: false, outcome: { error: { name: 'ForeignOriginError' } } });
  expect(exchanges.filter((e) => e.outcome?.value !== undefined).length).toBeGreaterThan(operations.length);
  // XML, then JSON (the default order), each by a client of its own that calls the same operations.
  const calledIn = (representation: string) => new Set(exchanges.filter((e) => e.clientRepresentation === representation && e.probe === undefined).map((e) => e.operationId));
  expect(exchanges.map((e) => e.clientRepresentation).filter((r, i, all) => r !== all[i - 1])).toEqual(['xml', 'json']);
  expect(calledIn('json')).toEqual(calledIn('xml'));
});

it('passes every client check with a JSON client, its requests and the answers it decodes in JSON', { timeout: 300_000 }, async () => {
  const { results, exchanges } = await judgeTarget((onExchange) => runClientTarget({ representations: ['json'] }, onExchange), { target: 'client', checks: clientChecks, origin: 'https://em.vbem.test:9398', redactor: new Redactor(), keepExchanges: true });
  expect(results.filter((r) => r.status !== 'passed')).toEqual([]);
  for (const check of clientChecks) expect(results.filter((r) => r.check === check.id).length, check.id).toBeGreaterThan(0);
  expect(results.every((r) => r.request.representation === 'json')).toBe(true);
  const sent = exchanges.filter((e) => e.sent !== false);
  expect(sent.every((e) => e.request.headers.accept === mediaTypeOf(builtinModel, 'json'))).toBe(true);
  const answered = sent.filter((e) => e.response && e.response.body !== '');
  expect(answered.length).toBeGreaterThan(operations.length);
  for (const e of answered) expect(e.response!.headers['content-type'], e.request.url).toMatch(/^application\/json/);
  expect(results.filter((r) => r.check === 'client.value' && r.status === 'passed').length).toBeGreaterThan(operations.length);
});
