import { expect, it } from 'vitest';
import { additions, runWithEveryBody } from '../test-support/every-body.js';

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
