import { builtinModel } from '@vbem/models';
import { BaseUrlError } from '@vbem/client';
import { expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
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
  // The client target ran once by an XML client and once by a JSON one.
  expect(new Set(report.results.filter((r) => r.target === 'client').map((r) => r.request.representation))).toEqual(new Set(['xml', 'json']));
}, 300_000);

it('runs the client target in the chosen representation only', async () => {
  const report = await runConformance({ targets: ['client'], representations: ['json'] });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(new Set(report.results.map((r) => r.request.representation))).toEqual(new Set(['json']));
  expect(report.results.filter((r) => r.check === 'client.accept' && r.status === 'passed').length).toBeGreaterThan(Object.keys(builtinModel.operations).length);
}, 300_000);

it('refuses a base URL without credentials, or a same origin that is no URL, before sending anything', async () => {
  await expect(runConformance({ baseUrl: 'https://em.test:9398', username: 'svc' })).rejects.toThrow(UsageError);
  await expect(runConformance({ baseUrl: 'https://em.test:9398', username: 'svc', password: 'x', sameOrigins: ['not a url'] })).rejects.toThrow(UsageError);
});

it.each([[[]], [['yaml']], [['xml', 'xml']]])('refuses the representations %j before sending anything, naming the ones it takes', async (representations) => {
  const run = runConformance({ baseUrl: 'https://em.test:9398', username: 'svc', password: 'x', representations: representations as ('xml' | 'json')[] });
  await expect(run).rejects.toThrow(UsageError);
  await expect(run).rejects.toThrow(/representations: expected one or both of xml, json, each once/);
});

it('judges a server given in the documented form https://host:port/api/, sending no /api/api/ request', async () => {
  const mock = await startObservedMock(2);
  try {
    const events: ProgressEvent[] = [];
    const report = await runConformance({ baseUrl: `${mock.url}/api/`, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], onProgress: (e) => events.push(e) });
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.target).toBe(mock.url);
    expect(mock.received.map((r) => r.url).filter((u) => u.includes('/api/api'))).toEqual([]);
  } finally {
    await mock.close();
  }
}, 300_000);

it('refuses a base URL with credentials in it, echoing neither the user nor the password', async () => {
  const error = await runConformance({ baseUrl: 'https://svc:hunter2-secret@em.test:9398/api', username: 'svc', password: 'hunter2-secret' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BaseUrlError);
  expect(String(error)).not.toMatch(/hunter2|svc:/);
});

it('refuses a host without a scheme and says which URL was probably meant', async () => {
  await expect(runConformance({ baseUrl: 'localhost:9399', username: 'svc', password: 'x' })).rejects.toThrow('did you mean https://localhost:9399?');
});
