import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { additions, runWithEveryBody } from '../test-support/every-body.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { runConformance } from './run-conformance.js';

it.each(additions)('a body adding %s is a warning naming it, and no check fails', async (_addition, rewrite, named) => {
  const report = await runWithEveryBody(rewrite);
  const warnings = report.results.filter((r) => r.check === 'body.shape' && r.status === 'warning');
  expect(warnings.some((w) => named.test(w.message)), warnings.map((w) => w.message).join('\n')).toBe(true);
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  // What the CLI maps to exit 0: no failure, however many warnings.
  expect(report.summary).toMatchObject({ failed: 0 });
  expect(report.summary.warnings).toBeGreaterThan(0);
});

it('a body that adds something and breaks a documented rule fails body.shape: the failure the CLI maps to exit 1', async () => {
  const report = await runWithEveryBody(additions[0]![1], { fault: { corrupt: 'swapped-element-order' } });
  expect(report.results.filter((r) => r.status === 'failed').map((r) => r.check)).toContain('body.shape');
  expect(report.summary.failed).toBeGreaterThan(0);
});

it('a JSON body adding a property is a warning naming it, and no check fails (the XML of it agrees)', async () => {
  const mock = await startObservedMock(4);
  const added = (body: string) => JSON.stringify({ ...(JSON.parse(body) as object), AddedByALaterVersion: 1 });
  try {
    for (const id of Object.keys(builtinModel.operations)) mock.faults[id] = { mutate: (body, c) => (c.representation === 'json' && c.status < 300 && body.startsWith('{') ? added(body) : body) };
    const report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'] });
    const warnings = report.results.filter((r) => r.check === 'body.shape' && r.status === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.request.representation === 'json' && w.message.includes('$.AddedByALaterVersion: an undocumented property "AddedByALaterVersion": '))).toBe(true);
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  } finally {
    await mock.close();
  }
}, 120_000);
