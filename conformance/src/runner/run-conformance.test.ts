import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import type { ProgressEvent } from './run-report.js';
import { runConformance } from './run-conformance.js';

it('passes clean against the built-in fake, for the server and the client target', async () => {
  const events: ProgressEvent[] = [];
  const report = await runConformance({ onProgress: (e) => events.push(e) });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(new Set(report.results.map((r) => r.target))).toEqual(new Set(['server', 'client']));
  expect(report.target).toMatch(/^built-in fake Enterprise Manager \(http:\/\/127\.0\.0\.1:\d+\)$/);
  expect(report.requests.server).toBeGreaterThan(20);
  expect(report.requests.client).toBeGreaterThan(50);
  expect(events.filter((e) => e.kind === 'target').map((e) => e.target)).toEqual(['server', 'client']);
  const checks = new Set(report.results.map((r) => r.check));
  for (const target of ['server', 'client'] as const) {
    const coverage = report.coverage[target]!;
    expect(coverage.operations.map((o) => o.operation)).toEqual(Object.keys(builtinModel.operations));
    // Against the fake it started itself, the run sends every operation, state-changing ones included.
    expect(coverage.operations.filter((o) => o.status === 'skipped')).toEqual([]);
  }
  expect(report.results.find((r) => r.check === 'auth.wrong-password')).toMatchObject({ status: 'passed' });
  for (const id of ['status.unknown-id', 'links.alternate', 'links.up', 'auth.after-logoff', 'client.origin', 'client.error', 'client.value']) expect(checks).toContain(id);
}, 20_000);

it('refuses a base URL without credentials, or a same origin that is no URL, before sending anything', async () => {
  await expect(runConformance({ baseUrl: 'https://em.test:9398', username: 'svc' })).rejects.toThrow(UsageError);
  await expect(runConformance({ baseUrl: 'https://em.test:9398', username: 'svc', password: 'x', sameOrigins: ['not a url'] })).rejects.toThrow(UsageError);
});
