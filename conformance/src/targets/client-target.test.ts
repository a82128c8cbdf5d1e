import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { runClientTarget } from './client-target.js';

const operations = Object.values(builtinModel.operations);

it('drives every operation through the client, with each documented error status, and never leaves the process', async () => {
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
});
